import StackKit

/// What is known about one request when a policy's `Condition` is evaluated: the values of some
/// condition keys, and the keys known to be absent. Any other key is unknown, and a condition on
/// it is reported as such instead of guessed.
///
/// ```swift
/// let context = PolicyContext(
///   values: ["kms:ViaService": ["secretsmanager.${AWS::Region}.amazonaws.com"]])
/// context.evaluate(statement.condition)   // .met
/// ```
public struct PolicyContext: Sendable, Hashable {
  /// The outcome of a condition block.
  public enum Outcome: Sendable, Hashable {
    case met
    case notMet
    /// Depends on something the template does not say; the text names the condition.
    case unknown(String)
  }

  /// Key (lower case) → the value, in one or more spellings (`${Role.Arn}`, an ARN).
  public var values: [String: [String]]
  /// Keys (lower case) the request does not carry.
  public var absent: Set<String>

  public init(values: [String: [String]] = [:], absent: Set<String> = []) {
    self.values = Dictionary(
      values.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $0 + $1 })
    self.absent = Set(absent.map { $0.lowercased() })
  }

  /// Evaluates a `Condition` block: every operator and key must hold (values of one key: any).
  public func evaluate(_ condition: JSONObject?) -> Outcome {
    guard let condition else { return .met }
    var unknown: [String] = []
    for (operatorName, block) in condition {
      guard let keys = block.objectValue else {
        unknown.append(operatorName)
        continue
      }
      for (key, expectedValue) in keys {
        let expected: [String]
        switch expectedValue {
        case .array(let items): expected = items.map(IntrinsicText.render)
        default: expected = [IntrinsicText.render(expectedValue)]
        }
        switch evaluate(operatorName, key: key, expected: expected) {
        case .met: continue
        case .notMet: return .notMet
        case .unknown(let text): unknown.append(text)
        }
      }
    }
    return unknown.isEmpty ? .met : .unknown(unknown.joined(separator: ", "))
  }

  private func evaluate(_ operatorName: String, key: String, expected: [String]) -> Outcome {
    var op = operatorName
    for prefix in ["ForAnyValue:", "ForAllValues:"] where op.hasPrefix(prefix) {
      op.removeFirst(prefix.count)
    }
    let ifExists = op.hasSuffix("IfExists")
    if ifExists { op.removeLast("IfExists".count) }
    let description = "\(operatorName) \(key) \(expected.joined(separator: "|"))"
    let negated = op.contains("Not")
    let lowered = key.lowercased()

    if op == "Null" {
      let wantsAbsent = expected.first?.lowercased() == "true"
      if values[lowered] != nil { return wantsAbsent ? .notMet : .met }
      if absent.contains(lowered) { return wantsAbsent ? .met : .notMet }
      return .unknown(description)
    }
    guard let actual = values[lowered] else {
      if absent.contains(lowered) {
        // ForAllValues over no values holds; so do IfExists and negated operators.
        let vacuous = operatorName.hasPrefix("ForAllValues:")
        return ifExists || negated || vacuous ? .met : .notMet
      }
      return .unknown(description)
    }
    let ignoreCase = op.hasSuffix("IgnoreCase")
    let matcher: (String) -> PolicyPattern
    switch op {
    case "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
      "StringNotEqualsIgnoreCase", "Bool":
      matcher = { .exact(ignoreCase || op == "Bool" ? $0.lowercased() : $0) }
    case "StringLike", "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike":
      matcher = { .like($0) }
    default:
      return .unknown(description)
    }
    let found = expected.contains { e in
      actual.contains { a in
        matcher(e).matches(ignoreCase || op == "Bool" ? a.lowercased() : a)
      }
    }
    return found != negated ? .met : .notMet
  }
}
