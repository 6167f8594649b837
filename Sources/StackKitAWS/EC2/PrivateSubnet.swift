extension EC2 {
  /// A subnet without a route to an internet gateway: private with egress (a NAT route) or
  /// isolated.
  ///
  /// ```swift
  /// for subnet in vpc.isolatedSubnets { print(subnet.ipv4CIDRBlock) }
  /// ```
  public final class PrivateSubnet: Subnet {}
}
