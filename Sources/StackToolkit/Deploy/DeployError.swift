/// A deploy, destroy, diff or bootstrap failure, with a message that says what went wrong, for
/// which stack, and what to do.
///
/// ```swift
/// throw DeployError("MotoDemo: the stack is UPDATE_ROLLBACK_FAILED; …")
/// ```
public struct DeployError: Error, CustomStringConvertible, Sendable {
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
