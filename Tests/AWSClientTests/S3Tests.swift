import AWSClient
import Foundation
import Testing

/// S3 over REST-XML: addressing, signing with x-amz-content-sha256, HEAD semantics.
struct S3Tests {
  @Test func virtualHostedAndPathStyleURLs() {
    let transport = ScriptedTransport([.fail(.cannotConnect)])
    let aws = Fixture.client(transport, region: "eu-west-1").s3
    #expect(
      aws.url(bucket: "assets", key: "a b/ü+c.zip").absoluteString
        == "https://assets.s3.eu-west-1.amazonaws.com/a%20b/%C3%BC%2Bc.zip")
    #expect(
      aws.url(bucket: "my.dotted.bucket", key: "k").absoluteString
        == "https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/k")
    #expect(
      aws.url(bucket: "assets", key: nil).absoluteString
        == "https://assets.s3.eu-west-1.amazonaws.com/")
    let local = Fixture.client(transport, endpoint: "http://127.0.0.1:5000").s3
    #expect(
      local.url(bucket: "assets", key: "dir/file.json").absoluteString
        == "http://127.0.0.1:5000/assets/dir/file.json")
    #expect(local.url(bucket: "assets", key: nil).absoluteString == "http://127.0.0.1:5000/assets")
  }

  @Test func putObjectIsSignedWithThePayloadHash() async throws {
    let transport = ScriptedTransport([
      .respond(HTTPResponse(status: 200, headers: ["ETag": "\"abc\"", "x-amz-version-id": "v1"]))
    ])
    let body = Data("hello".utf8)
    let output = try await Fixture.client(transport).s3.putObject(
      bucket: "assets", key: "x/hello.txt", body: body, contentType: "text/plain",
      metadata: ["hash": "123"], serverSideEncryption: "aws:kms")
    #expect(output == .init(eTag: "\"abc\"", versionID: "v1"))
    let request = try #require(transport.requests.first)
    #expect(request.method == "PUT")
    #expect(request.body == body)
    #expect(
      request.header("x-amz-content-sha256")
        == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
    #expect(request.header("Content-Type") == "text/plain")
    #expect(request.header("x-amz-meta-hash") == "123")
    #expect(request.header("x-amz-server-side-encryption") == "aws:kms")
    let authorization = try #require(request.header("Authorization"))
    #expect(authorization.contains("/us-east-1/s3/aws4_request"))
    #expect(authorization.contains("x-amz-content-sha256"))
    #expect(authorization.contains("x-amz-meta-hash"))
  }

  @Test func headObjectReadsMetadataAndReturnsNilWhenMissing() async throws {
    let transport = ScriptedTransport(handler: { request in
      if request.url.path.hasSuffix("present") {
        return .respond(
          HTTPResponse(
            status: 200,
            headers: ["Content-Length": "42", "ETag": "\"e\"", "x-amz-meta-Source": "stackkit"]))
      }
      return .respond(HTTPResponse(status: 404))
    })
    let s3 = Fixture.client(transport).s3
    let present = try #require(try await s3.headObject(bucket: "b", key: "present"))
    #expect(present.contentLength == 42)
    #expect(present.eTag == "\"e\"")
    #expect(present.metadata == ["source": "stackkit"])
    #expect(try await s3.headObject(bucket: "b", key: "absent") == nil)
    #expect(transport.requests.allSatisfy { $0.method == "HEAD" })
  }

  @Test func headBucketExistsMissingElsewhereAndForbidden() async throws {
    let transport = ScriptedTransport(handler: { request in
      switch request.url.host {
      case "mine.s3.us-east-1.amazonaws.com":
        return .respond(HTTPResponse(status: 200, headers: ["x-amz-bucket-region": "us-east-1"]))
      case "moved.s3.us-east-1.amazonaws.com":
        return .respond(HTTPResponse(status: 301, headers: ["x-amz-bucket-region": "eu-west-1"]))
      case "theirs.s3.us-east-1.amazonaws.com":
        return .respond(HTTPResponse(status: 403))
      default:
        return .respond(HTTPResponse(status: 404))
      }
    })
    let s3 = Fixture.client(transport).s3
    #expect(try await s3.headBucket(bucket: "mine") == .init(region: "us-east-1"))
    #expect(try await s3.headBucket(bucket: "moved") == .init(region: "eu-west-1"))
    #expect(try await s3.headBucket(bucket: "nothing") == nil)
    let error = await #expect(throws: AWSError.self) { try await s3.headBucket(bucket: "theirs") }
    #expect(error?.code == "Forbidden")
  }

  @Test func createBucketSendsTheLocationConstraintOutsideUSEast1() async throws {
    let transport = ScriptedTransport([.respond(HTTPResponse(status: 200))])
    try await Fixture.client(transport, region: "eu-west-1").s3.createBucket(bucket: "b1")
    try await Fixture.client(transport, region: "us-east-1").s3.createBucket(bucket: "b2")
    #expect(
      transport.requests[0].bodyText.contains("<LocationConstraint>eu-west-1</LocationConstraint>"))
    #expect(transport.requests[1].body.isEmpty)
  }

  @Test func presignedURLCarriesTheSignature() throws {
    let signer = SigV4(
      credentials: Fixture.credentials, region: "us-east-1", service: "s3", options: .s3)
    let request = HTTPRequest(
      method: "GET", url: URL(string: "https://b.s3.us-east-1.amazonaws.com/k%20y")!)
    let url = signer.presign(
      request, date: Date(timeIntervalSince1970: 1_440_938_160), expires: 900)
    let query = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems)
    let names = query.map(\.name)
    #expect(
      names == [
        "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Expires",
        "X-Amz-Signature",
      ])
    #expect(query.first { $0.name == "X-Amz-Date" }?.value == "20150830T123600Z")
    #expect(query.first { $0.name == "X-Amz-Expires" }?.value == "900")
    #expect(url.path == "/k y")
    #expect(query.last?.value?.count == 64)
  }
}
