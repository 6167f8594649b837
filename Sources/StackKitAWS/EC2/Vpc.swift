import StackKit

extension EC2 {
  /// A VPC with its subnets, route tables, internet gateway and NAT gateways, laid out exactly as
  /// AWS CDK's `ec2.Vpc` lays them out: same resources, CIDR blocks, tags and logical IDs.
  ///
  /// By default: `10.0.0.0/16`, up to 3 availability zones (2, through `Fn::GetAZs`, for a stack
  /// without a fixed account and region), one public and one private-with-egress subnet per zone,
  /// and a NAT gateway per zone. Masks left out share the remaining space equally.
  ///
  /// ```swift
  /// let vpc = EC2.Vpc(stack, "Vpc", subnetConfiguration: [
  ///   EC2.SubnetConfiguration(name: "Isolated", subnetType: .privateIsolated, cidrMask: 24),
  /// ])
  /// let ids = vpc.selectSubnets(subnetType: .privateIsolated).subnetIDs
  /// ```
  public final class Vpc: Construct {
    /// CDK's default VPC block.
    public static let defaultCIDRRange = "10.0.0.0/16"

    /// The zones the subnets are spread over, in order.
    public let availabilityZones: [Value]
    /// The subnet groups, as given or defaulted.
    public let subnetConfiguration: [SubnetConfiguration]
    /// Public subnets, by group then zone.
    public private(set) var publicSubnets: [PublicSubnet] = []
    /// Private subnets with egress, by group then zone.
    public private(set) var privateSubnets: [PrivateSubnet] = []
    /// Isolated subnets, by group then zone.
    public private(set) var isolatedSubnets: [PrivateSubnet] = []
    /// The internet gateway (and, through the subnets, its routes): what depends on the VPC
    /// reaching the internet depends on this.
    public let internetConnectivityEstablished = DependencyGroup()
    /// The internet gateway, when the VPC has one.
    public private(set) var internetGateway: CfnInternetGateway?
    /// The attachment of the internet gateway.
    public private(set) var internetGatewayAttachment: CfnVPCGatewayAttachment?
    public let dnsHostnamesEnabled: Bool
    public let dnsSupportEnabled: Bool
    /// The VPC's block, as given (`10.0.0.0/16` by default).
    public let cidr: String

    private var storedResource: CfnVPC!
    private var zoneKeys: [String] = []
    private var problems: [String] = []
    /// True when the subnets could not all be created (a problem is already reported), so an
    /// empty selection is not reported again.
    private var incompleteSubnets = false
    var incompleteSubnetsForSelection: Bool { incompleteSubnets }

    /// The `AWS::EC2::VPC`.
    public var resource: CfnVPC { storedResource }
    /// `{"Ref": vpc}`.
    public var vpcID: Value { resource.ref }
    /// `{"Fn::GetAtt": [vpc, "CidrBlock"]}`.
    public var vpcCIDRBlock: Value { resource.getAtt("CidrBlock") }
    /// `arn:<partition>:ec2:<region>:<account>:vpc/<id>`.
    public var vpcARN: Value {
      let stack = Stack.of(self)
      return
        "arn:\(Pseudo.partition):ec2:\(stack?.region ?? .pseudo(.region)):\(stack?.account ?? .pseudo(.accountID)):vpc/\(vpcID)"
    }
    /// The security group every VPC has.
    public var vpcDefaultSecurityGroup: Value { resource.attrDefaultSecurityGroup }
    /// The network ACL every VPC has.
    public var vpcDefaultNetworkACL: Value { resource.attrDefaultNetworkAcl }
    /// `{"Ref": internetGateway}`, when the VPC has one.
    public var internetGatewayID: Value? { internetGateway?.ref }

