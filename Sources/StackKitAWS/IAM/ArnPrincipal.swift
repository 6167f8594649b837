import StackKit

extension IAM {
  /// A principal named by its ARN (a role, a user, an account root): `{"AWS": arn}`.
  ///
  /// ```swift
  /// let principal = IAM.ArnPrincipal("arn:aws:iam::123456789012:role/admin")
  /// ```
  public struct ArnPrincipal: IAM.Principal {
    /// The ARN.
    public let arn: Value
    public let principalAccount: Value?

    public init(_ arn: Value, principalAccount: Value? = nil) {
      self.arn = arn
      self.principalAccount = principalAccount
    }

    public var policyFragment: IAM.PrincipalPolicyFragment {
      IAM.PrincipalPolicyFragment(principalJSON: [("AWS", [arn])])
    }
  }
}
