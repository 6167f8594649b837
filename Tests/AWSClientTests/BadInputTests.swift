import AWSClient
import Foundation
import TestSupport
import Testing

/// Failures the user can cause: each one a clear message with no secret in it.
struct BadInputTests {
  static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
  static let token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN"

  @Test func endpointRefusingConnections() async throws {
    let port = try LocalPort.free()
    let home = try TemporaryDirectory()
    let sleeps = SleepRecorder()
    let client = try AWSClient(
      region: "us-east-1", endpointURL: "http://127.0.0.1:\(port)",
      environment: AWSEnvironment(
        variables: [
          "AWS_ACCESS_KEY_ID": "AKIAREFUSED", "AWS_SECRET_ACCESS_KEY": Self.secret,
          "AWS_SESSION_TOKEN": Self.token,
        ], homeDirectory: home.path),
      transport: URLSessionTransport(timeout: 5),
      retryPolicy: RetryPolicy(maxAttempts: 3, sleep: { sleeps.record($0) }))
    let error = await #expect(throws: AWSClientError.self) {
      try await client.cloudFormation.describeStacks(stackName: "app")
    }
    #expect(error?.code == .connectionFailed)
    let message = error?.message ?? ""
    #expect(message.contains("could not connect to http://127.0.0.1:\(port)"))
    #expect(message.contains("after 3 attempts"))
    #expect(message.contains("--endpoint-url"))
    #expect(!message.contains(Self.secret) && !message.contains(Self.token))
    #expect(sleeps.waits.count == 2)
  }

  @Test func noErrorEverContainsTheSecretOrToken() async throws {
    let credentials = AWSCredentials(
      accessKeyID: "AKIAX", secretAccessKey: Self.secret, sessionToken: Self.token)
    let failures: [ScriptedTransport.Step] = [
      Fixture.queryError(
        403, "SignatureDoesNotMatch", "The request signature we calculated does not match"),
      Fixture.queryError(
        403, "InvalidClientTokenId", "The security token included in the request is invalid."),
      Fixture.queryError(
        400, "ValidationError",
        "1 validation error detected: Value 'bad name!' at 'stackName' failed"),
      .respond(HTTPResponse(status: 500, text: "<html>oops</html>")),
      .fail(.connectionLost),
    ]
    for failure in failures {
      let client = AWSClient(
        region: "us-east-1", credentials: StaticCredentialProvider(credentials),
        transport: ScriptedTransport([failure]),
        retryPolicy: RetryPolicy(maxAttempts: 2, sleep: { _ in }))
      do {
        _ = try await client.cloudFormation.describeStacks(stackName: "bad name!")
        Issue.record("expected a failure")
      } catch {
        let text = "\(error)" + String(reflecting: error)
        #expect(!text.contains(Self.secret))
        #expect(!text.contains(Self.token))
      }
    }
  }

  @Test func commonServiceErrorsSayWhatToDo() {
    let signature = AWSError(
      code: "SignatureDoesNotMatch", message: "calculated signature differs", statusCode: 403)
    #expect(signature.description.contains("secret access key"))
    let expired = AWSError(code: "ExpiredToken", message: "expired", statusCode: 400)
    #expect(expired.description.contains("refresh them"))
    let denied = AWSError(
      code: "AccessDenied", message: "no", statusCode: 403, operation: "CreateChangeSet")
    #expect(denied.description.contains("lacks permission for CreateChangeSet"))
  }
}