    /// Creates a VPC.
    ///
    /// - Parameters:
    ///   - ipAddresses: the VPC block; `10.0.0.0/16` by default.
    ///   - maxAZs: at most this many zones (default 3). Not together with `availabilityZones`.
    ///   - availabilityZones: literal zone names to use instead of the stack's.
    ///   - subnetConfiguration: the subnet groups; public + private with egress by default, public
    ///     + isolated when `natGateways` is 0.
    ///   - natGateways: how many NAT gateways (default: one per zone when there are private
    ///     subnets with egress); the private subnets of a zone without one use another zone's.
    ///   - natGatewaySubnets: where the NAT gateways go; the public subnets by default.
    ///   - vpcName: the `Name` tag of the VPC and its resources; the construct path by default.
    public init(
      _ scope: Construct, _ id: String, ipAddresses: IPAddresses = .cidr(Vpc.defaultCIDRRange),
      maxAZs: Int? = nil, availabilityZones: [String]? = nil,
      subnetConfiguration: [SubnetConfiguration]? = nil, natGateways: Int? = nil,
      natGatewaySubnets: SubnetSelection? = nil, enableDNSHostnames: Bool = true,
      enableDNSSupport: Bool = true, defaultInstanceTenancy: DefaultInstanceTenancy = .default,
      vpcName: String? = nil, createInternetGateway: Bool = true
    ) {
      guard case .cidr(let cidr) = ipAddresses else { fatalError("unreachable") }
      self.cidr = cidr
      dnsHostnamesEnabled = enableDNSHostnames
      dnsSupportEnabled = enableDNSSupport
      let configuration =
        subnetConfiguration
        ?? (natGateways == 0
          ? [
            SubnetConfiguration(name: "Public", subnetType: .public),
            SubnetConfiguration(name: "Isolated", subnetType: .privateIsolated),
          ]
          : [
            SubnetConfiguration(name: "Public", subnetType: .public),
            SubnetConfiguration(name: "Private", subnetType: .privateWithEgress),
          ])
      self.subnetConfiguration = configuration
      let zones = Vpc.zones(
        scope: scope, maxAZs: maxAZs, availabilityZones: availabilityZones)
      self.availabilityZones = zones.values
      super.init(scope, id)
      zoneKeys = zones.keys

      if enableDNSHostnames && !enableDNSSupport {
        problems.append(
          "enableDNSHostnames is true but enableDNSSupport is false; DNS hostnames need DNS support. Set enableDNSSupport to true or enableDNSHostnames to false."
        )
      }
      if let maxAZs, availabilityZones != nil {
        problems.append(
          "both maxAZs (\(maxAZs)) and availabilityZones are given. Give only one of them.")
      }
      if let maxAZs, maxAZs < 1 {
        problems.append(
          "maxAZs is \(maxAZs); a VPC needs at least one availability zone. Set maxAZs to 1 or more."
        )
      }
      if let natGateways, natGateways < 0 {
        problems.append("natGateways is \(natGateways). Use 0 or more.")
      }

      var builder: NetworkBuilder?
      do {
        let (address, mask) = try CIDRBlock.parse(cidr)
        let size = CIDRBlock.size(mask)
        if address % size != 0 {
          problems.append(
            "the VPC CIDR \(cidr) has host bits set; CDK would silently move it up to \(CIDRBlock(address: address, mask: mask).cidr). Write the network address of the block you mean, such as \(CIDRBlock(address: address - address % size, mask: mask).cidr)."
          )
        } else if !(16...28).contains(mask) {
          problems.append(
            "the VPC CIDR \(cidr) is a /\(mask); a VPC's block must be /16 to /28. Use a prefix length from 16 to 28."
          )
        } else {
          builder = try NetworkBuilder(cidr)
        }
      } catch {
        problems.append(
          "the VPC CIDR \"\(cidr)\" is not an IPv4 CIDR block. Write it as a.b.c.d/n, such as 10.0.0.0/16."
        )
      }

      Tags.of(self).add("Name", vpcName ?? node.path)
      storedResource = CfnVPC(
        self, "Resource", cidrBlock: .string(builder?.network.cidr ?? cidr),
        enableDnsHostnames: .bool(enableDNSHostnames), enableDnsSupport: .bool(enableDNSSupport),
        instanceTenancy: CfnVPC.InstanceTenancy(.string(defaultInstanceTenancy.rawValue)))

      let natCount = determineNATGatewayCount(natGateways, configuration)
      if var builder {
        createSubnets(&builder, configuration)
      } else {
        incompleteSubnets = true
      }

      let needsGateway = configuration.contains {
        $0.subnetType != .privateIsolated && !$0.reserved
      }
      if needsGateway && createInternetGateway {
        let igw = CfnInternetGateway(self, "IGW")
        internetGateway = igw
        internetConnectivityEstablished.add(igw)
        let attachment = CfnVPCGatewayAttachment(
          self, "VPCGW", internetGatewayId: igw.ref, vpcId: resource.ref)
        internetGatewayAttachment = attachment
        for subnet in publicSubnets {
          subnet.addDefaultInternetRoute(gatewayID: igw.ref, gatewayAttachment: attachment)
        }
        if natCount > 0 {
          createNATGateways(
            count: natCount, placement: natGatewaySubnets ?? SubnetSelection(subnetType: .public))
        }
      }
    }

