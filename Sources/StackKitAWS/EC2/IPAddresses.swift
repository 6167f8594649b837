extension EC2 {
  /// Where a VPC's addresses come from.
  ///
  /// ```swift
  /// EC2.Vpc(stack, "Vpc", ipAddresses: .cidr("10.20.0.0/16"))
  /// ```
  public enum IPAddresses: Sendable, Hashable {
    /// A fixed IPv4 block, /16 to /28, split into subnets with CDK's allocation.
    case cidr(String)
  }
}
