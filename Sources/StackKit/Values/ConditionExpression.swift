/// A condition function: what goes in a template's `Conditions` section or inside `Fn::If`'s
/// siblings.
///
/// ```swift
/// let isProd = CfnCondition(stack, "IsProd", expression: .equals(env.ref, "prod"))
/// ```
public indirect enum ConditionExpression {
  case equals(Value, Value)
  case and([ConditionExpression])
  case or([ConditionExpression])
  case not(ConditionExpression)
  /// `{"Condition": logicalID}`: another named condition.
  case condition(CfnCondition)
  /// `Fn::Contains`, `Fn::EachMemberEquals` and the other rule functions, by name.
  case rule(String, [Value])
}
