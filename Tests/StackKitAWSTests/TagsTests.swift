import Foundation
import StackKit
import Testing

@testable import StackKitAWS

/// `Tags.of(scope)` against what real AWS CDK emits for the same programs (Fixtures/cdk-tags,
/// made by cdk_tags_fixtures.py; see synth.sh there), and the rules behind it.
@Suite struct TagsTests {
  /// The CDK template of one stack of Fixtures/cdk-tags.
  static func fixture(_ stackName: String) throws -> JSON {
    guard let base = Bundle.module.resourceURL else {
      throw FixtureError(message: "no resource folder in the test bundle")
    }
    let url = base.appendingPathComponent("Fixtures/cdk-tags/\(stackName).template.json")
    return try JSONParser.parse(try String(contentsOf: url, encoding: .utf8))
  }

  static func expectMatchesFixture(
    _ stackName: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ build: (Stack) -> Void
  ) throws {
    let ours = try EC2TestSupport.synthesize(stackName, build)
    let diffs = EC2TestSupport.resourceDifferences(ours, try fixture(stackName))
    #expect(diffs.isEmpty, "\(diffs.joined(separator: "\n"))", sourceLocation: sourceLocation)
  }

  static func tags(_ template: JSON, _ logicalID: String) -> JSON? {
    template["Resources"]?[logicalID]?["Properties"]?["Tags"]
  }

  static func tagList(_ pairs: [(String, String)]) -> JSON {
    .array(pairs.map { .object(JSONObject([("Key", .string($0.0)), ("Value", .string($0.1))])) })
  }

  @Test func aStackTagAddedLastReachesEveryTaggableResourceAsCDK() throws {
    let folders = try LambdaTests.AssetFolders()
    defer { folders.remove() }
    try Self.expectMatchesFixture("TagsEverywhere") { stack in
      let vpc = EC2.Vpc(stack, "Vpc", maxAZs: 2, natGateways: 1)
      vpc.addInterfaceEndpoint(
        "SecretsManager", service: EC2.InterfaceVpcEndpointAwsService.secretsManager)
      vpc.addFlowLog("FlowLog")
      let web = EC2.SecurityGroup(stack, "Web", vpc: vpc)
      _ = IAM.Role(stack, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      let key = KMS.Key(stack, "Key")
      _ = SecretsManager.Secret(stack, "Secret", encryptionKey: key)
      _ = Logs.LogGroup(stack, "Logs")
      let layer = Lambda.LayerVersion(stack, "Deps", code: .fromAsset(folders.layer))
      Lambda.Function(
        stack, "Fn", runtime: .python313, handler: "app.main", code: .fromAsset(folders.app),
        vpc: vpc, securityGroups: [web], layers: [layer])
      Tags.of(stack).add("team", "platform")
    }
  }

  @Test func prioritiesClosenessIncludeExcludeAndRemoveAsCDK() throws {
    try Self.expectMatchesFixture("TagsRules") { stack in
      let net = Construct(stack, "Net")
      let vpc = EC2.CfnVPC(
        net, "Vpc", cidrBlock: "10.0.0.0/16",
        tags: [
          CfnTag(key: "owner", value: "vpc-team"), CfnTag(key: "Zone", value: "a"),
          CfnTag(key: "low", value: "from-the-vpc"), CfnTag(key: "_private", value: "p"),
          CfnTag(key: "10x", value: "n"), CfnTag(key: "cleanup", value: "weekly"),
        ])
      _ = EC2.CfnSubnet(net, "Subnet", cidrBlock: "10.0.0.0/24", vpcId: vpc.ref)
      _ = EC2.CfnRouteTable(net, "Routes", vpcId: vpc.ref)
      _ = SSM.CfnParameter(
        stack, "Param", tags: ["owner": "ssm", "b": "1"], type: .string, value: "v")
      _ = SSM.CfnParameter(stack, "Bare", type: .string, value: "v")
      let untagged = EC2.CfnSubnet(stack, "Untagged", cidrBlock: "10.0.1.0/24", vpcId: vpc.ref)
      Tags.of(stack).add("owner", "platform")
      Tags.of(stack).add("low", "stack", priority: 10)
      Tags.of(stack).add("same", "first")
      Tags.of(stack).add("same", "second")
      Tags.of(net).add("near", "net")
      Tags.of(stack).add("near", "stack")
      Tags.of(net).add("boss", "net")
      Tags.of(stack).add("boss", "stack", priority: 300)
      Tags.of(stack).add("subnets", "only", includeResourceTypes: ["AWS::EC2::Subnet"])
      Tags.of(stack).add(
        "not-vpc", "yes", excludeResourceTypes: ["AWS::EC2::VPC", "AWS::SSM::Parameter"])
      Tags.of(net).add("gone", "x")
      Tags.of(stack).remove("gone")
      Tags.of(stack).add("kept", "x")
      Tags.of(net).remove("kept", priority: 50)
      Tags.of(net).remove("cleanup")
      Tags.of(stack).remove("b", includeResourceTypes: ["AWS::SSM::Parameter"])
      for key in ["owner", "same", "not-vpc", "subnets", "kept", "near", "low"] {
        Tags.of(untagged).remove(key)
      }
      Tags.of(untagged).remove("boss", priority: 300)
    }
  }

  @Test func tagsSetAfterAnL1ChangesItsTagsTooAndTokensStayAsGiven() throws {
    var ids: (vpc: String, bucket: String) = ("", "")
    let template = try synthesizeStack { s in
      let vpc = EC2.CfnVPC(
        s, "Vpc", cidrBlock: "10.0.0.0/16",
        tags: [CfnTag(key: "Name", value: "\(Pseudo.stackName)/Vpc")])
      let bucket = S3.CfnBucket(s, "Bucket")
      ids = (vpc.logicalID, bucket.logicalID)
      vpc.tags?.append(CfnTag(key: .ref(bucket), value: "dynamic"))
      Tags.of(s).add("team", "platform")
      bucket.tags = [CfnTag(key: "team", value: "data")]
    }
    let vpcTags = try #require(Self.tags(template, ids.vpc)?.arrayValue)
    #expect(vpcTags.count == 3)
    #expect(vpcTags[0]["Key"] == .string("Name"))
    #expect(vpcTags[0]["Value"]?["Fn::Join"] != nil)
    #expect(vpcTags[1] == Self.tagList([("team", "platform")]).arrayValue?[0])
    // A key known only at deployment cannot be merged: kept after the others.
    #expect(vpcTags[2]["Key"] == .object(JSONObject([("Ref", .string(ids.bucket))])))
    // The stack's tag (priority 100) wins over the one given to the L1 (priority 50).
    #expect(Self.tags(template, ids.bucket) == Self.tagList([("team", "platform")]))
  }

  @Test func tagsGoAtTheirAlphabeticalPlaceAmongProperties() throws {
    var ids: [String] = []
    let template = try synthesizeStack { s in
      let key = KMS.Key(s, "Key")
      let group = ElastiCache.CfnReplicationGroup(
        s, "Redis", replicationGroupDescription: "cache", transitEncryptionEnabled: true)
      let parameter = SSM.CfnParameter(s, "Param", type: .string, value: "v")
      ids = [key.resource.logicalID, group.logicalID, parameter.logicalID]
      Tags.of(s).add("team", "platform")
    }
    let keys = ids.map { id in
      template["Resources"]?[id]?["Properties"]?.objectValue?.map(\.key) ?? []
    }
    #expect(keys[0].last == "Tags")
    #expect(keys[1] == ["ReplicationGroupDescription", "Tags", "TransitEncryptionEnabled"])
    #expect(keys[2] == ["Tags", "Type", "Value"])
    #expect(
      Self.tags(template, ids[2]) == .object(JSONObject([("team", .string("platform"))])))
  }

