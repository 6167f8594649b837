import StackKit

extension IAM {
  /// How a principal appears in a statement: its `Principal` entries, by kind (`AWS`, `Service`,
  /// `Federated` …), and the conditions every statement naming it must carry.
  ///
  /// ```swift
  /// let fragment = IAM.PrincipalPolicyFragment(principalJSON: [("Service", ["ec2.amazonaws.com"])])
  /// ```
  public struct PrincipalPolicyFragment {
    /// Kind → values, in the order they were added.
    public var principalJSON: [(String, [Value])]
    /// Operator → object of condition keys, as in a statement's `Condition`.
    public var conditions: [(String, Value)]

    public init(principalJSON: [(String, [Value])], conditions: [(String, Value)] = []) {
      self.principalJSON = principalJSON
      self.conditions = conditions
    }

    /// The kind that renders a literal string principal (`"Principal": "*"`).
    static let literalStringKey = "LiteralString"
  }
}
