import StackKit

extension EC2 {
  /// A subnet with its own route table (`AWS::EC2::Subnet`, `AWS::EC2::RouteTable`,
  /// `AWS::EC2::SubnetRouteTableAssociation`), as AWS CDK's `Subnet`. A ``Vpc`` makes these; its
  /// subclasses ``PublicSubnet`` and ``PrivateSubnet`` add internet and NAT routes.
  ///
  /// Every taggable resource below it gets a `Name` tag with the subnet's path.
  ///
  /// ```swift
  /// let subnet = vpc.isolatedSubnets[0]
  /// subnet.addRoute("ToPeer", routerType: .vpcPeeringConnection, routerID: peering.ref,
  ///                 destinationCIDRBlock: "10.1.0.0/16")
  /// ```
  public class Subnet: Construct {
    /// The availability zone (a literal name, or `Fn::Select` over `Fn::GetAZs`).
    public let availabilityZone: Value
    /// The subnet's IPv4 block.
    public let ipv4CIDRBlock: String
    /// The route-table association, plus each route that reaches the internet once added: what a
    /// resource that needs the subnet's connectivity depends on.
    public let internetConnectivityEstablished = DependencyGroup()
    /// Identifies the zone when grouping subnets (NAT gateway choice, one subnet per zone).
    let zoneKey: String
    private var parts: (CfnSubnet, CfnRouteTable, CfnSubnetRouteTableAssociation)!

    /// The `AWS::EC2::Subnet`.
    public var resource: CfnSubnet { parts.0 }
    /// The route table of this subnet.
    public var routeTable: CfnRouteTable { parts.1 }
    /// The association of the route table with the subnet.
    public var routeTableAssociation: CfnSubnetRouteTableAssociation { parts.2 }
    /// `{"Ref": subnet}`.
    public var subnetID: Value { resource.ref }
    /// `{"Ref": routeTable}`.
    public var routeTableID: Value { routeTable.ref }

    /// Creates a subnet and its route table in a VPC.
    ///
    /// Its resources get the `Name` tag of its path, as in CDK.
    ///
    /// - Parameter zoneKey: what identifies the zone when `availabilityZone` is not a literal name.
    public init(
      _ scope: Construct, _ id: String, vpcID: Value, availabilityZone: Value, cidrBlock: String,
      mapPublicIPOnLaunch: Bool? = nil, zoneKey: String? = nil
    ) {
      self.availabilityZone = availabilityZone
      ipv4CIDRBlock = cidrBlock
      self.zoneKey = zoneKey ?? availabilityZone.literalString ?? ""
      super.init(scope, id)
      Tags.of(self).add("Name", node.path)
      let subnet = CfnSubnet(
        self, "Subnet", availabilityZone: availabilityZone, cidrBlock: .string(cidrBlock),
        mapPublicIpOnLaunch: mapPublicIPOnLaunch.map(Value.bool), vpcId: vpcID)
      let table = CfnRouteTable(self, "RouteTable", vpcId: vpcID)
      let association = CfnSubnetRouteTableAssociation(
        self, "RouteTableAssociation", routeTableId: table.ref, subnetId: subnet.ref)
      parts = (subnet, table, association)
      internetConnectivityEstablished.add(association)
    }

    /// Adds `0.0.0.0/0` through an internet gateway (`DefaultRoute`), after its attachment.
    public func addDefaultInternetRoute(gatewayID: Value, gatewayAttachment: Construct) {
      let route = CfnRoute(
        self, "DefaultRoute", destinationCidrBlock: "0.0.0.0/0", gatewayId: gatewayID,
        routeTableId: routeTableID)
      route.node.addDependency(gatewayAttachment)
      internetConnectivityEstablished.add(route)
    }

    /// Adds `0.0.0.0/0` through a NAT gateway (`DefaultRoute`).
    public func addDefaultNATRoute(natGatewayID: Value) {
      addRoute(
        "DefaultRoute", routerType: .natGateway, routerID: natGatewayID,
        enablesInternetConnectivity: true)
    }

    /// Adds a route to this subnet's route table.
    ///
    /// - Parameters:
    ///   - destinationCIDRBlock: defaults to `0.0.0.0/0` unless an IPv6 destination is given.
    ///   - enablesInternetConnectivity: add the route to ``internetConnectivityEstablished``.
    @discardableResult
    public func addRoute(
      _ id: String, routerType: RouterType, routerID: Value, destinationCIDRBlock: String? = nil,
      destinationIPv6CIDRBlock: String? = nil, enablesInternetConnectivity: Bool = false
    ) -> CfnRoute {
      let route = CfnRoute(
        self, id,
        destinationCidrBlock: (destinationCIDRBlock
          ?? (destinationIPv6CIDRBlock == nil ? "0.0.0.0/0" : nil)).map(Value.string),
        destinationIpv6CidrBlock: destinationIPv6CIDRBlock.map(Value.string),
        routeTableId: routeTableID)
      route.setRouter(routerType, routerID)
      if destinationCIDRBlock != nil && destinationIPv6CIDRBlock != nil {
        node.addValidation {
          [
            "the route \(id) has both an IPv4 and an IPv6 destination. Give only one of destinationCIDRBlock and destinationIPv6CIDRBlock."
          ]
        }
      }
      if enablesInternetConnectivity { internetConnectivityEstablished.add(route) }
      return route
    }
  }
}

extension EC2.CfnRoute {
  /// Sets the property that names the router of a type.
  fileprivate func setRouter(_ type: EC2.RouterType, _ id: Value) {
    switch type {
    case .carrierGateway: carrierGatewayId = id
    case .coreNetwork: coreNetworkArn = id
    case .egressOnlyInternetGateway: egressOnlyInternetGatewayId = id
    case .gateway: gatewayId = id
    case .instance: instanceId = id
    case .localGateway: localGatewayId = id
    case .natGateway: natGatewayId = id
    case .networkInterface: networkInterfaceId = id
    case .transitGateway: transitGatewayId = id
    case .vpcEndpoint: vpcEndpointId = id
    case .vpcPeeringConnection: vpcPeeringConnectionId = id
    }
  }
}