    public override func validate() -> [String] { super.validate() + problems }

    /// Records a problem to report at synthesis.
    func report(_ problem: String) { problems.append(problem) }

    // MARK: - Zones

    /// The zones a VPC uses: the given names, the context lookup of a stack with a fixed account
    /// and region (`availability-zones:account=…:region=…`, as CDK's `cdk.context.json`), or the
    /// first two of `Fn::GetAZs`.
    private static func zones(scope: Construct, maxAZs: Int?, availabilityZones: [String]?)
      -> (values: [Value], keys: [String])
    {
      if let availabilityZones {
        return (availabilityZones.map(Value.string), availabilityZones)
      }
      var names: [String]?
      if let stack = Stack.of(scope), let account = stack.environment.account,
        let region = stack.environment.region,
        case .array(let items)? = scope.node.tryGetContext(
          "availability-zones:account=\(account):region=\(region)")
      {
        names = items.compactMap(\.stringValue)
      }
      let limit = max(0, maxAZs ?? 3)
      if let names {
        let chosen = Array(names.prefix(limit))
        return (chosen.map(Value.string), chosen)
      }
      let count = min(2, limit)
      return (
        (0..<count).map { Fn.select($0, Fn.getAZs()) }, (0..<count).map { "Fn::GetAZs#\($0)" }
      )
    }

    // MARK: - Subnets

    private struct RequestedSubnet {
      let zoneIndex: Int
      let constructID: String
      let configuration: SubnetConfiguration
    }

    private func createSubnets(
      _ builder: inout NetworkBuilder, _ configuration: [SubnetConfiguration]
    ) {
      var requested: [RequestedSubnet] = []
      for config in configuration {
        for index in availabilityZones.indices {
          requested.append(
            RequestedSubnet(
              zoneIndex: index, constructID: "\(config.name)Subnet\(index + 1)",
              configuration: config))
        }
      }
      guard let allocated = allocate(&builder, requested) else {
        incompleteSubnets = true
        return
      }
      for (i, cidrBlock) in allocated.enumerated() {
        let request = requested[i]
        let config = request.configuration
        if config.reserved { continue }
        let mapPublicIP: Bool
        if config.subnetType == .public {
          mapPublicIP = config.mapPublicIPOnLaunch ?? true
        } else {
          if config.mapPublicIPOnLaunch != nil {
            problems.append(
              "the \(config.subnetType.rawValue) subnet group \"\(config.name)\" sets mapPublicIPOnLaunch, which only public subnets take. Remove it."
            )
          }
          mapPublicIP = false
        }
        let zone = availabilityZones[request.zoneIndex]
        let key = zoneKeys[request.zoneIndex]
        let subnet: Subnet
        switch config.subnetType {
        case .public:
          let publicSubnet = PublicSubnet(
            self, request.constructID, vpcID: vpcID, availabilityZone: zone,
            cidrBlock: cidrBlock, mapPublicIPOnLaunch: mapPublicIP, zoneKey: key)
          publicSubnets.append(publicSubnet)
          subnet = publicSubnet
        case .privateWithEgress, .privateIsolated:
          let privateSubnet = PrivateSubnet(
            self, request.constructID, vpcID: vpcID, availabilityZone: zone,
            cidrBlock: cidrBlock, mapPublicIPOnLaunch: mapPublicIP, zoneKey: key)
          if config.subnetType == .privateIsolated {
            isolatedSubnets.append(privateSubnet)
          } else {
            privateSubnets.append(privateSubnet)
          }
          subnet = privateSubnet
        }
        // What CDK reads back when it imports the VPC: on the AWS::EC2::Subnet only.
        let subnetOnly = [CfnSubnet.cfnResourceTypeName]
        Tags.of(subnet).add("aws-cdk:subnet-name", config.name, includeResourceTypes: subnetOnly)
        Tags.of(subnet).add(
          "aws-cdk:subnet-type", config.subnetType.tagValue, includeResourceTypes: subnetOnly)
      }
    }

