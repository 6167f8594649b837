import StackKit

extension IAM {
  /// The root of the account a stack deploys to, as KMS default key policies name it:
  /// `{"AWS": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}`.
  ///
  /// ```swift
  /// let root = IAM.AccountRootPrincipal(account: Stack.of(key)!.account)
  /// ```
  public struct AccountRootPrincipal: IAM.Principal {
    /// The account: `AWS::AccountId` unless the stack has a fixed account.
    public let account: Value

    public init(account: Value = .pseudo(.accountID)) { self.account = account }

    /// `arn:${AWS::Partition}:iam::ACCOUNT:root`.
    public var arn: Value { "arn:\(Pseudo.partition):iam::\(account):root" }
    public var principalAccount: Value? { account }

    public var policyFragment: IAM.PrincipalPolicyFragment {
      IAM.PrincipalPolicyFragment(principalJSON: [("AWS", [arn])])
    }
  }
}
