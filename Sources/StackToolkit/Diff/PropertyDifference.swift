import StackKit

/// One value that differs inside a resource: its path below `Properties` (or an attribute such
/// as `DependsOn`), the value before and after, and whether the change replaces the resource.
///
/// ```swift
/// let change = PropertyDifference(
///   path: ["CidrBlock"], before: .string("10.0.0.0/16"), after: .string("10.1.0.0/16"),
///   replacement: .always)
/// print(change.pathText)  // CidrBlock
/// ```
public struct PropertyDifference: Sendable, Hashable {
  /// What a property change does to its resource.
  public enum Replacement: String, Sendable, Hashable {
    /// Updated in place.
    case never
    /// The property is create-only: the resource is replaced.
    case always
    /// It depends on a value only known at deploy time (a reference to a replaced resource).
    case conditional
  }

  /// Property name first, then object keys and list indexes (`["Tags", "0", "Value"]`).
  public var path: [String]
  public var before: JSON?
  public var after: JSON?
  public var replacement: Replacement

  public init(path: [String], before: JSON?, after: JSON?, replacement: Replacement = .never) {
    self.path = path
    self.before = before
    self.after = after
    self.replacement = replacement
  }

  /// `Tags[0].Value`: keys joined with dots, list indexes in brackets.
  public var pathText: String {
    var out = ""
    for part in path {
      if !part.isEmpty, part.allSatisfy(\.isNumber) {
        out += "[\(part)]"
      } else {
        out += out.isEmpty ? part : ".\(part)"
      }
    }
    return out
  }
}
