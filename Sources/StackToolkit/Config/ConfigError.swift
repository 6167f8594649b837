/// A problem with `stack.json`: which file, where in it, what is wrong and how to fix it.
///
/// ```swift
/// do { _ = try ProjectConfig.load(file: "stack.json") } catch { print(error) }
/// // /work/app/stack.json:3:3: unknown key "outdir". Did you mean "output"? …
/// ```
public struct ConfigError: Error, CustomStringConvertible, Sendable {
  /// The path of the file; nil when no file was found.
  public let file: String?
  /// The 1-based line, when the problem has a position.
  public let line: Int?
  /// The 1-based column, when the problem has a position.
  public let column: Int?
  /// What is wrong and how to fix it.
  public let message: String

  public init(file: String?, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    guard var location = file else { return message }
    if let line {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    return "\(location): \(message)"
  }
}
