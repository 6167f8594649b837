import AWSClient
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `moto_server` started by a test on 127.0.0.1 and a free port, stopped by the test (its
/// process is also killed when the object goes away).
///
/// The tests that need it run when `moto_server` is on PATH; with `STACKKIT_REQUIRE_MOTO` set
/// they run anyway and fail when it is missing (CI installs `moto[server]`).
///
/// ```swift
/// @Suite(.enabled(if: MotoServer.enabled)) struct MyTests {
///   @Test func deploys() async throws {
///     let moto = try await MotoServer()
///     defer { moto.stop() }
///     let client = try moto.client()
///   }
/// }
/// ```
public final class MotoServer: @unchecked Sendable {
  public let port: UInt16
  /// `http://127.0.0.1:<port>`.
  public let url: URL
  private let process: Process
  /// This server's own temporary folder: its log and the clients' empty home folder.
  private let folder: String
  private var logFile: String { folder + "/moto.log" }
  private var home: String { folder + "/home" }

  /// The `moto_server` executable on PATH, if any.
  public static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/moto_server"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// True when moto is required (CI): a missing moto_server fails the tests instead of skipping.
  public static var required: Bool {
    ProcessInfo.processInfo.environment["STACKKIT_REQUIRE_MOTO"] != nil
  }

  /// Whether the moto tests run.
  public static var enabled: Bool { executable != nil || required }

  struct Missing: Error, CustomStringConvertible {
    var description: String {
      "moto_server is not on PATH but STACKKIT_REQUIRE_MOTO is set: install it with "
        + "`pip install 'moto[server]'`"
    }
  }

  struct NotReady: Error, CustomStringConvertible {
    let log: String
    var description: String { "moto_server did not answer within 30 s. Its output:\n\(log)" }
  }

  /// Starts moto_server and waits (at most 30 s) until it answers. It authenticates nothing
  /// unless `extra` sets `INITIAL_NO_AUTH_ACTION_COUNT` (or ``requireAuthentication()`` is
  /// called); the test runner's own value of that variable is not passed on.
  public init(environment extra: [String: String] = [:]) async throws {
    guard let executable = Self.executable else { throw Missing() }
    port = try LocalPort.free()
    url = URL(string: "http://127.0.0.1:\(port)")!
    folder = NSTemporaryDirectory() + "moto-\(port)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: folder + "/home", withIntermediateDirectories: true)
    let logFile = folder + "/moto.log"
    guard FileManager.default.createFile(atPath: logFile, contents: nil) else {
      throw CocoaError(
        .fileWriteUnknown,
        userInfo: [NSLocalizedDescriptionKey: "cannot create moto_server's log file \(logFile)"])
    }
    let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
    process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
    var environment = ProcessInfo.processInfo.environment
    environment["INITIAL_NO_AUTH_ACTION_COUNT"] = nil
    for (k, v) in extra { environment[k] = v }
    process.environment = environment
    process.standardOutput = log
    process.standardError = log
    try process.run()
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      if await Self.answers(url) { return }
      if !process.isRunning { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    let output = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
    stop()
    throw NotReady(log: output)
  }

  deinit { stop() }

  /// Stops the server (SIGTERM, then SIGKILL after 5 s: an idle keep-alive connection can hold
  /// its shutdown) and removes its folder.
  public func stop() {
    if process.isRunning {
      process.terminate()
      let deadline = Date().addingTimeInterval(5)
      while process.isRunning && Date() < deadline { usleep(20_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: folder)
  }

  private static func answers(_ url: URL) async -> Bool {
    var request = URLRequest(url: url.appendingPathComponent("moto-api/data.json"))
    request.timeoutInterval = 1
    guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
    return (response as? HTTPURLResponse)?.statusCode == 200
  }

  /// From now on moto authenticates every request (verifying its SigV4 signature).
  public func requireAuthentication() async throws {
    let response = try await URLSessionTransport(timeout: 5).send(
      HTTPRequest(
        method: "POST", url: url.appendingPathComponent("moto-api/reset-auth"),
        headers: ["Content-Type": "text/plain"], body: Data("0".utf8)))
    guard response.isSuccess else {
      throw AWSClientError(.invalidResponse, "moto reset-auth answered \(response.status)")
    }
  }

  /// A client for this server with the given (fake, by default) keys, reading no ~/.aws files.
  public func client(accessKey: String = "testing", secretKey: String = "testing") throws
    -> AWSClient
  {
    try AWSClient(
      profile: nil, region: "us-east-1", endpointURL: url.absoluteString,
      environment: AWSEnvironment(
        variables: ["AWS_ACCESS_KEY_ID": accessKey, "AWS_SECRET_ACCESS_KEY": secretKey],
        homeDirectory: home))
  }
}
