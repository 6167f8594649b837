import StackKit

extension EC2 {
  /// What a flow log records: a VPC, a subnet, a network interface, a transit gateway or one of
  /// its attachments.
  ///
  /// ```swift
  /// EC2.FlowLog(stack, "VpcFlowLog", resourceType: .fromVPC(vpc))
  /// ```
  public struct FlowLogResourceType {
    /// `VPC`, `Subnet`, `NetworkInterface`, `TransitGateway` or `TransitGatewayAttachment`.
    public let resourceType: String
    public let resourceID: Value

    public init(resourceType: String, resourceID: Value) {
      self.resourceType = resourceType
      self.resourceID = resourceID
    }

    public static func fromVPC(_ vpc: Vpc) -> Self {
      Self(resourceType: "VPC", resourceID: vpc.vpcID)
    }

    public static func fromSubnet(_ subnet: Subnet) -> Self {
      Self(resourceType: "Subnet", resourceID: subnet.subnetID)
    }

    public static func fromNetworkInterfaceID(_ id: Value) -> Self {
      Self(resourceType: "NetworkInterface", resourceID: id)
    }

    public static func fromTransitGatewayID(_ id: Value) -> Self {
      Self(resourceType: "TransitGateway", resourceID: id)
    }

    public static func fromTransitGatewayAttachmentID(_ id: Value) -> Self {
      Self(resourceType: "TransitGatewayAttachment", resourceID: id)
    }

    var isTransitGateway: Bool { resourceType.hasPrefix("TransitGateway") }
  }

  /// Which traffic a flow log records.
  public enum FlowLogTrafficType: String, Sendable, Hashable, CaseIterable {
    case accept = "ACCEPT"
    case all = "ALL"
    case reject = "REJECT"
  }

  /// Where flow log records go. StackKit writes them to CloudWatch Logs.
  ///
  /// ```swift
  /// EC2.FlowLog(stack, "Log", resourceType: .fromVPC(vpc),
  ///             destination: .cloudWatchLogs(logGroup: group, role: role))
  /// ```
  public enum FlowLogDestination {
    /// A log group and the role the service writes with; each is created (`LogGroup`,
    /// `IAMRole`) when not given.
    case cloudWatchLogs(logGroup: Logs.LogGroup? = nil, role: IAM.Role? = nil)
  }
}
