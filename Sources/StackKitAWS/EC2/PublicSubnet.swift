import StackKit

extension EC2 {
  /// A subnet whose default route goes to the VPC's internet gateway; NAT gateways live here.
  ///
  /// ```swift
  /// let nat = vpc.publicSubnets[0].addNATGateway()
  /// ```
  public final class PublicSubnet: Subnet {
    /// Adds a NAT gateway (`NATGateway`) with a new Elastic IP (`EIP`) unless one is given. It
    /// depends on this subnet's route table association and default route, as in CDK.
    @discardableResult
    public func addNATGateway(eipAllocationID: Value? = nil) -> CfnNatGateway {
      let allocation =
        eipAllocationID
        ?? CfnEIP(self, "EIP", domain: "vpc").attrAllocationId
      let gateway = CfnNatGateway(
        self, "NATGateway", allocationId: allocation, subnetId: subnetID)
      gateway.node.addDependency(internetConnectivityEstablished)
      return gateway
    }
  }
}
