import StackKit

extension IAM {
  /// A policy AWS manages, named as in the IAM console:
  /// `arn:${AWS::Partition}:iam::aws:policy/<name>`.
  ///
  /// ```swift
  /// let basic = IAM.AwsManagedPolicy("service-role/AWSLambdaBasicExecutionRole")
  /// ```
  public struct AwsManagedPolicy: ManagedPolicyReference {
    /// The name, with its path: `service-role/AWSLambdaVPCAccessExecutionRole`.
    public let managedPolicyName: String

    public init(_ managedPolicyName: String) { self.managedPolicyName = managedPolicyName }

    public var managedPolicyArn: Value {
      "arn:\(Pseudo.partition):iam::aws:policy/\(managedPolicyName)"
    }
  }
}
