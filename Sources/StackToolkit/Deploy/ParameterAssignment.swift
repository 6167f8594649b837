/// A `--parameters` value: `Key=Value` for every stack that has the parameter, or
/// `Stack:Key=Value` for one stack.
///
/// ```swift
/// let p = try ParameterAssignment.parse("Api:Env=prod")  // stack "Api", key "Env", value "prod"
/// ```
public struct ParameterAssignment: Sendable, Hashable {
  /// The stack (id or name) it is for; nil for all.
  public var stack: String?
  public var key: String
  public var value: String

  public init(stack: String? = nil, key: String, value: String) {
    self.stack = stack
    self.key = key
    self.value = value
  }

  /// Parses `Key=Value` or `Stack:Key=Value`.
  public static func parse(_ text: String) throws -> ParameterAssignment {
    // Errors never repeat the value, which may be a password; without '=' the whole text may be.
    guard let eq = text.firstIndex(of: "=") else {
      throw DeployError(
        "--parameters takes KEY=VALUE or STACK:KEY=VALUE (for example Env=prod); one of the "
          + "values given has no '='")
    }
    let left = text[..<eq]
    let value = String(text[text.index(after: eq)...])
    var stack: String?
    var key = String(left)
    if let colon = left.firstIndex(of: ":") {
      stack = String(left[..<colon])
      key = String(left[left.index(after: colon)...])
    }
    guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber }) else {
      throw DeployError(
        "--parameters \(left)=…: the parameter name '\(key)' must be letters and digits, as in the "
          + "template's Parameters section")
    }
    return ParameterAssignment(stack: stack?.isEmpty == true ? nil : stack, key: key, value: value)
  }

  /// Whether it applies to a stack.
  func applies(to stack: DeploymentStack) -> Bool {
    guard let target = self.stack else { return true }
    return target == stack.id || target == stack.stackName
  }
}

/// Printed (`print`, interpolation, `dump`) without its value, which may be a password:
/// `Api:DbPassword=****`.
extension ParameterAssignment: CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  public var description: String { (stack.map { "\($0):" } ?? "") + key + "=****" }
  public var debugDescription: String { description }
  public var customMirror: Mirror {
    Mirror(
      self, children: ["stack": stack ?? "nil", "key": key, "value": "****"],
      displayStyle: .struct)
  }
}
