import AWSClient
import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The wire format and signatures against a real server: moto_server on 127.0.0.1 (started here on
/// a free port, stopped at the end). First the calls deploy needs, unauthenticated; then, with
/// moto verifying every SigV4 signature (`/moto-api/reset-auth` to 0, like
/// `INITIAL_NO_AUTH_ACTION_COUNT=0`) and an access key created through moto's IAM API: a correct
/// key is accepted by STS, CloudFormation and S3, a wrong secret is rejected.
///
/// Skipped when `moto_server` is not installed (unless `STACKKIT_REQUIRE_MOTO` is set).
@Suite(
  .enabled(
    if: MotoServer.enabled,
    "moto_server is not installed (pip install 'moto[server]'); set STACKKIT_REQUIRE_MOTO=1 to fail instead of skipping"
  ))
struct MotoServerTests {
  static let template = """
    {
      "Parameters": {"Suffix": {"Type": "String"}},
      "Resources": {"Bucket": {"Type": "AWS::S3::Bucket",
        "Properties": {"BucketName": {"Fn::Join": ["-", ["stackkit-moto", {"Ref": "Suffix"}]]}}}},
      "Outputs": {"BucketName": {"Value": {"Ref": "Bucket"}, "Export": {"Name": "moto-bucket"}}}
    }
    """

  static let iam = AWSService(
    serviceID: "IAM", signingName: "iam", endpointPrefix: "iam", apiVersion: "2010-05-08")

  func client(_ server: MotoServer, keyID: String = "testing", secret: String = "testing")
    -> AWSClient
  {
    AWSClient(
      region: "us-east-1",
      credentials: StaticCredentialProvider(
        AWSCredentials(accessKeyID: keyID, secretAccessKey: secret)),
      transport: URLSessionTransport(timeout: 20),
      endpoints: EndpointResolver(endpointURL: server.url),
      retryPolicy: RetryPolicy(maxAttempts: 2, sleep: { _ in }))
  }

  @Test func wireFormatAndSignatureVerification() async throws {
    let server = try await MotoServer()
    defer { server.stop() }
    let client = client(server)

    // STS and S3.
    #expect(try await client.sts.getCallerIdentity().account == "123456789012")
    let s3 = client.s3
    #expect(try await s3.headBucket(bucket: "stackkit-assets") == nil)
    try await s3.createBucket(bucket: "stackkit-assets")
    #expect(try await s3.headBucket(bucket: "stackkit-assets") != nil)
    #expect(try await s3.headObject(bucket: "stackkit-assets", key: "a/b c.zip") == nil)
    let put = try await s3.putObject(
      bucket: "stackkit-assets", key: "a/b c.zip", body: Data("zip bytes".utf8),
      contentType: "application/zip", metadata: ["hash": "h1"])
    #expect(put.eTag != nil)
    let head = try #require(try await s3.headObject(bucket: "stackkit-assets", key: "a/b c.zip"))
    #expect(head.contentLength == 9)
    #expect(head.metadata["hash"] == "h1")

    // CloudFormation: create through a change set, read it back, delete.
    let cfn = client.cloudFormation
    #expect(try await cfn.describeStack("app") == nil)
    let created = try await cfn.createChangeSet(
      .init(
        stackName: "app", changeSetName: "stackkit-1", template: .body(Self.template),
        changeSetType: .create, parameters: [.init(key: "Suffix", value: "one")],
        capabilities: [.iam], tags: [.init(key: "team", value: "core")]))
    #expect(created.id.contains("changeSet"))
    let changeSet = try await cfn.describeChangeSet(
      .init(changeSetName: created.id, stackName: "app"), allPages: true)
    #expect(changeSet.changeSetName == "stackkit-1")
    #expect(changeSet.changes.compactMap(\.resourceChange).map(\.logicalResourceID) == ["Bucket"])
    #expect(changeSet.changes.first?.resourceChange?.action == "Add")
    try await cfn.executeChangeSet(.init(changeSetName: created.id, stackName: "app"))
    let stack = try #require(try await cfn.describeStack("app"))
    #expect(stack.stackStatus == .createComplete)
    // (moto gives stacks made by change sets no outputs and no per-resource events.)
    #expect(stack.parameters.first { $0.key == "Suffix" }?.value == "one")
    #expect(stack.tags.contains(.init(key: "team", value: "core")))
    let resources = try await cfn.describeStackResources(stackName: "app")
    #expect(resources.map(\.logicalResourceID) == ["Bucket"])
    #expect(resources.first?.physicalResourceID == "stackkit-moto-one")
    let events = try await cfn.describeStackEvents(stackName: "app")
    #expect(events.events.first?.resourceStatus == "CREATE_COMPLETE")
    #expect(events.events.first?.logicalResourceID == "app")
    #expect(events.events.contains { $0.resourceStatus == "REVIEW_IN_PROGRESS" })
    let template = try await cfn.getTemplate(stackName: "app")
    #expect(template.templateBody.contains("stackkit-moto"))
    #expect(try await cfn.listStacks().contains { $0.stackName == "app" })
    try await cfn.deleteStack(stackName: "app")
    let afterDelete = try await cfn.describeStack("app")
    #expect(afterDelete == nil || afterDelete?.stackStatus == .deleteComplete)

    // Signatures: an IAM user with a key, then moto verifies every request from now on.
    func iam(_ action: String, _ parameters: QueryParameters) async throws -> XMLNode {
      try await client.query(
        AWSOperation(service: Self.iam, name: action, isIdempotent: false), parameters)
    }
    var user = QueryParameters()
    user["UserName"] = "deployer"
    _ = try await iam("CreateUser", user)
    var policy = user
    policy["PolicyName"] = "all"
    policy["PolicyDocument"] =
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
    _ = try await iam("PutUserPolicy", policy)
    let key = try await iam("CreateAccessKey", user)["AccessKey"]
    let keyID = try #require(key?.string("AccessKeyId"))
    let secret = try #require(key?.string("SecretAccessKey"))
    try await server.requireAuthentication()

    let signed = self.client(server, keyID: keyID, secret: secret)
    #expect(try await signed.sts.getCallerIdentity().arn.hasSuffix(":user/deployer"))
    #expect(try await signed.cloudFormation.describeStack("app") == nil)
    // A signed form body with spaces, quotes and braces (the template).
    let signedChangeSet = try await signed.cloudFormation.createChangeSet(
      .init(
        stackName: "signed", changeSetName: "cs", template: .body(Self.template),
        changeSetType: .create, parameters: [.init(key: "Suffix", value: "two words")]))
    #expect(signedChangeSet.id.contains("changeSet"))
    // A key that needs encoding (moto 5.2 itself mis-verifies keys with `+`, `=` or non-ASCII
    // characters, for boto3 too, so the space stands for them).
    _ = try await signed.s3.putObject(
      bucket: "stackkit-assets", key: "signed/a b.json", body: Data("{}".utf8))
    #expect(
      try await signed.s3.headObject(bucket: "stackkit-assets", key: "signed/a b.json") != nil)

    let forged = self.client(server, keyID: keyID, secret: "not-the-secret")
    let stsError = await #expect(throws: AWSError.self) { try await forged.sts.getCallerIdentity() }
    #expect(stsError?.code == "SignatureDoesNotMatch")
    #expect(stsError?.description.contains("not-the-secret") == false)
    let cfnError = await #expect(throws: AWSError.self) {
      try await forged.cloudFormation.describeStacks()
    }
    #expect(cfnError?.code == "SignatureDoesNotMatch")
    let s3Error = await #expect(throws: AWSError.self) {
      try await forged.s3.putObject(bucket: "stackkit-assets", key: "x", body: Data())
    }
    #expect(s3Error?.code == "SignatureDoesNotMatch")
    let unknown = self.client(server, keyID: "AKIANOBODY", secret: secret)
    let unknownError = await #expect(throws: AWSError.self) {
      try await unknown.sts.getCallerIdentity()
    }
    #expect(unknownError?.code == "InvalidClientTokenId")
  }
}
