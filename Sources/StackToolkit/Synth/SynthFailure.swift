/// Why `stack synth` (or any command that synthesizes first) could not produce templates.
///
/// The description is the whole message for the user: what failed, the output that explains it,
/// and what to do. Nothing is written to the templates folder when this is thrown.
///
/// ```swift
/// do { _ = try await Synthesis.run(config: config) }
/// catch let failure as SynthFailure where failure.kind == .appFailed { print(failure) }
/// ```
public struct SynthFailure: Error, CustomStringConvertible, Sendable {
  /// What went wrong.
  public enum Kind: Sendable, Hashable {
    /// The `build` command of stack.json failed.
    case buildFailed
    /// The `app` command failed (synthesis errors, a crash, a missing binary).
    case appFailed
    /// The app ran but its output is missing or not a StackKit cloud assembly.
    case invalidAssembly
    /// A stack named on the command line does not exist.
    case unknownStack
    /// The templates folder could not be written.
    case writeFailed
    /// The run was interrupted (Ctrl-C) and the build or app stopped.
    case interrupted
  }

  public let kind: Kind
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
