extension EC2 {
  /// One group of subnets of a ``Vpc``: one subnet per availability zone, all of one type.
  ///
  /// ```swift
  /// EC2.SubnetConfiguration(name: "Isolated", subnetType: .privateIsolated, cidrMask: 24)
  /// ```
  public struct SubnetConfiguration: Sendable, Hashable {
    /// The group name: part of each subnet's construct id (`<name>Subnet1` …) and the
    /// `aws-cdk:subnet-name` tag.
    public var name: String
    public var subnetType: SubnetType
    /// The prefix length of each subnet, 16 to 28; `nil` shares the space left equally among
    /// the groups without one.
    public var cidrMask: Int?
    /// Takes the address space but creates no subnets, to keep the CIDRs of later groups stable
    /// when the group is added later.
    public var reserved: Bool
    /// Public subnets only: give instances a public IPv4 address (default true).
    public var mapPublicIPOnLaunch: Bool?

    public init(
      name: String, subnetType: SubnetType, cidrMask: Int? = nil, reserved: Bool = false,
      mapPublicIPOnLaunch: Bool? = nil
    ) {
      self.name = name
      self.subnetType = subnetType
      self.cidrMask = cidrMask
      self.reserved = reserved
      self.mapPublicIPOnLaunch = mapPublicIPOnLaunch
    }
  }
}
