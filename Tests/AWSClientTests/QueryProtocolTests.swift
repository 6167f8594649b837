import AWSClient
import Foundation
import Testing

/// The AWS Query protocol: form encoding of scalars, lists and maps; XML decoding; error bodies
/// that are XML, HTML or nothing at all.
struct QueryProtocolTests {
  @Test func encodesScalarsListsStructuresAndMaps() {
    var p = QueryParameters()
    p["StackName"] = "my stack/ü"
    p.set("DisableRollback", true)
    p.set("DurationSeconds", 900)
    p.set(list: "Capabilities", ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
    p.set(list: "Empty", [])
    p.set(members: "Tags", [("a", "1"), ("b", "2")]) { p, tag in
      p["Key"] = tag.0
      p["Value"] = tag.1
    }
    p.set(map: "Attributes", [(key: "k1", value: "v 1"), (key: "k2", value: "v=2")])
    p["Skipped"] = nil
    #expect(
      p.encoded
        == "StackName=my+stack%2F%C3%BC&DisableRollback=true&DurationSeconds=900"
        + "&Capabilities.member.1=CAPABILITY_IAM&Capabilities.member.2=CAPABILITY_NAMED_IAM"
        + "&Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.2.Key=b&Tags.member.2.Value=2"
        + "&Attributes.entry.1.key=k1&Attributes.entry.1.value=v+1"
        + "&Attributes.entry.2.key=k2&Attributes.entry.2.value=v%3D2")
  }

  @Test func requestIsASignedFormPost() async throws {
    let transport = ScriptedTransport([
      Fixture.xml(
        200,
        "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/me</Arn><UserId>AIDA</UserId></GetCallerIdentityResult></GetCallerIdentityResponse>"
      )
    ])
    let identity = try await Fixture.client(transport, region: "eu-west-1").sts.getCallerIdentity()
    #expect(
      identity
        == .init(account: "123456789012", arn: "arn:aws:iam::123456789012:user/me", userID: "AIDA"))
    let request = try #require(transport.requests.first)
    #expect(request.method == "POST")
    #expect(request.url.absoluteString == "https://sts.eu-west-1.amazonaws.com/")
    #expect(request.header("content-type") == "application/x-www-form-urlencoded; charset=utf-8")
    #expect(request.bodyText == "Action=GetCallerIdentity&Version=2011-06-15")
    let authorization = try #require(request.header("Authorization"))
    #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
    #expect(authorization.contains("/eu-west-1/sts/aws4_request"))
    #expect(
      authorization.contains("SignedHeaders=content-type;host;user-agent;x-amz-date") == false)
    #expect(authorization.contains("SignedHeaders=content-type;host;x-amz-date"))
    #expect(request.header("X-Amz-Date")?.count == 16)
  }

  @Test func parsesTheXMLTree() throws {
    let root = try XMLNode.parse(
      Data(
        """
        <?xml version="1.0"?>
        <A xmlns="urn:x"><B attr="1">text &amp; more</B><L><member>x</member><member>y</member></L>
        <C><![CDATA[<raw>]]></C><ns:D xmlns:ns="urn:y">d</ns:D></A>
        """.utf8))
    #expect(root.name == "A")
    #expect(root.string("B") == "text & more")
    #expect(root["B"]?.attributes["attr"] == "1")
    #expect(root.strings("L") == ["x", "y"])
    #expect(root.string("C") == "<raw>")
    #expect(root.string("D") == "d")
    #expect(root.text.isEmpty)
  }

  @Test func queryErrorCarriesCodeMessageAndRequestID() {
    let response = HTTPResponse(
      status: 400,
      text: """
        <ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>
        <Message>Stack with id nope does not exist</Message></Error>
        <RequestId>abc-123</RequestId></ErrorResponse>
        """)
    let error = AWSError(response: response, service: "CloudFormation", operation: "DescribeStacks")
    #expect(error.code == "ValidationError")
    #expect(error.message == "Stack with id nope does not exist")
    #expect(error.requestID == "abc-123")
    #expect(error.isStackNotFound)
    #expect(
      error.description
        == "CloudFormation DescribeStacks failed: ValidationError: Stack with id nope does not "
        + "exist (HTTP 400, request ID abc-123)")
  }

  @Test func htmlErrorPageFallsBackToStatusAndSnippet() {
    let response = HTTPResponse(
      status: 502, headers: ["x-amzn-RequestId": "hdr-1"],
      text:
        "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>")
    let error = AWSError(response: response, service: "CloudFormation", operation: "ListStacks")
    #expect(error.code == "BadGateway")
    #expect(error.statusCode == 502)
    #expect(error.requestID == "hdr-1")
    #expect(error.message.contains("502 Bad Gateway"))
    #expect(!error.message.contains("<html>"))
    #expect(error.isTransient)
  }

  @Test func emptyErrorBodyFallsBackToStatus() {
    let error = AWSError(
      response: HTTPResponse(status: 403), service: "S3", operation: "HeadBucket")
    #expect(error.code == "Forbidden")
    #expect(error.message == "HTTP 403 with an empty body")
    let other = AWSError(
      response: HTTPResponse(status: 418, text: "   "), service: "S3", operation: "X")
    #expect(other.code == "HTTP418")
  }

  @Test func s3ErrorDocumentIsRead() {
    let error = AWSError(
      response: HTTPResponse(
        status: 404,
        text:
          "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>s3-req</RequestId></Error>"
      ),
      service: "S3", operation: "PutObject")
    #expect(error.code == "NoSuchBucket")
    #expect(error.requestID == "s3-req")
  }

  @Test func successfulResponseThatIsNotXMLIsAClearError() async throws {
    let transport = ScriptedTransport([
      .respond(HTTPResponse(status: 200, text: "<html>captive portal"))
    ])
    let error = await #expect(throws: AWSClientError.self) {
      try await Fixture.client(transport).sts.getCallerIdentity()
    }
    #expect(error?.code == .invalidResponse)
    #expect(error?.message.contains("not XML") == true)
    #expect(error?.message.contains("captive portal") == true)
  }
}
