import StackKit

extension IAM {
  /// The outcome of ``IAM/Principal/addToPrincipalPolicy(_:)``.
  ///
  /// ```swift
  /// let result = role.addToPrincipalPolicy(statement)
  /// if let policy = result.policyDependable { function.node.addDependency(policy) }
  /// ```
  public struct AddToPrincipalPolicyResult {
    /// True when the principal's policy took the statement.
    public var statementAdded: Bool
    /// The construct that holds the statement (a role's `DefaultPolicy`): make consumers of the
    /// permission depend on it.
    public var policyDependable: Construct?

    public init(statementAdded: Bool, policyDependable: Construct? = nil) {
      self.statementAdded = statementAdded
      self.policyDependable = policyDependable
    }
  }
}
