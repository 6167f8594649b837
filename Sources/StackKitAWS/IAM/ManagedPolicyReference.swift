import StackKit

extension IAM {
  /// Anything that names a managed policy by ARN: an AWS managed policy, a customer managed
  /// ``ManagedPolicy``.
  ///
  /// ```swift
  /// role.addManagedPolicy(IAM.ManagedPolicy.fromAwsManagedPolicyName("ReadOnlyAccess"))
  /// ```
  public protocol ManagedPolicyReference {
    /// The policy's ARN.
    var managedPolicyArn: Value { get }
  }
}
