import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A redis-server on 127.0.0.1 and a free port, for one test; stopped by `stop()`.
public final class RedisServer: @unchecked Sendable {
  public let port: Int
  private let process: Process

  private init(port: Int, process: Process) {
    self.port = port
    self.process = process
  }

  /// The program in the usual system folders, if installed.
  public static func find(_ name: String) -> String? {
    for dir in ["/usr/bin", "/usr/local/bin", "/usr/sbin"]
    where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
      return "\(dir)/\(name)"
    }
    return nil
  }

  /// Starts a server for a test that can be skipped: nil when redis-server is not installed and
  /// `STACKKIT_REQUIRE_REDIS` is unset; an error when it is required (as in CI) but missing.
  public static func startUnlessSkipped() throws -> RedisServer? {
    if let server = try start() { return server }
    if ProcessInfo.processInfo.environment["STACKKIT_REQUIRE_REDIS"] != nil {
      throw CocoaError(
        .executableNotLoadable,
        userInfo: [
          NSLocalizedDescriptionKey:
            "redis-server and redis-cli are required (STACKKIT_REQUIRE_REDIS is set); install redis-server"
        ])
    }
    return nil
  }

  /// Starts a server, or returns nil when redis-server is not installed.
  public static func start() throws -> RedisServer? {
    guard let server = find("redis-server"), find("redis-cli") != nil else { return nil }
    let port = Int(try LocalPort.free())
    let process = Process()
    process.executableURL = URL(fileURLWithPath: server)
    process.arguments = [
      "--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no",
      "--protected-mode", "yes", "--daemonize", "no",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let instance = RedisServer(port: port, process: process)
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      if (try? instance.run(user: nil, password: nil, ["PING"])) == "PONG" { return instance }
      Thread.sleep(forTimeInterval: 0.05)
    }
    instance.stop()
    throw CocoaError(
      .fileReadUnknown,
      userInfo: [NSLocalizedDescriptionKey: "redis-server did not answer within 30 s"])
  }

  /// Stops the server. SIGKILL, because a child of the test runner may inherit a signal mask that
  /// blocks SIGTERM.
  public func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Runs a command as the administrator created by the test (or as the default user before it
  /// is switched off).
  public func admin(_ arguments: [String]) throws -> String {
    let asAdmin = try run(user: "admin", password: "admin-pass-123456", arguments)
    if asAdmin.contains("WRONGPASS") { return try run(user: nil, password: nil, arguments) }
    return asAdmin
  }

  /// Runs one command with redis-cli, returning its reply (errors included) as text.
  public func run(user: String?, password: String?, _ arguments: [String]) throws -> String {
    let cli = Process()
    cli.executableURL = URL(fileURLWithPath: RedisServer.find("redis-cli")!)
    var args = ["-h", "127.0.0.1", "-p", String(port), "--no-auth-warning"]
    if let user, let password { args += ["--user", user, "--pass", password] }
    cli.arguments = args + arguments
    let out = Pipe()
    cli.standardOutput = out
    cli.standardError = out
    try cli.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    cli.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs one command as the default user (no credentials).
  public func run(_ arguments: [String]) throws -> String {
    try run(user: nil, password: nil, arguments)
  }

  /// Runs many commands in one redis-cli as the default user (one per line of its input); one
  /// reply per command when each reply is a single line.
  public func runBatch(_ commands: [[String]]) throws -> [String] {
    let cli = Process()
    cli.executableURL = URL(fileURLWithPath: RedisServer.find("redis-cli")!)
    cli.arguments = ["-h", "127.0.0.1", "-p", String(port)]
    let input = Pipe()
    let out = Pipe()
    cli.standardInput = input
    cli.standardOutput = out
    cli.standardError = out
    try cli.run()
    let text = commands.map { command in
      command.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        .joined(separator: " ")
    }.joined(separator: "\n")
    input.fileHandleForWriting.write(Data((text + "\n").utf8))
    try input.fileHandleForWriting.close()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    cli.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}
