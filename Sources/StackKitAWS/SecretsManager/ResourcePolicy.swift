import StackKit

extension SecretsManager {
  /// The resource policy of a secret (`AWS::SecretsManager::ResourcePolicy`), made by
  /// ``Secret/addToResourcePolicy(_:)`` as the secret's child `Policy`.
  ///
  /// ```swift
  /// secret.addToResourcePolicy(IAM.PolicyStatement(
  ///   actions: ["secretsmanager:GetSecretValue"], resources: [secret.secretArn],
  ///   principals: [role]))
  /// ```
  public final class ResourcePolicy: Construct {
    /// The policy document; grows as statements are added.
    public let document: IAM.PolicyDocument
    private var resourceStorage: SecretsManager.CfnResourcePolicy!

    public init(_ scope: Construct, _ id: String, secret: Secret) {
      document = IAM.PolicyDocument()
      super.init(scope, id)
      resourceStorage = SecretsManager.CfnResourcePolicy(
        self, "Resource", resourcePolicy: document.cfnValue, secretId: secret.secretArn)
    }

    /// The `AWS::SecretsManager::ResourcePolicy` resource.
    public var resource: SecretsManager.CfnResourcePolicy { resourceStorage }
  }
}
