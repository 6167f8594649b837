/// CloudFormation's rule for stack names, checked before any call so the message can say how
/// to fix the name.
///
/// ```swift
/// try StackNameRules.check("my-stack")   // fine
/// try StackNameRules.check("my_stack")   // throws: underscores are not allowed
/// ```
public enum StackNameRules {
  /// Throws a ``DeployError`` when CloudFormation would reject the name.
  public static func check(_ name: String) throws {
    if let problem = problem(name) {
      throw DeployError(
        "the stack name '\(name)' is not valid for CloudFormation: \(problem). Stack names start "
          + "with a letter and hold only letters, digits and hyphens, at most 128 characters; "
          + "pass another stackName to the Stack.")
    }
  }

  /// What is wrong with a name, or nil.
  public static func problem(_ name: String) -> String? {
    guard let first = name.unicodeScalars.first else { return "it is empty" }
    if name.count > 128 { return "it is \(name.count) characters long" }
    func ascii(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic) }
    if !ascii(first) { return "it starts with '\(first)'" }
    for s in name.unicodeScalars {
      let ok = s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-")
      if !ok { return "it contains '\(s)'" }
    }
    return nil
  }
}
