import Foundation

/// Where a command writes: its report to standard output, progress and errors to standard error.
///
/// Commands take a console so tests can capture what they print.
///
/// ```swift
/// let console = Console.standard
/// console.print("SharedNetwork  4 resources")
/// console.note("Building the app …")
/// ```
public struct Console: Sendable {
  private let out: @Sendable (String) -> Void
  private let err: @Sendable (String) -> Void

  /// A console writing lines through the two closures (each call gets one line, no newline).
  public init(
    output: @escaping @Sendable (String) -> Void, errors: @escaping @Sendable (String) -> Void
  ) {
    out = output
    err = errors
  }

  /// The process's standard output and standard error.
  public static let standard = Console(
    output: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
    errors: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })

  /// Prints a line of the command's result to standard output.
  public func print(_ line: String) { out(line) }

  /// Prints a line of progress or an error to standard error.
  public func note(_ line: String) { err(line) }
}
