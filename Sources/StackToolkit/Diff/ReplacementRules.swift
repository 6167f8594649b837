/// Which properties of each resource type cannot change without CloudFormation replacing the
/// resource (the registry schemas' `createOnlyProperties`).
///
/// Paths are property names, or slash-separated paths below one (`KeySchema`,
/// `VpcConfig/SubnetIds`); `*` matches any list index or key.
///
/// ```swift
/// let rules = ReplacementRules(createOnlyProperties: ["AWS::EC2::VPC": ["CidrBlock"]])
/// rules.requiresReplacement(type: "AWS::EC2::VPC", path: ["CidrBlock"])  // true
/// ```
public struct ReplacementRules: Sendable {
  /// Resource type → create-only property paths.
  public var createOnlyProperties: [String: [String]]

  public init(createOnlyProperties: [String: [String]]) {
    self.createOnlyProperties = createOnlyProperties
  }

  /// Whether the type is known at all; for unknown types a diff cannot tell replacement.
  public func knows(type: String) -> Bool { createOnlyProperties[type] != nil }

  /// True when changing the value at `path` (property name first) replaces the resource.
  public func requiresReplacement(type: String, path: [String]) -> Bool {
    guard let rules = createOnlyProperties[type] else { return false }
    for rule in rules {
      let parts = rule.split(separator: "/").map(String.init)
      // A change at or below a create-only path replaces; so does a change of a whole parent
      // that contains one (the change set would rewrite that property too).
      let common = min(parts.count, path.count)
      var matches = true
      for i in 0..<common where parts[i] != "*" && parts[i] != path[i] {
        matches = false
        break
      }
      if matches { return true }
    }
    return false
  }
}
