import StackKit
import StackKitAWS

/// A shared network built from generated L1 types: a VPC with an internet gateway, two public
/// subnets routed to it, two isolated subnets, an S3 gateway endpoint for the isolated subnets,
/// and a security group for applications. The ids are exported for other stacks.
///
/// ```sh
/// stack synth SharedNetwork
/// ```
final class SharedNetworkStack: Stack {
  static let cidr = "10.20.0.0/16"

  @discardableResult
  init(_ scope: Construct, _ id: String) {
    super.init(scope, id, description: "Shared network for the example stacks")
    let vpc = EC2.CfnVPC(
      self, "Vpc", cidrBlock: .string(Self.cidr), enableDnsHostnames: true,
      enableDnsSupport: true, tags: [CfnTag(key: "Name", value: "\(Pseudo.stackName)/Vpc")])
    let gateway = EC2.CfnInternetGateway(self, "InternetGateway")
    let attachment = EC2.CfnVPCGatewayAttachment(
      self, "GatewayAttachment", internetGatewayId: gateway.ref, vpcId: vpc.ref)

    let publicRoutes = EC2.CfnRouteTable(self, "PublicRouteTable", vpcId: vpc.ref)
    let defaultRoute = EC2.CfnRoute(
      self, "PublicDefaultRoute", destinationCidrBlock: "0.0.0.0/0", gatewayId: gateway.ref,
      routeTableId: publicRoutes.ref)
    defaultRoute.addDependency(attachment)
    let isolatedRoutes = EC2.CfnRouteTable(self, "IsolatedRouteTable", vpcId: vpc.ref)

    var publicSubnets: [EC2.CfnSubnet] = []
    var isolatedSubnets: [EC2.CfnSubnet] = []
    for az in 0..<2 {
      let publicSubnet = EC2.CfnSubnet(
        self, "PublicSubnet\(az + 1)", availabilityZone: Fn.select(az, Fn.getAZs()),
        cidrBlock: .string("10.20.\(az * 32).0/20"), mapPublicIpOnLaunch: true,
        tags: [CfnTag(key: "Tier", value: "public")], vpcId: vpc.ref)
      _ = EC2.CfnSubnetRouteTableAssociation(
        self, "PublicSubnet\(az + 1)Routes", routeTableId: publicRoutes.ref,
        subnetId: publicSubnet.ref)
      publicSubnets.append(publicSubnet)

      let isolatedSubnet = EC2.CfnSubnet(
        self, "IsolatedSubnet\(az + 1)", availabilityZone: Fn.select(az, Fn.getAZs()),
        cidrBlock: .string("10.20.\(az * 32 + 16).0/20"), mapPublicIpOnLaunch: false,
        tags: [CfnTag(key: "Tier", value: "isolated")], vpcId: vpc.ref)
      _ = EC2.CfnSubnetRouteTableAssociation(
        self, "IsolatedSubnet\(az + 1)Routes", routeTableId: isolatedRoutes.ref,
        subnetId: isolatedSubnet.ref)
      isolatedSubnets.append(isolatedSubnet)
    }

    _ = EC2.CfnVPCEndpoint(
      self, "S3Endpoint", routeTableIds: [isolatedRoutes.ref],
      serviceName: "com.amazonaws.\(Pseudo.region).s3", vpcEndpointType: .gateway,
      vpcId: vpc.ref)

    let appSecurityGroup = EC2.CfnSecurityGroup(
      self, "AppSecurityGroup", groupDescription: "Applications in the shared network",
      securityGroupEgress: [
        EC2.CfnSecurityGroup.Egress(
          cidrIp: "0.0.0.0/0", description: "HTTPS out", fromPort: 443, ipProtocol: "tcp",
          toPort: 443)
      ],
      securityGroupIngress: [
        EC2.CfnSecurityGroup.Ingress(
          cidrIp: .string(Self.cidr), description: "HTTPS from the VPC", fromPort: 443,
          ipProtocol: "tcp", toPort: 443)
      ],
      vpcId: vpc.ref)

    _ = CfnOutput(
      self, "VpcId", value: vpc.ref, exportName: "\(Pseudo.stackName)-VpcId")
    _ = CfnOutput(
      self, "PublicSubnetIds", value: Fn.join(",", publicSubnets.map(\.ref)),
      exportName: "\(Pseudo.stackName)-PublicSubnetIds")
    _ = CfnOutput(
      self, "IsolatedSubnetIds", value: Fn.join(",", isolatedSubnets.map(\.ref)),
      exportName: "\(Pseudo.stackName)-IsolatedSubnetIds")
    _ = CfnOutput(
      self, "AppSecurityGroupId", value: appSecurityGroup.attrGroupId,
      exportName: "\(Pseudo.stackName)-AppSecurityGroupId")
  }
}
