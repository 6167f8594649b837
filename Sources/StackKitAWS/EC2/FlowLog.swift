import StackKit

extension EC2 {
  /// A flow log (`AWS::EC2::FlowLog`) to CloudWatch Logs, as AWS CDK's `FlowLog`: unless given,
  /// a log group (`LogGroup`, kept on delete, two years' retention) and a role (`IAMRole`,
  /// trusted by `vpc-flow-logs.amazonaws.com`, allowed to write to the group through its
  /// `DefaultPolicy`) are created below it; all of them carry a `Name` tag with the flow log's
  /// path.
  ///
  /// ```swift
  /// EC2.FlowLog(stack, "VpcFlowLog", resourceType: .fromVPC(vpc))
  /// ```
  public final class FlowLog: Construct {
    private var storage: (CfnFlowLog, IAM.Role, Logs.LogGroup)!
    private var problems: [String] = []

    /// The `AWS::EC2::FlowLog`.
    public var resource: CfnFlowLog { storage.0 }
    /// The role the service writes with.
    public var role: IAM.Role { storage.1 }
    /// The log group records go to.
    public var logGroup: Logs.LogGroup { storage.2 }
    /// `{"Ref": flowLog}`.
    public var flowLogID: Value { resource.ref }

    /// Creates a flow log.
    ///
    /// - Parameters:
    ///   - trafficType: `ALL` by default (not allowed for transit gateways).
    ///   - flowLogName: the `Name` tag; the construct path by default.
    ///   - maxAggregationInterval: 60 or 600 seconds.
    ///   - logFormat: the fields, such as `["${srcaddr}", "${dstaddr}"]`; AWS's default format
    ///     when `nil`.
    @discardableResult
    public init(
      _ scope: Construct, _ id: String, resourceType: FlowLogResourceType,
      destination: FlowLogDestination = .cloudWatchLogs(), trafficType: FlowLogTrafficType? = nil,
      flowLogName: String? = nil, maxAggregationInterval: Int? = nil, logFormat: [String]? = nil
    ) {
      super.init(scope, id)
      Tags.of(self).add("Name", flowLogName ?? node.path)
      guard case .cloudWatchLogs(let givenGroup, let givenRole) = destination
      else { fatalError("unreachable: FlowLogDestination has one case") }
      let role =
        givenRole
        ?? IAM.Role(self, "IAMRole", assumedBy: IAM.ServicePrincipal("vpc-flow-logs.amazonaws.com"))
      let group = givenGroup ?? Logs.LogGroup(self, "LogGroup")
      _ = role.addToPrincipalPolicy(
        IAM.PolicyStatement(
          effect: .allow,
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: [group.logGroupArn]))

      var traffic: FlowLogTrafficType? = trafficType ?? .all
      if resourceType.isTransitGateway {
        if trafficType != nil {
          problems.append(
            "trafficType is set, but transit gateway flow logs record all traffic. Remove trafficType."
          )
        }
        if let maxAggregationInterval, maxAggregationInterval != 60 {
          problems.append(
            "maxAggregationInterval is \(maxAggregationInterval); transit gateway flow logs take 60 only. Set it to 60 or leave it out."
          )
        }
        traffic = nil
      }
      if let maxAggregationInterval, ![60, 600].contains(maxAggregationInterval) {
        problems.append(
          "maxAggregationInterval is \(maxAggregationInterval) seconds; flow logs take 60 or 600. Use one of those."
        )
      }
      let flowLog = CfnFlowLog(
        self, "FlowLog", deliverLogsPermissionArn: role.roleArn,
        logDestinationType: "cloud-watch-logs",
        logFormat: logFormat.map { .string($0.joined(separator: " ")) },
        logGroupName: group.logGroupName,
        maxAggregationInterval: maxAggregationInterval.map(Value.int),
        resourceId: resourceType.resourceID,
        resourceType: CfnFlowLog.ResourceType(.string(resourceType.resourceType)),
        trafficType: traffic.map { CfnFlowLog.TrafficType(.string($0.rawValue)) })
      storage = (flowLog, role, group)
    }

    public override func validate() -> [String] { super.validate() + problems }
  }
}
