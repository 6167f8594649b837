extension EC2 {
  /// What a subnet can reach, which decides its routes and its `aws-cdk:subnet-type` tag.
  ///
  /// ```swift
  /// EC2.SubnetConfiguration(name: "Data", subnetType: .privateIsolated, cidrMask: 24)
  /// ```
  public enum SubnetType: String, Sendable, Hashable, CaseIterable {
    /// Routes to an internet gateway; instances can have public addresses.
    case `public` = "Public"
    /// Routes to the internet through NAT gateways in the public subnets (or another egress).
    case privateWithEgress = "Private"
    /// No route out of the VPC.
    case privateIsolated = "Isolated"

    /// The subnet group name CDK uses when none is given: `Public`, `Private` or `Isolated`.
    public var defaultName: String { rawValue }

    /// The `aws-cdk:subnet-type` tag value.
    public var tagValue: String { rawValue }
  }
}
