import Foundation
import StackKit
import Testing

@testable import StackToolkit

@Suite struct BootstrapTemplateTests {
  @Test func bucketIsNamedEncryptedVersionedPrivateAndTLSOnly() throws {
    let template = try JSONParser.parse(BootstrapTemplate.text)
    let bucket = try #require(template["Resources"]?["AssetBucket"])
    #expect(bucket["Type"] == .string("AWS::S3::Bucket"))
    let p = try #require(bucket["Properties"])
    #expect(
      p["BucketName"]?["Fn::Sub"] == .string("stackkit-assets-${AWS::AccountId}-${AWS::Region}"))
    #expect(
      p["BucketEncryption"]?["ServerSideEncryptionConfiguration"]?.arrayValue?.first?[
        "ServerSideEncryptionByDefault"]?["SSEAlgorithm"] == .string("AES256"))
    #expect(p["VersioningConfiguration"]?["Status"] == .string("Enabled"))
    let block = try #require(p["PublicAccessBlockConfiguration"]?.objectValue)
    #expect(block.count == 4 && block.allSatisfy { $0.value == .bool(true) })
    let statements = IAMStatement.statements(in: template)
    #expect(statements.count == 1)
    #expect(statements.first?.effect == "Deny")
    #expect(statements.first?.condition == #"{"Bool":{"aws:SecureTransport":"false"}}"#)
    #expect(statements.first?.resources == ["${AssetBucket.Arn}", "${AssetBucket.Arn}/*"])
    #expect(template["Outputs"]?[BootstrapTemplate.versionOutput]?["Value"] == .string("1"))
    #expect(template["Outputs"]?[BootstrapTemplate.bucketOutput] != nil)
  }
}

@Suite struct BootstrapTaskTests {
  static func task() -> BootstrapTask {
    var task = BootstrapTask()
    task.initialPollInterval = .milliseconds(1)
    task.maxPollInterval = .milliseconds(2)
    return task
  }

  @Test func bootstrapIsIdempotentAndDeployFindsIt() async throws {
    let fake = FakeCloud()
    let terminal = RecordingTerminal()
    let first = try await Self.task().run(
      session: AWSSession(client: fake.client()), terminal: terminal)
    #expect(first.changed)
    #expect(first.bucketName == "stackkit-assets-123456789012-us-east-1")
    let create = try #require(
      fake.requests.first { $0.formParameters["Action"] == "CreateChangeSet" })
    #expect(create.formParameters["StackName"] == "StackKitToolkit")
    #expect(create.formParameters["ChangeSetType"] == "CREATE")
    #expect(terminal.output.contains("Bootstrapping account 123456789012, region us-east-1"))

    let count = fake.requests.count
    let again = RecordingTerminal()
    let second = try await Self.task().run(
      session: AWSSession(client: fake.client()), terminal: again)
    #expect(!second.changed)
    #expect(again.output.contains("StackKitToolkit is up to date (version 1)"))
    #expect(!fake.actions.dropFirst(count).contains("CreateChangeSet"))

    // The toolkit is found by deploy (through its outputs, or its name when there are none).
    let session = AWSSession(client: fake.client())
    let toolkit = try await session.requireToolkit(region: "us-east-1", for: "Demo")
    #expect(toolkit.bucketName == "stackkit-assets-123456789012-us-east-1")
    #expect(toolkit.version == 1)
  }

  @Test func anOrphanedBucketIsExplained() async throws {
    let fake = FakeCloud()
    fake.putObject(bucket: fake.bucket, key: "old.zip", Data())
    do {
      _ = try await Self.task().run(
        session: AWSSession(client: fake.client()), terminal: RecordingTerminal())
      Issue.record("bootstrapped over a bucket no stack owns")
    } catch {
      #expect("\(error)".contains("already exists but no StackKitToolkit stack owns it"))
    }
  }
}
