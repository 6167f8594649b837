import StackKit

/// Compares template values the way CloudFormation does: object key order does not matter, and
/// a number and a string holding the same number are equal (`10` and `"10"`), as are `true`
/// and `"true"`.
///
/// ```swift
/// TemplateEquivalence.equivalent(.int(6379), .string("6379"))  // true
/// ```
public enum TemplateEquivalence {
  /// True when the two values would mean the same to CloudFormation.
  public static func equivalent(_ a: JSON?, _ b: JSON?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (nil, _), (_, nil): return false
    case (.some(let a), .some(let b)): return equivalent(a, b)
    }
  }

  /// True when the two values would mean the same to CloudFormation.
  public static func equivalent(_ a: JSON, _ b: JSON) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)):
      guard x.count == y.count else { return false }
      for (key, value) in x {
        guard let other = y[key], equivalent(value, other) else { return false }
      }
      return true
    case (.array(let x), .array(let y)):
      guard x.count == y.count else { return false }
      for (l, r) in zip(x, y) where !equivalent(l, r) { return false }
      return true
    case (.null, .null): return true
    case (.object, _), (_, .object), (.array, _), (_, .array), (.null, _), (_, .null):
      return false
    default:
      guard let l = scalarText(a), let r = scalarText(b) else { return false }
      if l == r { return true }
      if let dl = Double(l), let dr = Double(r) { return dl == dr }
      return false
    }
  }

  /// The text CloudFormation would see for a scalar.
  static func scalarText(_ value: JSON) -> String? {
    switch value {
    case .string(let s): return s
    case .int(let i): return String(i)
    case .double(let d):
      if d.rounded() == d, abs(d) < 1e15 { return String(Int(d)) }
      return String(d)
    case .bool(let b): return b ? "true" : "false"
    default: return nil
    }
  }

  /// `DependsOn` as a set of logical IDs, whether written as one string or a list.
  static func dependsOnSet(_ value: JSON?) -> Set<String> {
    switch value {
    case .string(let s)?: return [s]
    case .array(let items)?: return Set(items.compactMap(\.stringValue))
    default: return []
    }
  }
}
