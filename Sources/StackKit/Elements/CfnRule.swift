/// A rule in the template's `Rules` section: assertions on parameter values checked before
/// CloudFormation creates or updates anything.
///
/// ```swift
/// let rule = CfnRule(stack, "ProdNeedsLargeNodes", ruleCondition: Fn.equals(env.ref, "prod"))
/// rule.addAssertion(Fn.contains(["cache.m6g.large"], nodeType.ref), "prod needs large nodes")
/// ```
public final class CfnRule: CfnElement {
  public var ruleCondition: ConditionExpression?
  public private(set) var assertions: [(ConditionExpression, String)] = []

  public init(_ scope: Construct, _ id: String, ruleCondition: ConditionExpression? = nil) {
    self.ruleCondition = ruleCondition
    super.init(scope, id)
  }

  /// Adds an assertion with the description CloudFormation shows when it fails.
  public func addAssertion(_ condition: ConditionExpression, _ description: String) {
    assertions.append((condition, description))
  }

  public override var cfnSection: TemplateSection { .rules }

  public override func cfnRender(_ resolver: inout Resolver) -> JSON {
    var o = JSONObject()
    if let ruleCondition, let c = resolver.resolve(.condition(ruleCondition), at: "RuleCondition") {
      o["RuleCondition"] = c
    }
    if !assertions.isEmpty {
      o["Assertions"] = .array(
        assertions.map { a in
          var entry = JSONObject()
          entry["Assert"] = resolver.resolve(.condition(a.0), at: "Assert") ?? .null
          entry["AssertDescription"] = .string(a.1)
          return .object(entry)
        })
    }
    return .object(o)
  }
}
