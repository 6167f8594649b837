import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's standard input, output and error.
///
/// ```swift
/// let terminal = StandardTerminal()
/// if terminal.outputIsTerminal { terminal.write("\u{1B}[1mbold\u{1B}[0m\n") }
/// ```
public struct StandardTerminal: Terminal {
  public let inputIsTerminal: Bool
  public let outputIsTerminal: Bool

  public init() {
    inputIsTerminal = isatty(STDIN_FILENO) == 1
    outputIsTerminal =
      isatty(STDOUT_FILENO) == 1
      && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  public var width: Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
  }

  public func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  public func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  public func readLine() async -> String? {
    // `readLine` blocks its thread; run it on one of its own so cancellation can answer nil
    // at once (the thread ends when the line comes or the process exits).
    let box = LineBox()
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
        box.set(continuation)
        Thread.detachNewThread {
          box.resume(Swift.readLine(strippingNewline: true))
        }
      }
    } onCancel: {
      box.resume(nil)
    }
  }
}

/// Resumes a continuation once, whichever of input or cancellation comes first.
private final class LineBox: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<String?, Never>?
  private var done = false
  private var early: String??

  func set(_ c: CheckedContinuation<String?, Never>) {
    lock.lock()
    if done, let value = early {
      lock.unlock()
      c.resume(returning: value)
      return
    }
    continuation = c
    lock.unlock()
  }

  func resume(_ value: String?) {
    lock.lock()
    guard !done else {
      lock.unlock()
      return
    }
    done = true
    guard let c = continuation else {
      early = .some(value)
      lock.unlock()
      return
    }
    continuation = nil
    lock.unlock()
    c.resume(returning: value)
  }
}
