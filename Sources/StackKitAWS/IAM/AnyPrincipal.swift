import StackKit

extension IAM {
  /// Anyone: `{"AWS": "*"}`. Pair it with conditions.
  ///
  /// ```swift
  /// let anyone = IAM.AnyPrincipal()
  /// ```
  public struct AnyPrincipal: IAM.Principal {
    public init() {}

    public var policyFragment: IAM.PrincipalPolicyFragment {
      IAM.PrincipalPolicyFragment(principalJSON: [("AWS", ["*"])])
    }
  }
}
