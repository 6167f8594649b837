import StackKit

extension IAM {
  /// The outcome of ``IAM/ResourceWithPolicy/addToResourcePolicy(_:)``.
  ///
  /// ```swift
  /// let result = secret.addToResourcePolicy(statement)
  /// #expect(result.statementAdded)
  /// ```
  public struct AddToResourcePolicyResult {
    /// True when the resource's policy took the statement.
    public var statementAdded: Bool
    /// The construct that holds the statement (a secret's resource policy).
    public var policyDependable: Construct?

    public init(statementAdded: Bool, policyDependable: Construct? = nil) {
      self.statementAdded = statementAdded
      self.policyDependable = policyDependable
    }
  }
}
