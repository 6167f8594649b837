extension IAM {
  /// Whether a statement allows or denies its actions.
  ///
  /// ```swift
  /// let deny = IAM.PolicyStatement(effect: .deny, actions: ["s3:DeleteObject"], resources: ["*"])
  /// ```
  public enum Effect: String, Sendable {
    case allow = "Allow"
    case deny = "Deny"
  }
}
