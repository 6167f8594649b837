extension EC2 {
  /// Which subnets of a VPC to use: by type, by group name, or explicitly; optionally narrowed to
  /// some availability zones or one subnet per zone.
  ///
  /// With neither a type, a group name nor subnets, the private (with egress) subnets are chosen,
  /// else the isolated ones, else the public ones, as CDK does.
  ///
  /// ```swift
  /// let isolated = EC2.SubnetSelection(subnetType: .privateIsolated)
  /// vpc.selectSubnets(isolated).subnetIDs
  /// ```
  public struct SubnetSelection {
    public var subnetType: SubnetType?
    public var subnetGroupName: String?
    public var subnets: [Subnet]?
    /// Keep only subnets in these zones (literal zone names).
    public var availabilityZones: [String]?
    /// Keep the first subnet of each availability zone.
    public var onePerAZ: Bool

    public init(
      subnetType: SubnetType? = nil, subnetGroupName: String? = nil, subnets: [Subnet]? = nil,
      availabilityZones: [String]? = nil, onePerAZ: Bool = false
    ) {
      self.subnetType = subnetType
      self.subnetGroupName = subnetGroupName
      self.subnets = subnets
      self.availabilityZones = availabilityZones
      self.onePerAZ = onePerAZ
    }
  }
}
