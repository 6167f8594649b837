import AWSClient
import Foundation
import Testing

@testable import StackToolkit

/// Bad input reaches the user as one clear message, without secrets.
@Suite struct DeployBadInputTests {
  static let secret = "wJalrXUtnFEMI-not-a-real-secret"

  /// A client for 127.0.0.1 (a port nothing listens on) with the given variables, reading no
  /// ~/.aws files and no instance metadata.
  static func client(_ variables: [String: String]) throws -> AWSClient {
    // A home folder that does not exist: no ~/.aws files to read, nothing left behind.
    let home = NSTemporaryDirectory() + "deploy-bad-input-\(UUID().uuidString)"
    var env = variables
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    return try AWSClient(
      profile: nil, region: "us-east-1", endpointURL: "http://127.0.0.1:1",
      environment: AWSEnvironment(variables: env, homeDirectory: home),
      retryPolicy: RetryPolicy(maxAttempts: 2, sleep: { _ in }))
  }

  static func failure(_ client: AWSClient) async throws -> String {
    let terminal = RecordingTerminal()
    let report = try await DeployTask(options: DeployEngineTests.options()).run(
      stacks: [DeployEngineTests.stack()], session: AWSSession(client: client), terminal: terminal)
    guard case .failed(let message)? = report.outcomes["Demo"] else {
      Issue.record("expected a failure, got \(report.outcomes)")
      return ""
    }
    #expect(!terminal.all.contains(secret))
    #expect(terminal.errors.components(separatedBy: "error: ").count == 2, "one message")
    return message
  }

  @Test func refusedConnection() async throws {
    let message = try await Self.failure(
      Self.client(["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": Self.secret]))
    #expect(message.contains("Demo: looking up the stack failed"))
    #expect(message.contains("could not connect to http://127.0.0.1:1"))
    #expect(message.contains("Check the endpoint"))
    #expect(!message.contains(Self.secret))
  }

  @Test func missingCredentials() async throws {
    let message = try await Self.failure(Self.client([:]))
    #expect(message.contains("No AWS credentials were found"))
    #expect(message.contains("--profile"))
  }

  @Test func expiredCredentials() async throws {
    let message = try await Self.failure(
      Self.client([
        "AWS_ACCESS_KEY_ID": "ASIATEST", "AWS_SECRET_ACCESS_KEY": Self.secret,
        "AWS_SESSION_TOKEN": "token-not-real", "AWS_CREDENTIAL_EXPIRATION": "2020-01-01T00:00:00Z",
      ]))
    #expect(message.contains("expired"))
    #expect(!message.contains("token-not-real"))
  }
}
