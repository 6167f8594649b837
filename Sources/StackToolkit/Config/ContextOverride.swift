import StackKit

/// A `--context KEY=VALUE` command-line setting, merged over stack.json's `context`.
///
/// The value is read as JSON when it is valid JSON (`3`, `true`, `["a"]`, `{"x": 1}`), else it is
/// the string as given.
///
/// ```swift
/// let overrides = try ContextOverride.object(["env=prod", "replicas=3"])
/// // {"env": "prod", "replicas": 3}
/// ```
public enum ContextOverride {
  /// A setting without `=` or with an empty key.
  public struct Error: Swift.Error, CustomStringConvertible, Sendable {
    public let argument: String
    public var description: String {
      "--context \(argument): write the setting as KEY=VALUE, for example --context env=prod."
    }
  }

  /// Parses one `KEY=VALUE`.
  public static func parse(_ argument: String) throws(Error) -> (key: String, value: JSON) {
    guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else {
      throw Error(argument: argument)
    }
    let key = String(argument[..<eq])
    let text = String(argument[argument.index(after: eq)...])
    let value = (try? JSONParser.parse(text)) ?? .string(text)
    return (key, value)
  }

  /// Parses every setting into one object; a later key wins.
  public static func object(_ arguments: [String]) throws(Error) -> JSONObject {
    var object = JSONObject()
    for argument in arguments {
      let (key, value) = try parse(argument)
      object[key] = value
    }
    return object
  }
}
