/// A template parameter: a value given at deploy time.
///
/// ```swift
/// let env = CfnParameter(stack, "Environment", type: "String", defaultValue: "dev",
///                        allowedValues: ["dev", "prod"])
/// ```
public final class CfnParameter: CfnElement {
  public var type: String
  public var defaultValue: Value?
  public var allowedValues: [String]?
  public var allowedPattern: String?
  public var constraintDescription: String?
  public var description: String?
  public var maxLength: Int?
  public var maxValue: Double?
  public var minLength: Int?
  public var minValue: Double?
  /// Masks the value in the console and API; required for a parameter used as a ``SecretValue``.
  public var noEcho: Bool

  public init(
    _ scope: Construct, _ id: String, type: String = "String", defaultValue: Value? = nil,
    allowedValues: [String]? = nil, allowedPattern: String? = nil, description: String? = nil,
    noEcho: Bool = false, minLength: Int? = nil, maxLength: Int? = nil, minValue: Double? = nil,
    maxValue: Double? = nil, constraintDescription: String? = nil
  ) {
    self.type = type
    self.defaultValue = defaultValue
    self.allowedValues = allowedValues
    self.allowedPattern = allowedPattern
    self.description = description
    self.noEcho = noEcho
    self.minLength = minLength
    self.maxLength = maxLength
    self.minValue = minValue
    self.maxValue = maxValue
    self.constraintDescription = constraintDescription
    super.init(scope, id)
  }

  public override var cfnSection: TemplateSection { .parameters }

  public override func cfnRender(_ resolver: inout Resolver) -> JSON {
    var o = JSONObject()
    o["Type"] = .string(type)
    if let defaultValue, let v = resolver.resolve(defaultValue, at: "Default") { o["Default"] = v }
    if let allowedPattern { o["AllowedPattern"] = .string(allowedPattern) }
    if let allowedValues { o["AllowedValues"] = .array(allowedValues.map(JSON.string)) }
    if let constraintDescription { o["ConstraintDescription"] = .string(constraintDescription) }
    if let description { o["Description"] = .string(description) }
    if let maxLength { o["MaxLength"] = .int(maxLength) }
    if let maxValue { o["MaxValue"] = .double(maxValue) }
    if let minLength { o["MinLength"] = .int(minLength) }
    if let minValue { o["MinValue"] = .double(minValue) }
    if noEcho { o["NoEcho"] = .bool(true) }
    return .object(o)
  }
}
