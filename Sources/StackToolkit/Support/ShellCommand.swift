import Foundation

/// A command line run through `/bin/sh -c`, with its output captured.
///
/// Standard output and standard error go to temporary files rather than pipes, so a chatty
/// command can never block on a full pipe.
///
/// ```swift
/// let result = try await ShellCommand("swift build -q --product stacks")
///   .run(in: projectDirectory, environment: ["STACK_FORMAT": "yaml"])
/// if result.status != 0 { print(result.standardError) }
/// ```
public struct ShellCommand: Sendable {
  /// How a finished command ended, and what it printed.
  public struct Result: Sendable {
    /// The exit status, or the signal number when ``signaled`` is true.
    public let status: Int32
    /// True when the process was ended by a signal (a crash or a kill).
    public let signaled: Bool
    public let standardOutput: String
    public let standardError: String
    /// Wall time from launch to exit.
    public let duration: Duration

    /// True for a normal exit with status 0.
    public var succeeded: Bool { !signaled && status == 0 }

    /// "exit status 2" or "signal 11 (SIGSEGV)", for messages.
    public var statusDescription: String {
      if !signaled { return "exit status \(status)" }
      let names: [Int32: String] = [
        SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
        SIGINT: "SIGINT", SIGILL: "SIGILL", SIGBUS: "SIGBUS", SIGTRAP: "SIGTRAP",
      ]
      return "signal \(status)" + (names[status].map { " (\($0))" } ?? "")
    }
  }

  /// The shell command line.
  public let commandLine: String

  public init(_ commandLine: String) { self.commandLine = commandLine }

  /// Runs the command in `directory` with the current environment plus `environment`, and
  /// waits for it to exit.
  public func run(in directory: String, environment: [String: String] = [:]) async throws
    -> Result
  {
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent(
      "stack-cmd-\(UUID().uuidString)", isDirectory: true)
    try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = fm.createFile(atPath: outURL.path, contents: nil)
    _ = fm.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", commandLine]
    process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err

    let clock = ContinuousClock()
    let start = clock.now
    let ended: (Int32, Bool) = try await withCheckedThrowingContinuation { continuation in
      process.terminationHandler = { p in
        continuation.resume(
          returning: (p.terminationStatus, p.terminationReason == .uncaughtSignal))
      }
      do {
        try process.run()
      } catch {
        process.terminationHandler = nil
        continuation.resume(throwing: error)
      }
    }
    let duration = clock.now - start
    return Result(
      status: ended.0, signaled: ended.1,
      standardOutput: Self.read(outURL), standardError: Self.read(errURL), duration: duration)
  }

  private static func read(_ url: URL) -> String {
    guard let data = try? Data(contentsOf: url) else { return "" }
    return String(decoding: data, as: UTF8.self)
  }
}
