import Foundation

/// The environment variables and home directory AWSClient reads configuration from; pass your own
/// to tests instead of touching the process environment.
///
/// ```swift
/// let env = AWSEnvironment(variables: ["AWS_REGION": "eu-west-1"], homeDirectory: "/tmp/home")
/// let client = try AWSClient(environment: env)
/// ```
public struct AWSEnvironment: Sendable, Equatable {
  /// The variables by name.
  public var variables: [String: String]
  /// The home directory, where `~/.aws` lives.
  public var homeDirectory: String

  /// Creates an environment; the home directory defaults to `HOME`.
  public init(variables: [String: String], homeDirectory: String? = nil) {
    self.variables = variables
    self.homeDirectory =
      homeDirectory ?? variables["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
  }

  /// The process's environment.
  public static func current() -> AWSEnvironment {
    AWSEnvironment(variables: ProcessInfo.processInfo.environment)
  }

  /// A variable's value; empty values count as unset.
  public subscript(_ name: String) -> String? {
    guard let value = variables[name], !value.isEmpty else { return nil }
    return value
  }

  /// Whether a variable is set to `true` (any case).
  public func isTrue(_ name: String) -> Bool {
    self[name]?.lowercased() == "true"
  }

  /// Expands a leading `~` to the home directory.
  public func expandingTilde(_ path: String) -> String {
    if path == "~" { return homeDirectory }
    if path.hasPrefix("~/") { return homeDirectory + String(path.dropFirst(1)) }
    return path
  }
}
