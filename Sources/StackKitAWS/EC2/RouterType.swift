extension EC2 {
  /// What a route sends traffic to; decides which `AWS::EC2::Route` property names it.
  ///
  /// ```swift
  /// subnet.addRoute("Egress", routerType: .natGateway, routerID: nat.ref)
  /// ```
  public enum RouterType: String, Sendable, Hashable, CaseIterable {
    case carrierGateway = "CarrierGateway"
    case coreNetwork = "CoreNetwork"
    case egressOnlyInternetGateway = "EgressOnlyInternetGateway"
    case gateway = "Gateway"
    case instance = "Instance"
    case localGateway = "LocalGateway"
    case natGateway = "NatGateway"
    case networkInterface = "NetworkInterface"
    case transitGateway = "TransitGateway"
    case vpcEndpoint = "VpcEndpoint"
    case vpcPeeringConnection = "VpcPeeringConnection"
  }
}
