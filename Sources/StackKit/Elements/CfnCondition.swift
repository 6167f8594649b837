/// A named condition in the template's `Conditions` section.
///
/// ```swift
/// let isProd = CfnCondition(stack, "IsProd", expression: Fn.equals(env.ref, "prod"))
/// bucket.cfnOptions.condition = isProd
/// ```
public final class CfnCondition: CfnElement {
  public var expression: ConditionExpression

  public init(_ scope: Construct, _ id: String, expression: ConditionExpression) {
    self.expression = expression
    super.init(scope, id)
  }

  public override var cfnSection: TemplateSection { .conditions }

  public override func cfnRender(_ resolver: inout Resolver) -> JSON {
    resolver.resolve(.condition(expression), at: "Condition") ?? .null
  }
}
