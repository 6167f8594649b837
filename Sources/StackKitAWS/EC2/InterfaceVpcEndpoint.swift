import StackKit

extension EC2 {
  /// An interface VPC endpoint (`AWS::EC2::VPCEndpoint` of type `Interface`), as AWS CDK's
  /// `InterfaceVpcEndpoint`: one subnet per zone of the selection, its own security group unless
  /// given some, and (with `open`, the default) an ingress rule from the VPC's CIDR on the
  /// service port.
  ///
  /// ```swift
  /// vpc.addInterfaceEndpoint(
  ///   "SecretsManagerEndpoint", service: EC2.InterfaceVpcEndpointAwsService.secretsManager,
  ///   subnets: EC2.SubnetSelection(subnetType: .privateIsolated), open: false,
  ///   securityGroups: [endpointSG])
  /// ```
  public final class InterfaceVpcEndpoint: Construct, Connectable {
    public let vpc: Vpc
    public let service: any EndpointService
    private var storage: (CfnVPCEndpoint, Connections)!
    private var problems: [String] = []
    private var policyStatements: [IAM.PolicyStatement] = []

    /// The `AWS::EC2::VPCEndpoint`.
    public var resource: CfnVPCEndpoint { storage.0 }
    /// The endpoint's security groups and rules; the default port is the service's.
    public var connections: Connections { storage.1 }
    /// `{"Ref": endpoint}`.
    public var vpcEndpointID: Value { resource.ref }
    /// The first security group's id.
    public var securityGroupID: Value { connections.securityGroups[0].securityGroupID }
    /// The DNS entries of the endpoint.
    public var vpcEndpointDNSEntries: Value { resource.attrDnsEntries }
    /// The network interfaces of the endpoint.
    public var vpcEndpointNetworkInterfaceIDs: Value { resource.attrNetworkInterfaceIds }

    /// Creates an interface endpoint.
    ///
    /// - Parameters:
    ///   - subnets: where the endpoint's interfaces go (one per zone); the VPC's default
    ///     selection (private, else isolated, else public) when `nil`.
    ///   - securityGroups: the endpoint's groups; a new `SecurityGroup` child by default.
    ///   - open: allow the VPC's CIDR on the service port (default true).
    ///   - privateDNSEnabled: default: on for AWS services, off for services by name.
    @discardableResult
    public init(
      _ scope: Construct, _ id: String, vpc: Vpc, service: any EndpointService,
      subnets: SubnetSelection? = nil, securityGroups: [SecurityGroup]? = nil, open: Bool = true,
      privateDNSEnabled: Bool? = nil
    ) {
      self.vpc = vpc
      self.service = service
      super.init(scope, id)
      let groups = securityGroups ?? [SecurityGroup(self, "SecurityGroup", vpc: vpc)]
      let connections = Connections(securityGroups: groups, defaultPort: .tcp(service.port))
      if open { connections.allowDefaultPortFrom(Peer.ipv4(vpc.vpcCIDRBlock)) }
      for group in groups where group.vpc !== vpc {
        problems.append(
          "the security group \(group.node.path) belongs to the VPC \(group.vpc.node.path), not to \(vpc.node.path) where the endpoint is. Use a security group of \(vpc.node.path)."
        )
      }
      if groups.isEmpty {
        problems.append(
          "securityGroups is empty; an endpoint needs one. Give a security group or leave securityGroups out."
        )
      }
      var selection = subnets ?? SubnetSelection()
      selection.onePerAZ = true
      let selected = vpc.selectSubnets(selection)
      if selected.subnets.isEmpty {
        problems.append(
          "the endpoint has no subnets: the selection picks none in \(vpc.node.path). Select subnets the VPC has."
        )
      }
      if service.port < 1 || service.port > 65535 {
        problems.append(
          "the service port \(service.port) is outside 1-65535. Give the port the service listens on."
        )
      }
      let endpoint = CfnVPCEndpoint(
        self, "Resource",
        policyDocument: .lazy(
          Lazy(optional: { [unowned self] in
            self.policyStatements.isEmpty
              ? nil : IAM.PolicyDocument(statements: self.policyStatements).render()
          })),
        privateDnsEnabled: .bool(privateDNSEnabled ?? service.privateDNSDefault),
        securityGroupIds: .list(groups.map(\.securityGroupID)),
        serviceName: service.name(in: Stack.of(self)), subnetIds: .list(selected.subnetIDs),
        vpcEndpointType: "Interface", vpcId: vpc.vpcID)
      storage = (endpoint, connections)
    }

    /// Adds a statement to the endpoint policy (created on the first one).
    public func addToPolicy(_ statement: IAM.PolicyStatement) {
      policyStatements.append(statement)
    }

    public override func validate() -> [String] { super.validate() + problems }
  }
}
