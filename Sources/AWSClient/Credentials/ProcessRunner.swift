import Foundation

/// A finished process's exit status and output.
struct ProcessResult: Sendable {
  var status: Int32
  var standardOutput: Data
  var standardError: Data
}

/// Runs a process off the cooperative thread pool, with a timeout.
enum ProcessRunner {
  struct Failure: Error {
    var message: String
  }

  /// Runs `arguments[0]` (found on `PATH` when it has no slash) with the rest as arguments.
  static func run(_ arguments: [String], environment: [String: String], timeout: TimeInterval)
    async throws -> ProcessResult
  {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        let process = Process()
        if arguments[0].contains("/") {
          process.executableURL = URL(fileURLWithPath: arguments[0])
          process.arguments = Array(arguments.dropFirst())
        } else {
          process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
          process.arguments = arguments
        }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
          try process.run()
        } catch {
          continuation.resume(
            throwing: Failure(message: "could not start it: \(error.localizedDescription)"))
          return
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        // Read both pipes concurrently so that neither fills up and blocks the process.
        let group = DispatchGroup()
        let collected = Collected()
        group.enter()
        DispatchQueue.global().async {
          collected.setError(errors.fileHandleForReading.readDataToEndOfFile())
          group.leave()
        }
        let standardOutput = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        timer.cancel()
        if process.terminationReason == .uncaughtSignal {
          continuation.resume(
            throwing: Failure(message: "it did not finish within \(Int(timeout)) seconds"))
          return
        }
        continuation.resume(
          returning: ProcessResult(
            status: process.terminationStatus, standardOutput: standardOutput,
            standardError: collected.error))
      }
    }
  }

  /// Standard error, collected on another queue.
  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func setError(_ value: Data) { lock.withLock { data = value } }
    var error: Data { lock.withLock { data } }
  }
}
