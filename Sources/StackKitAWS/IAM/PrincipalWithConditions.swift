import StackKit

extension IAM {
  /// A principal with conditions added to every statement it appears in; its identity policy, if
  /// any, is the wrapped principal's.
  ///
  /// ```swift
  /// let principal = IAM.PrincipalWithConditions(
  ///   role, conditions: [("StringEquals", ["aws:SourceAccount": "123456789012"])])
  /// ```
  public struct PrincipalWithConditions: IAM.Principal {
    /// The principal without the conditions.
    public let wrapped: any IAM.Principal
    /// The conditions added to the wrapped principal's own.
    public private(set) var additionalConditions: [(String, Value)]

    public init(_ principal: any IAM.Principal, conditions: [(String, Value)]) {
      wrapped = principal
      additionalConditions = []
      for (op, value) in conditions { addCondition(op, value) }
    }

    /// Adds a condition; the keys of an operator already present are merged into it.
    public mutating func addCondition(_ op: String, _ value: Value) {
      PolicyStatement.mergeCondition(op, value, into: &additionalConditions)
    }

    /// The wrapped principal's conditions, then these.
    public var conditions: [(String, Value)] {
      var merged = wrapped.policyFragment.conditions
      for (op, value) in additionalConditions {
        PolicyStatement.mergeCondition(op, value, into: &merged)
      }
      return merged
    }

    public var policyFragment: IAM.PrincipalPolicyFragment {
      IAM.PrincipalPolicyFragment(
        principalJSON: wrapped.policyFragment.principalJSON, conditions: conditions)
    }

    public var principalAccount: Value? { wrapped.principalAccount }
    public var assumeRoleAction: String { wrapped.assumeRoleAction }

    public func addToPrincipalPolicy(_ statement: IAM.PolicyStatement)
      -> IAM.AddToPrincipalPolicyResult
    {
      wrapped.addToPrincipalPolicy(statement)
    }
  }
}
