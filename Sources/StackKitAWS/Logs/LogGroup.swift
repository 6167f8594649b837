import StackKit

extension Logs {
  /// A CloudWatch Logs log group (`AWS::Logs::LogGroup`), with AWS CDK's defaults: events kept
  /// two years (731 days) and the group retained when it leaves the stack.
  ///
  /// ```swift
  /// let group = Logs.LogGroup(stack, "LogGroup")
  /// group.grantWrite(role)   // logs:CreateLogStream, logs:PutLogEvents on the group
  /// ```
  public final class LogGroup: Construct {
    public let retention: RetentionDays
    /// The name given at creation; CloudFormation generates one otherwise.
    public let givenLogGroupName: String?
    private var resourceStorage: Logs.CfnLogGroup!

    /// Creates a log group.
    ///
    /// - Parameters:
    ///   - encryptionKey: the ARN of a KMS key that encrypts the events.
    ///   - removalPolicy: what happens when the group leaves the stack; kept by default.
    public init(
      _ scope: Construct, _ id: String, logGroupName: String? = nil,
      retention: RetentionDays = .twoYears, logGroupClass: LogGroupClass? = nil,
      encryptionKey: Value? = nil, removalPolicy: RemovalPolicy = .retain
    ) {
      self.retention = retention
      givenLogGroupName = logGroupName
      super.init(scope, id)
      resourceStorage = Logs.CfnLogGroup(
        self, "Resource", kmsKeyId: encryptionKey,
        logGroupClass: logGroupClass.map { Logs.CfnLogGroup.LogGroupClass(.string($0.rawValue)) },
        logGroupName: logGroupName.map(Value.string),
        retentionInDays: retention == .infinite ? nil : .int(retention.rawValue))
      resourceStorage.applyRemovalPolicy(removalPolicy)
      node.addValidation { [unowned self] in self.validateLogGroup() }
    }

    /// The `AWS::Logs::LogGroup` resource.
    public var resource: Logs.CfnLogGroup { resourceStorage }

    /// `{"Fn::GetAtt": [group, "Arn"]}`.
    public var logGroupArn: Value { resource.attrArn }

    /// `{"Ref": group}`: the name.
    public var logGroupName: Value { resource.ref }

    /// Lets `grantee` perform `actions` on the group, through its identity policy.
    @discardableResult
    public func grant(_ grantee: any IAM.Grantable, actions: [String]) -> IAM.Grant {
      let grant = IAM.Grant.addToPrincipal(
        grantee: grantee, actions: actions, resourceARNs: [logGroupArn])
      if !grant.success {
        let path = node.path
        node.addValidation {
          [
            "a grant on the log group to a principal without an identity policy (a service, another account) needs a CloudWatch Logs resource policy, which StackKit does not create yet (\(path)). Grant to a role instead."
          ]
        }
      }
      return grant
    }

    /// `logs:CreateLogStream` and `logs:PutLogEvents`.
    @discardableResult
    public func grantWrite(_ grantee: any IAM.Grantable) -> IAM.Grant {
      grant(grantee, actions: ["logs:CreateLogStream", "logs:PutLogEvents"])
    }

    /// The read actions CDK grants: filter, get events and fields, describe groups and streams.
    @discardableResult
    public func grantRead(_ grantee: any IAM.Grantable) -> IAM.Grant {
      grant(
        grantee,
        actions: [
          "logs:FilterLogEvents", "logs:GetLogEvents", "logs:GetLogGroupFields",
          "logs:DescribeLogGroups", "logs:DescribeLogStreams",
        ])
    }

    /// Sets `DeletionPolicy` and `UpdateReplacePolicy`.
    public func applyRemovalPolicy(_ policy: RemovalPolicy) {
      resource.applyRemovalPolicy(policy)
    }

    private func validateLogGroup() -> [String] {
      guard let logGroupName = givenLogGroupName else { return [] }
      let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-/.#".utf8)
      if logGroupName.isEmpty || logGroupName.utf8.count > 512
        || !logGroupName.utf8.allSatisfy(allowed.contains)
      {
        return [
          "the log group name \"\(logGroupName)\" is not valid. Use 1 to 512 letters, digits and the characters _-/.#."
        ]
      }
      return []
    }
  }
}
