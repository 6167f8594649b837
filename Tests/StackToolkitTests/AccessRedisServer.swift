import Foundation

/// A redis-server of its own on 127.0.0.1 and a free port, for the access review's ACL
/// cross-checks; `stop()` kills it. Commands go through redis-cli as the default user.
final class AccessRedisServer: @unchecked Sendable {
  let port: Int
  private let process: Process

  private init(port: Int, process: Process) {
    self.port = port
    self.process = process
  }

  static func executable(_ name: String) -> String? {
    ["/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin"].map { "\($0)/\(name)" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Starts a server; nil when redis-server or redis-cli is not installed.
  static func start() throws -> AccessRedisServer? {
    guard let server = executable("redis-server"), executable("redis-cli") != nil else {
      return nil
    }
    let port = try freePort()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: server)
    process.arguments = [
      "--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no",
      "--protected-mode", "yes", "--daemonize", "no",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let instance = AccessRedisServer(port: port, process: process)
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if (try? instance.run(["PING"])) == "PONG" { return instance }
      Thread.sleep(forTimeInterval: 0.05)
    }
    instance.stop()
    throw CocoaError(
      .fileReadUnknown,
      userInfo: [NSLocalizedDescriptionKey: "redis-server did not answer within 10 s"])
  }

  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Runs one command; the reply (errors included) as text, one line per element.
  func run(_ arguments: [String]) throws -> String {
    let cli = Process()
    cli.executableURL = URL(fileURLWithPath: Self.executable("redis-cli")!)
    cli.arguments = ["-h", "127.0.0.1", "-p", String(port)] + arguments
    let out = Pipe()
    cli.standardOutput = out
    cli.standardError = out
    try cli.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    cli.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs many commands in one redis-cli (one per line of its input); one reply per command
  /// when each reply is a single line.
  func runBatch(_ commands: [[String]]) throws -> [String] {
    let cli = Process()
    cli.executableURL = URL(fileURLWithPath: Self.executable("redis-cli")!)
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

  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else { throw CocoaError(.fileWriteUnknown) }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
