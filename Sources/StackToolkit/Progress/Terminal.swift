import Foundation

/// Where the toolkit writes what it has to say and reads answers from: the process's standard
/// streams in the CLI, a recording in tests.
///
/// ```swift
/// let terminal: any Terminal = StandardTerminal()
/// terminal.write("Deploying MotoDemo\n")
/// ```
public protocol Terminal: Sendable {
  /// True when standard input is a terminal a person can answer on.
  var inputIsTerminal: Bool { get }
  /// True when standard output is a terminal (live tables, colors).
  var outputIsTerminal: Bool { get }
  /// The terminal's width in columns (80 when unknown).
  var width: Int { get }
  /// Writes to standard output as is.
  func write(_ text: String)
  /// Writes to standard error as is.
  func writeError(_ text: String)
  /// Reads one line of input; nil at end of input or when the task is cancelled.
  func readLine() async -> String?
}
