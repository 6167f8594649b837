/// CloudFormation pseudo parameters, rendered as `{"Ref": "AWS::…"}`.
///
/// ```swift
/// let serviceName: Value = "com.amazonaws.\(Pseudo.region).secretsmanager"
/// ```
public enum Pseudo: String, Sendable, CaseIterable, ValueConvertible {
  case accountID = "AWS::AccountId"
  case notificationARNs = "AWS::NotificationARNs"
  case noValue = "AWS::NoValue"
  case partition = "AWS::Partition"
  case region = "AWS::Region"
  case stackID = "AWS::StackId"
  case stackName = "AWS::StackName"
  case urlSuffix = "AWS::URLSuffix"

  public var cfnValue: Value { .pseudo(self) }
}
