/// A value in a template: a literal or an intrinsic function that points at constructs.
///
/// Values are built from Swift literals and from the members of ``Fn`` and ``Pseudo``; references
/// hold the element itself, never a logical-ID string, and are resolved when the stack is
/// synthesized.
///
/// ```swift
/// let arn: Value = "arn:\(Pseudo.partition):s3:::\(bucket.ref)/*"
/// // {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::", {"Ref": "Bucket83908E77"}, "/*"]]}
/// ```
public indirect enum Value {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null
  case list([Value])
  /// An object whose keys keep their order.
  case object([(String, Value)])
  /// `{"Ref": …}` to a resource, parameter or other element.
  case ref(CfnElement)
  /// `{"Fn::GetAtt": [logicalID, attribute]}`.
  case getAtt(CfnElement, String)
  /// `{"Ref": "AWS::…"}`.
  case pseudo(Pseudo)
  case join(String, [Value])
  case sub(String, [(String, Value)])
  case select(Int, Value)
  case split(String, Value)
  case getAZs(Value)
  case importValue(Value)
  case base64(Value)
  case cidr(Value, Value, Value)
  case findInMap(CfnMapping, Value, Value)
  case fnIf(CfnCondition, Value, Value)
  /// A condition function (`Fn::Equals`, `Fn::And` …) or a `{"Condition": …}` reference.
  case condition(ConditionExpression)
  /// A secret: renders only as a dynamic reference.
  case secret(SecretValue)
  /// A value computed when the stack is synthesized, after every construct exists.
  case lazy(Lazy)
}

/// A value produced at synthesis time.
///
/// ```swift
/// let principals = Value.lazy(Lazy { .list(statement.principals.map(\.value)) })
/// ```
public struct Lazy {
  let produceOptional: () -> Value?
  public init(_ produce: @escaping () -> Value) { self.produceOptional = { produce() } }

  /// A value that may turn out absent: `nil` leaves the property, list item or object key out of
  /// the template, as an `undefined` token does in AWS CDK (a role's managed policy list that no
  /// one filled, for example).
  ///
  /// ```swift
  /// let arns = Value.lazy(Lazy(optional: { policies.isEmpty ? nil : .list(policies) }))
  /// ```
  public init(optional produce: @escaping () -> Value?) { self.produceOptional = produce }

  /// Computes the value now; `nil` when it is absent.
  public func evaluate() -> Value? { produceOptional() }
}

/// A type that can stand where a template value goes.
public protocol ValueConvertible {
  /// The value this renders as.
  var cfnValue: Value { get }
}

extension Value: ValueConvertible {
  public var cfnValue: Value { self }
}

extension String: ValueConvertible {
  public var cfnValue: Value { .string(self) }
}

extension Int: ValueConvertible {
  public var cfnValue: Value { .int(self) }
}

extension Double: ValueConvertible {
  public var cfnValue: Value { .double(self) }
}

extension Bool: ValueConvertible {
  public var cfnValue: Value { .bool(self) }
}

extension Array: ValueConvertible where Element: ValueConvertible {
  public var cfnValue: Value { .list(map(\.cfnValue)) }
}

extension Optional: ValueConvertible where Wrapped: ValueConvertible {
  public var cfnValue: Value { self?.cfnValue ?? .pseudo(.noValue) }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
  ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: Value...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (String, Value)...) { self = .object(elements) }
  public init(nilLiteral: ()) { self = .null }
}

extension Value {
  /// Wraps anything value-convertible.
  public init(_ convertible: some ValueConvertible) { self = convertible.cfnValue }

  /// A list of strings.
  public static func strings(_ items: [String]) -> Value { .list(items.map(Value.string)) }

  /// True when the value holds no intrinsic, secret or lazy part: it is known at synthesis
  /// without resolving anything.
  public var isLiteral: Bool {
    switch self {
    case .string, .int, .double, .bool, .null: true
    case .list(let items): items.allSatisfy(\.isLiteral)
    case .object(let pairs): pairs.allSatisfy { $0.1.isLiteral }
    default: false
    }
  }

  /// The literal string, when the value is one.
  public var literalString: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The literal integer, when the value is one.
  public var literalInt: Int? {
    switch self {
    case .int(let i): i
    case .double(let d) where d == d.rounded(): Int(exactly: d)
    case .string(let s): Int(s)
    default: nil
    }
  }

  /// The items of a literal list.
  public var literalList: [Value]? {
    if case .list(let items) = self { return items }
    return nil
  }
}
