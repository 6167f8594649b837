import StackKit
import StackKitAWS
import Testing

/// The README's DSL example, kept compiling and synthesizing.
@Suite struct ReadmeExampleTests {
  final class CacheStack: Stack {
    init(_ app: App) {
      super.init(app, "CacheStack")
      let vpc = EC2.Vpc(
        self, "Vpc",
        subnetConfiguration: [
          EC2.SubnetConfiguration(name: "Isolated", subnetType: .privateIsolated, cidrMask: 24)
        ])
      let readerRole = IAM.Role(
        self, "ReaderRole", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      let key = KMS.Key(self, "Key", alias: "cache/credentials", enableKeyRotation: true)
      let reader = ElastiCache.RedisRbacUser(
        self, "reader", userName: "reader", userID: "reader", accessString: "on ~* -@all +GET",
        kmsKey: key)
      reader.grantSecretRead(readerRole)
      let fallback = ElastiCache.RedisRbacUser(
        self, "default", userName: "default", userID: "cache-default", kmsKey: key)
      _ = ElastiCache.UserGroup(
        self, "Users", userGroupID: "cache-users", users: [fallback, reader])
      _ = vpc
    }
  }

  @Test func readmeExampleSynthesizes() throws {
    let app = App(environment: [:])
    _ = CacheStack(app)
    let template = try app.synthesizeTemplates().stacks[0].template
    let resources = try #require(template["Resources"]?.objectValue)
    let types = resources.map { $0.value["Type"]?.stringValue ?? "" }
    #expect(types.filter { $0 == "AWS::ElastiCache::User" }.count == 2)
    #expect(types.contains("AWS::ElastiCache::UserGroup"))
    #expect(types.contains("AWS::SecretsManager::ResourcePolicy"))
    // The reader's password is a dynamic reference, never a literal.
    let text = JSONWriter(indent: nil).write(template)
    #expect(text.contains("{{resolve:secretsmanager:"))
  }
}
