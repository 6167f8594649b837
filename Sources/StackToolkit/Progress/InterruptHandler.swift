import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work that Ctrl-C (SIGINT) cancels instead of killing the process, so a deployment can
/// say what it left running. A second Ctrl-C exits at once with status 130.
///
/// ```swift
/// let report = try await InterruptHandler.run { try await task.run(...) }
/// ```
public enum InterruptHandler {
  public static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T)
    async throws -> T
  {
    let task = Task { try await body() }
    let count = Counter()
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
      if count.next() > 1 { exit(130) }
      FileHandle.standardError.write(
        Data("\nInterrupted: stopping (Ctrl-C again to quit at once)\n".utf8))
      task.cancel()
    }
    source.resume()
    defer {
      source.cancel()
      signal(SIGINT, SIG_DFL)
    }
    return try await task.value
  }

  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
      lock.withLock {
        value += 1
        return value
      }
    }
  }
}
