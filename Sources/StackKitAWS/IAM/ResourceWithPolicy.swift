import StackKit

extension IAM {
  /// A resource with a resource policy: a KMS key, a secret.
  ///
  /// ```swift
  /// _ = key.addToResourcePolicy(IAM.PolicyStatement(actions: ["kms:Decrypt"], ...))
  /// ```
  public protocol ResourceWithPolicy: AnyObject {
    /// The account the resource lives in: the stack's account value.
    var resourceAccount: Value { get }
    /// The construct that owns the resource, used as the dependable of a grant when the policy
    /// itself is not a separate construct.
    var policyOwner: Construct { get }
    /// Adds a statement to the resource policy.
    func addToResourcePolicy(_ statement: IAM.PolicyStatement) -> IAM.AddToResourcePolicyResult
  }
}
