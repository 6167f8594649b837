import StackKit

extension EC2 {
  /// The result of ``Vpc/selectSubnets(_:)``: the subnets, their ids, and what a resource placed
  /// in them should depend on.
  ///
  /// ```swift
  /// let selected = vpc.selectSubnets(EC2.SubnetSelection(subnetType: .privateIsolated))
  /// _ = ElastiCache.CfnSubnetGroup(stack, "Group", description: "cache", subnetIds: .list(selected.subnetIDs))
  /// ```
  public struct SelectedSubnets {
    public let subnets: [Subnet]
    /// `{"Ref": subnet}` for each subnet, in order.
    public var subnetIDs: [Value] { subnets.map(\.subnetID) }
    /// The zone of each subnet, in order.
    public var availabilityZones: [Value] { subnets.map(\.availabilityZone) }
    /// The route-table associations and default routes of the subnets: a resource that needs to
    /// reach the internet (or just its subnet's routes) from these subnets depends on them, as
    /// Lambda functions in a VPC do.
    public let internetConnectivityEstablished: DependencyGroup
    /// True when any selected subnet is public.
    public let hasPublic: Bool

    init(subnets: [Subnet], publicSubnets: [Subnet]) {
      self.subnets = subnets
      let group = DependencyGroup()
      for s in subnets { group.add(s.internetConnectivityEstablished) }
      internetConnectivityEstablished = group
      hasPublic = subnets.contains { s in publicSubnets.contains { $0 === s } }
    }
  }
}
