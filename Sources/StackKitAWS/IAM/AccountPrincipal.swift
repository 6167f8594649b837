import StackKit

extension IAM {
  /// An AWS account: `{"AWS": "arn:${AWS::Partition}:iam::ACCOUNT:root"}`.
  ///
  /// ```swift
  /// let principal = IAM.AccountPrincipal("123456789012")
  /// ```
  public struct AccountPrincipal: IAM.Principal {
    /// The account id.
    public let accountID: Value

    public init(_ accountID: Value) { self.accountID = accountID }

    /// `arn:${AWS::Partition}:iam::ACCOUNT:root`.
    public var arn: Value { "arn:\(Pseudo.partition):iam::\(accountID):root" }
    public var principalAccount: Value? { accountID }

    public var policyFragment: IAM.PrincipalPolicyFragment {
      IAM.PrincipalPolicyFragment(principalJSON: [("AWS", [arn])])
    }
  }
}
