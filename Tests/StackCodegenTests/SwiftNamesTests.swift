import StackCodegen
import Testing

@Suite struct SwiftNamesTests {
  @Test(arguments: [
    ("CidrBlock", "cidrBlock"), ("SSEAlgorithm", "sseAlgorithm"), ("VPCId", "vpcId"),
    ("ID", "id"), ("KMSMasterKeyID", "kmsMasterKeyID"), ("S3Bucket", "s3Bucket"),
    ("Ipv6CidrBlocks", "ipv6CidrBlocks"), ("MultiAZEnabled", "multiAZEnabled"), ("A", "a"),
  ])
  func lowerCamel(_ name: String, _ expected: String) {
    #expect(SwiftNames.lowerCamel(name) == expected)
  }

  @Test(arguments: [
    ("GLACIER_IR", "glacierIr"), ("aws:kms", "awsKms"), ("python3.12", "python3_12"),
    ("nodejs20.x", "nodejs20X"), ("1", "_1"), ("no-password-required", "noPasswordRequired"),
    ("ReplicationGroup", "replicationGroup"), ("*", "empty"), ("x86_64", "x86_64"),
  ])
  func enumMember(_ raw: String, _ expected: String) {
    #expect(SwiftNames.enumMember(raw) == expected)
  }

  @Test func keywordsAreEscaped() {
    #expect(SwiftNames.escaped("default") == "`default`")
    #expect(SwiftNames.escaped("protocol") == "`protocol`")
    #expect(SwiftNames.escaped("type") == "type")
    #expect(SwiftNames.escaped("cidrBlock") == "cidrBlock")
  }

  @Test func typeNames() {
    #expect(SwiftNames.typeName("vpcConfig") == "VpcConfig")
    #expect(SwiftNames.typeName("S3.Destination") == "S3Destination")
  }
}