  @Test func aMapTagTokenWithTagsOfAScopeIsReported() throws {
    let problems = synthesisProblems { s in
      let flag = CfnCondition(s, "On", expression: Fn.equals("a", "a"))
      _ = SSM.CfnParameter(
        s, "Param", tags: Fn.if(flag, ["a": "1"], ["b": "2"]), type: .string, value: "v")
      Tags.of(s).add("team", "platform")
    }
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("S/Param: the Tags property is a value known only") == true)
    #expect(problems.first?.contains("adds team") == true)
    #expect(problems.first?.contains(#"excludeResourceTypes: ["AWS::SSM::Parameter"]"#) == true)

    // Alone, the token is rendered as given.
    let template = try synthesizeStack { s in
      let flag = CfnCondition(s, "On", expression: Fn.equals("a", "a"))
      _ = SSM.CfnParameter(
        s, "Param", tags: Fn.if(flag, ["a": "1"], ["b": "2"]), type: .string, value: "v")
    }
    #expect(Self.tags(template, "Param")?["Fn::If"] != nil)
  }

  @Test func subnetNameAndTypeTagsStayOnSubnetsAndCanBeOverriddenCloser() throws {
    var ids: (subnet: String, table: String) = ("", "")
    let template = try synthesizeStack { s in
      let vpc = EC2.Vpc(s, "Vpc", maxAZs: 1, natGateways: 0)
      let subnet = vpc.publicSubnets[0]
      ids = (subnet.resource.logicalID, subnet.routeTable.logicalID)
      Tags.of(s).add("aws-cdk:subnet-name", "from-the-stack")
      Tags.of(subnet).add("Name", "edge")
    }
    #expect(
      Self.tags(template, ids.subnet)
        == Self.tagList([
          ("aws-cdk:subnet-name", "Public"), ("aws-cdk:subnet-type", "Public"), ("Name", "edge"),
        ]))
    #expect(
      Self.tags(template, ids.table)
        == Self.tagList([("aws-cdk:subnet-name", "from-the-stack"), ("Name", "edge")]))
  }
}