    /// CDK's `IpAddresses.cidr(...).allocateSubnetsCidr`: subnets with a mask first, in order;
    /// then the others share what is left, spliced back in at their positions.
    private func allocate(_ builder: inout NetworkBuilder, _ requested: [RequestedSubnet])
      -> [String]?
    {
      var allocated: [String] = []
      var withoutMask: [(index: Int, request: RequestedSubnet)] = []
      do {
        for (index, request) in requested.enumerated() {
          if let mask = request.configuration.cidrMask {
            allocated.append(try builder.addSubnet(mask: mask))
          } else {
            withoutMask.append((index, request))
          }
        }
        let remainingMask = builder.maskForRemainingSubnets(withoutMask.count)
        for (index, _) in withoutMask {
          let cidr = try builder.addSubnet(mask: remainingMask)
          allocated.insert(cidr, at: min(index, allocated.count))
        }
      } catch {
        problems.append(
          allocationProblem(
            error, builder: builder, requested: requested, withoutMask: withoutMask.count))
        return nil
      }
      return allocated
    }

    private func allocationProblem(
      _ error: NetworkBuilder.Failure, builder: NetworkBuilder, requested: [RequestedSubnet],
      withoutMask: Int
    ) -> String {
      let left = builder.network.maxAddress - builder.nextAvailableAddress + 1
      switch error {
      case .maskOutOfRange(let mask):
        if let group = requested.first(where: { $0.configuration.cidrMask == mask }) {
          return
            "the subnet group \"\(group.configuration.name)\" has cidrMask \(mask); subnet masks must be 16 to 28 (a /28 is the smallest subnet AWS allows). Choose a cidrMask from 16 to 28."
        }
        return
          "the \(withoutMask) subnets without a cidrMask do not fit in the \(left) addresses left in \(builder.network.cidr) (each would be a /\(mask)). Give the other groups larger cidrMask values, use fewer zones (maxAZs) or a larger VPC CIDR."
      case .exceedsRemainingSpace(_, let mask, let network):
        let group = requested.first(where: { $0.configuration.cidrMask == mask })?.configuration
          .name
        let what =
          group.map { "the subnet group \"\($0)\" (cidrMask \(mask))" } ?? "a /\(mask) subnet"
        return
          "\(what) does not fit in the VPC CIDR \(network): \(left) addresses are left after the groups before it, and a /\(mask) needs \(CIDRBlock.size(mask)) per zone across \(availabilityZones.count) zone(s). Use a larger cidrMask, fewer zones (maxAZs), or a larger VPC CIDR."
      }
    }

    // MARK: - NAT gateways

    private func determineNATGatewayCount(_ requested: Int?, _ configuration: [SubnetConfiguration])
      -> Int
    {
      let hasPrivate = configuration.contains {
        $0.subnetType == .privateWithEgress && !$0.reserved
      }
      let hasPublic = configuration.contains { $0.subnetType == .public && !$0.reserved }
      let count =
        requested.map { max(0, min($0, availabilityZones.count)) }
        ?? (hasPrivate ? availabilityZones.count : 0)
      if count > 0 && !hasPublic {
        problems.append(
          "the VPC needs \(count) NAT gateway(s) for its private subnets with egress, but has no public subnet group to put them in. Add a public subnet group, set natGateways to 0, or make the private groups isolated."
        )
        return 0
      }
      return count
    }

    private func createNATGateways(count: Int, placement: SubnetSelection) {
      let candidates = selectSubnetObjects(placement)
      var natSubnets: [PublicSubnet] = []
      for subnet in candidates {
        if let p = subnet as? PublicSubnet, publicSubnets.contains(where: { $0 === p }) {
          natSubnets.append(p)
        } else {
          problems.append(
            "natGatewaySubnets selects \(subnet.node.path), which is not a public subnet; NAT gateways need a route to the internet gateway. Select public subnets."
          )
          return
        }
      }
      var gateways: [(zone: String, id: Value)] = []
      for subnet in natSubnets.prefix(count) {
        let gateway = subnet.addNATGateway()
        gateways.append((subnet.zoneKey, gateway.ref))
      }
      guard !gateways.isEmpty else { return }
      var next = 0
      for subnet in privateSubnets {
        let id: Value
        if let match = gateways.last(where: { $0.zone == subnet.zoneKey }) {
          id = match.id
        } else {
          id = gateways[next % gateways.count].id
          next += 1
        }
        subnet.addDefaultNATRoute(natGatewayID: id)
      }
    }
  }
}
