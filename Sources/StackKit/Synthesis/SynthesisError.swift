/// One problem found while synthesizing: where, what, and how to fix it.
public struct SynthesisProblem: Sendable, Hashable, CustomStringConvertible {
  /// The construct path (or file) the problem belongs to.
  public let path: String
  /// What is wrong and how to fix it.
  public let message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Synthesis failed: every problem found, each with its construct path. Nothing was written.
public struct SynthesisError: Error, CustomStringConvertible, Sendable {
  public let problems: [SynthesisProblem]

  public init(problems: [SynthesisProblem]) { self.problems = problems }

  public var description: String {
    let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
    return "synthesis failed with \(count); nothing was written:\n"
      + problems.map { "  - \($0)" }.joined(separator: "\n")
  }
}
