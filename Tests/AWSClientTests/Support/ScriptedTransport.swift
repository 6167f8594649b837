import AWSClient
import Foundation

/// A transport that answers from a script and records every request; it never touches the
/// network.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
  enum Step: Sendable {
    case respond(HTTPResponse)
    case fail(HTTPTransportError.Kind)
  }

  private let lock = NSLock()
  private var steps: [Step]
  private var handler: (@Sendable (HTTPRequest) -> Step)?
  private var log: [HTTPRequest] = []

  /// Answers with the steps in order (the last one repeats).
  init(_ steps: [Step]) {
    self.steps = steps
  }

  /// Answers each request with the handler's step.
  init(handler: @escaping @Sendable (HTTPRequest) -> Step) {
    self.steps = []
    self.handler = handler
  }

  var requests: [HTTPRequest] { lock.withLock { log } }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let step: Step = lock.withLock {
      log.append(request)
      if let handler { return handler(request) }
      return steps.count > 1 ? steps.removeFirst() : steps[0]
    }
    switch step {
    case .respond(let response): return response
    case .fail(let kind): throw HTTPTransportError(kind, url: request.url, message: "scripted")
    }
  }
}

/// Test helpers for building clients and responses.
enum Fixture {
  static let credentials = AWSCredentials(
    accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

  /// A client over `transport` that never sleeps between retries and records the waits.
  static func client(
    _ transport: any HTTPTransport, retry: RetryPolicy? = nil, region: String = "us-east-1",
    endpoint: String? = nil
  ) -> AWSClient {
    AWSClient(
      region: region, credentials: StaticCredentialProvider(credentials), transport: transport,
      endpoints: EndpointResolver(endpointURL: endpoint.flatMap { URL(string: $0) }),
      retryPolicy: retry ?? RetryPolicy(random: { 0.5 }, sleep: { _ in }))
  }

  static func xml(_ status: Int = 200, _ body: String, headers: [String: String] = [:])
    -> ScriptedTransport.Step
  {
    .respond(HTTPResponse(status: status, headers: headers, text: body))
  }

  static func queryError(
    _ status: Int, _ code: String, _ message: String, requestID: String = "req-1"
  )
    -> ScriptedTransport.Step
  {
    xml(
      status,
      """
      <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
        <Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error>
        <RequestId>\(requestID)</RequestId>
      </ErrorResponse>
      """)
  }
}

/// Records the waits a retry policy asks for.
final class SleepRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var log: [TimeInterval] = []
  var waits: [TimeInterval] { lock.withLock { log } }
  func record(_ seconds: TimeInterval) { lock.withLock { log.append(seconds) } }
}

/// A temporary directory, removed when the test is done with it.
final class TemporaryDirectory: @unchecked Sendable {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "awsclient-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes a file (creating folders) and returns its path.
  @discardableResult
  func write(_ relativePath: String, _ text: String, executable: Bool = false) throws -> String {
    let file = url.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    if executable {
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
    }
    return file.path
  }
}
