/// The CloudFormation intrinsic functions.
///
/// ```swift
/// let firstAZ = Fn.select(0, Fn.getAZs())
/// let parts = Fn.split(",", parameter.ref)
/// ```
public enum Fn {
  /// `Fn::Join`, reduced as AWS CDK reduces it: adjacent literals merge, nested joins with the same
  /// delimiter are spliced in, and a join of one part is that part.
  public static func join(_ delimiter: String, _ parts: [Value]) -> Value {
    var values: [Value] = []
    values.reserveCapacity(parts.count)
    for part in parts {
      if case .join(let d, let inner) = part, d == delimiter {
        for p in inner { appendJoined(p, delimiter, &values) }
      } else {
        appendJoined(part, delimiter, &values)
      }
    }
    if values.count == 1 { return values[0] }
    if values.isEmpty { return .string("") }
    return .join(delimiter, values)
  }

  private static func appendJoined(_ part: Value, _ delimiter: String, _ values: inout [Value]) {
    if let text = concatenable(part), let last = values.last, let previous = concatenable(last) {
      values[values.count - 1] = .string(previous + delimiter + text)
    } else {
      values.append(part)
    }
  }

  private static func concatenable(_ v: Value) -> String? {
    switch v {
    case .string(let s): s
    case .int(let i): String(i)
    default: nil
    }
  }

  /// `Fn::Sub` with optional variables.
  public static func sub(_ template: String, _ variables: [(String, Value)] = []) -> Value {
    .sub(template, variables)
  }

  /// `Fn::Select`.
  public static func select(_ index: Int, _ list: Value) -> Value { .select(index, list) }

  /// `Fn::Split`.
  public static func split(_ delimiter: String, _ source: Value) -> Value {
    .split(delimiter, source)
  }

  /// `Fn::GetAZs` for a region; the default is the stack's own region (`""`).
  public static func getAZs(_ region: Value = "") -> Value { .getAZs(region) }

  /// `Fn::ImportValue`.
  public static func importValue(_ exportName: Value) -> Value { .importValue(exportName) }

  /// `Fn::Base64`.
  public static func base64(_ data: Value) -> Value { .base64(data) }

  /// `Fn::Cidr`.
  public static func cidr(_ ipBlock: Value, count: Value, cidrBits: Value) -> Value {
    .cidr(ipBlock, count, cidrBits)
  }

  /// `Fn::FindInMap`.
  public static func findInMap(_ mapping: CfnMapping, _ topLevelKey: Value, _ secondLevelKey: Value)
    -> Value
  {
    .findInMap(mapping, topLevelKey, secondLevelKey)
  }

  /// `Fn::If` on a named condition.
  public static func `if`(_ condition: CfnCondition, _ whenTrue: Value, _ whenFalse: Value) -> Value
  {
    .fnIf(condition, whenTrue, whenFalse)
  }

  /// `Fn::Equals`.
  public static func equals(_ a: Value, _ b: Value) -> ConditionExpression { .equals(a, b) }

  /// `Fn::And`.
  public static func and(_ conditions: ConditionExpression...) -> ConditionExpression {
    .and(conditions)
  }

  /// `Fn::Or`.
  public static func or(_ conditions: ConditionExpression...) -> ConditionExpression {
    .or(conditions)
  }

  /// `Fn::Not`.
  public static func not(_ condition: ConditionExpression) -> ConditionExpression {
    .not(condition)
  }

  /// `Fn::Contains`, for rules.
  public static func contains(_ list: Value, _ value: Value) -> ConditionExpression {
    .rule("Fn::Contains", [list, value])
  }

  /// `Fn::EachMemberEquals`, for rules.
  public static func eachMemberEquals(_ list: Value, _ value: Value) -> ConditionExpression {
    .rule("Fn::EachMemberEquals", [list, value])
  }

  /// `Fn::EachMemberIn`, for rules.
  public static func eachMemberIn(_ list: Value, _ allowed: Value) -> ConditionExpression {
    .rule("Fn::EachMemberIn", [list, allowed])
  }

  /// `Fn::RefAll`, for rules.
  public static func refAll(_ parameterType: String) -> Value {
    .object([("Fn::RefAll", .string(parameterType))])
  }

  /// `Fn::ValueOf`, for rules.
  public static func valueOf(_ parameter: CfnParameter, _ attribute: String) -> Value {
    .object([("Fn::ValueOf", .list([.ref(parameter), .string(attribute)]))])
  }
}
