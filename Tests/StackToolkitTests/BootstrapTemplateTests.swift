import StackKit
import Testing

@testable import StackToolkit

@Suite struct BootstrapTemplateTests {
  @Test func bucketIsNamedEncryptedVersionedPrivateAndTLSOnly() throws {
    let template = try JSONParser.parse(BootstrapTemplate.text)
    let bucket = try #require(template["Resources"]?["AssetBucket"])
    #expect(bucket["Type"] == .string("AWS::S3::Bucket"))
    let p = try #require(bucket["Properties"])
    #expect(p["BucketName"]?["Fn::Sub"] == .string("stackkit-assets-${AWS::AccountId}-${AWS::Region}"))
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
