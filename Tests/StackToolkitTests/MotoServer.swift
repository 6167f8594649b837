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
final class MotoServer: @unchecked Sendable {
  let port: UInt16
  let url: URL
  private let process: Process
  /// This server's own temporary folder: its log and the clients' empty home folder.
  private let folder: String
  private var logFile: String { folder + "/moto.log" }
  private var home: String { folder + "/home" }

  /// The `moto_server` executable on PATH, if any.
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/moto_server"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// True when moto is required (CI): a missing moto_server fails the tests instead of skipping.
  static var required: Bool { ProcessInfo.processInfo.environment["STACKKIT_REQUIRE_MOTO"] != nil }

  /// Whether the moto tests run.
  static var enabled: Bool { executable != nil || required }

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

  /// Starts moto_server and waits (at most 30 s) until it answers.
  init(environment extra: [String: String] = [:]) async throws {
    guard let executable = Self.executable else { throw Missing() }
    port = try Self.freePort()
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

  /// Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its folder.
  func stop() {
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

  /// A port nothing listens on (bound and released).
  private static func freePort() throws -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
  }

  /// A client for this server with the given (fake, by default) keys, reading no ~/.aws files.
  func client(accessKey: String = "testing", secretKey: String = "testing") throws -> AWSClient {
    try AWSClient(
      profile: nil, region: "us-east-1", endpointURL: url.absoluteString,
      environment: AWSEnvironment(
        variables: ["AWS_ACCESS_KEY_ID": accessKey, "AWS_SECRET_ACCESS_KEY": secretKey],
        homeDirectory: home))
  }
}

/// Calls of services AWSClient has no typed API for, to check results through moto's own API.
enum MotoAPI {
  static let ec2 = AWSService(
    serviceID: "EC2", signingName: "ec2", endpointPrefix: "ec2", apiVersion: "2016-11-15")
  static let iam = AWSService(
    serviceID: "IAM", signingName: "iam", endpointPrefix: "iam", apiVersion: "2010-05-08")
  static let lambda = AWSService(
    serviceID: "Lambda", signingName: "lambda", endpointPrefix: "lambda", apiVersion: "2015-03-31")

  static func query(
    _ client: AWSClient, _ service: AWSService, _ action: String, _ fields: [(String, String)] = []
  )
    async throws -> XMLNode
  {
    var p = QueryParameters()
    for (k, v) in fields { p[k] = v }
    return try await client.query(
      AWSOperation(service: service, name: action, isIdempotent: true), p)
  }

  /// How many change sets CloudFormation lists for the stack.
  static func changeSetCount(_ client: AWSClient, stackName: String) async throws -> Int {
    let result = try await query(
      client, .cloudFormation, "ListChangeSets", [("StackName", stackName)])
    return result.first(named: "Summaries")?.members.count ?? 0
  }

  /// A Lambda function's configuration (REST-JSON `GetFunction`), or nil when it does not exist.
  static func lambdaFunction(_ client: AWSClient, _ name: String) async throws -> [String: Any]? {
    let url = client.endpoint(for: lambda).url.appendingPathComponent(
      "2015-03-31/functions/\(name)")
    do {
      let response = try await client.send(
        HTTPRequest(method: "GET", url: url),
        operation: AWSOperation(service: lambda, name: "GetFunction", isIdempotent: true))
      let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
      return json?["Configuration"] as? [String: Any]
    } catch let error as AWSError where error.statusCode == 404 {
      return nil
    }
  }

  /// `GET /bucket?sub` on S3 (a bucket's configuration), as text.
  static func bucketConfiguration(_ client: AWSClient, _ bucket: String, _ sub: String) async throws
    -> String
  {
    let base = client.s3.url(bucket: bucket, key: nil).absoluteString
    let url = URL(string: base + "?" + sub)!
    let response = try await client.send(
      HTTPRequest(method: "GET", url: url),
      operation: AWSOperation(service: .s3, name: "GetBucket-\(sub)", isIdempotent: true),
      signing: .s3)
    return response.bodyText
  }
}
