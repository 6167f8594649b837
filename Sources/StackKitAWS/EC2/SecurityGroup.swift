import StackKit

extension EC2 {
  /// A security group (`AWS::EC2::SecurityGroup`) with CDK's rule handling: rules with CIDR and
  /// group-id peers go inline, rules with other security groups or prefix lists become
  /// `AWS::EC2::SecurityGroupIngress`/`Egress` resources below the group (ids like
  /// `from RedisRbacStackLambdaSGE761ABEE:443`); with `allowAllOutbound: false` and no egress rule
  /// the group carries CDK's "Disallow all traffic" rule (`255.255.255.255/32`, ICMP 252-86).
  ///
  /// ```swift
  /// let lambdaSG = EC2.SecurityGroup(stack, "LambdaSG", vpc: vpc, allowAllOutbound: false,
  ///                                  description: "SecurityGroup into which Lambdas will be deployed")
  /// endpointSG.connections.allowFrom(lambdaSG, .tcp(443))
  /// ```
  public final class SecurityGroup: Construct, RulePeer {
    /// The VPC the group belongs to.
    public let vpc: Vpc
    public let allowAllOutbound: Bool
    public let allowAllIPv6Outbound: Bool
    /// Every rule is a separate resource, including the default egress rule.
    public let disableInlineRules: Bool
    private var storage: (CfnSecurityGroup, Connections)!
    private var ingressRules: [(key: String, rule: CfnSecurityGroup.Ingress)] = []
    private var egressRules: [(key: String, rule: CfnSecurityGroup.Egress)] = []
    private var problems: [String] = []
    private var peerAsTokenCount = 0
    private var noTrafficResource: NoTrafficEgress?

    /// The `AWS::EC2::SecurityGroup`.
    public var resource: CfnSecurityGroup { storage.0 }
    /// The group's rules and links to others.
    public var connections: Connections { storage.1 }
    /// `{"Fn::GetAtt": [group, "GroupId"]}`.
    public var securityGroupID: Value { resource.attrGroupId }
    /// `{"Fn::GetAtt": [group, "VpcId"]}`.
    public var securityGroupVPCID: Value { resource.getAtt("VpcId") }
    /// `{"Ref": group}`.
    public var securityGroupName: Value { resource.ref }

    /// Creates a security group.
    ///
    /// - Parameters:
    ///   - description: the `GroupDescription`; the construct path by default.
    ///   - allowAllOutbound: allow all IPv4 egress (default). When false, egress is only what
    ///     rules allow, and none at all until one is added.
    ///   - disableInlineRules: make every rule a separate resource; default from the context key
    ///     `@aws-cdk/aws-ec2.securityGroupDisableInlineRules`, else false.
    public init(
      _ scope: Construct, _ id: String, vpc: Vpc, description: String? = nil,
      securityGroupName: String? = nil, allowAllOutbound: Bool = true,
      allowAllIPv6Outbound: Bool = false, disableInlineRules: Bool? = nil
    ) {
      self.vpc = vpc
      self.allowAllOutbound = allowAllOutbound
      self.allowAllIPv6Outbound = allowAllIPv6Outbound
      self.disableInlineRules =
        disableInlineRules
        ?? (scope.node.tryGetContext("@aws-cdk/aws-ec2.securityGroupDisableInlineRules")
          .map { if case .bool(let b) = $0 { b } else { false } } ?? false)
      super.init(scope, id)
      let group = CfnSecurityGroup(
        self, "Resource", groupDescription: .string(description ?? node.path),
        groupName: securityGroupName.map(Value.string), vpcId: vpc.vpcID)
      storage = (group, Connections(securityGroups: [self]))
      if let description, description.utf8.count > 255 {
        problems.append(
          "the description is \(description.utf8.count) characters; security group descriptions take at most 255. Shorten it."
        )
      }
      addDefaultEgressRule()
      addDefaultIPv6EgressRule()
    }

    public override func validate() -> [String] { super.validate() + problems }

    func report(_ problem: String) { problems.append(problem) }

    // MARK: - RulePeer

    /// Security groups are never written inside another group's rule list.
    public var canInlineRule: Bool { false }

    /// CDK's unique id of the group (its path without separators, plus a hash), as used in rule
    /// ids and descriptions.
    public var uniqueID: Value { .string(EC2.uniqueID(of: self)) }

    public func ingressRuleConfig() -> RuleConfig {
      RuleConfig(sourceSecurityGroupID: securityGroupID)
    }

    public func egressRuleConfig() -> RuleConfig {
      RuleConfig(destinationSecurityGroupID: securityGroupID)
    }

    // MARK: - Rules

    /// Allows traffic from `peer` on `port`.
    ///
    /// - Parameters:
    ///   - description: `from <peer>:<port>` by default.
    ///   - remoteRule: the rule is the far side of a ``Connections`` call (it then goes on the
    ///     peer's side when the peer is in another stack).
    public func addIngressRule(
      _ peer: any RulePeer, _ port: Port, description: String? = nil, remoteRule: Bool = false
    ) {
      check(peer, port)
      if !peer.canInlineRule || disableInlineRules {
        addStandaloneIngressRule(peer, port, description: description, remoteRule: remoteRule)
        return
      }
      let config = peer.ingressRuleConfig()
      let fields = port.ruleFields
      let rule = CfnSecurityGroup.Ingress(
        cidrIp: config.cidrIP, cidrIpv6: config.cidrIPv6,
        description: description.map(Value.string) ?? "from \(peer.uniqueID):\(port.description)",
        fromPort: fields.fromPort, ipProtocol: fields.ipProtocol,
        sourcePrefixListId: config.sourcePrefixListID,
        sourceSecurityGroupId: config.sourceSecurityGroupID,
        sourceSecurityGroupOwnerId: config.sourceSecurityGroupOwnerID, toPort: fields.toPort)
      let key = EC2.ruleKey([
        config.cidrIP, config.cidrIPv6, fields.fromPort, fields.toPort, fields.ipProtocol,
        config.sourceSecurityGroupID, nil, config.sourceSecurityGroupOwnerID,
      ])
      if !ingressRules.contains(where: { $0.key == key }) {
        ingressRules.append((key, rule))
        renderRules()
      }
    }

    /// Allows traffic to `peer` on `port`. Ignored (as in CDK) while `allowAllOutbound` is true;
    /// the first one removes the "Disallow all traffic" rule.
    public func addEgressRule(
      _ peer: any RulePeer, _ port: Port, description: String? = nil, remoteRule: Bool = false
    ) {
      check(peer, port)
      let config = peer.egressRuleConfig()
      let isIPv6 = config.cidrIPv6 != nil
      if !isIPv6 && allowAllOutbound { return }
      if !isIPv6 && !allowAllOutbound { removeNoTrafficRule() }
      if isIPv6 && allowAllIPv6Outbound { return }
      if !peer.canInlineRule || disableInlineRules {
        addStandaloneEgressRule(peer, port, description: description, remoteRule: remoteRule)
        return
      }
      let fields = port.ruleFields
      if (config.cidrIP?.literalString == "0.0.0.0/0" || config.cidrIPv6?.literalString == "::/0")
        && port.ipProtocol == "-1"
      {
        problems.append(
          "an all-traffic egress rule to \(config.cidrIP?.literalString ?? "::/0") cannot be added as a rule. Set allowAllOutbound (or allowAllIPv6Outbound) to true on the security group instead."
        )
        return
      }
      let rule = CfnSecurityGroup.Egress(
        cidrIp: config.cidrIP, cidrIpv6: config.cidrIPv6,
        description: description.map(Value.string) ?? "from \(peer.uniqueID):\(port.description)",
        destinationPrefixListId: config.destinationPrefixListID,
        destinationSecurityGroupId: config.destinationSecurityGroupID, fromPort: fields.fromPort,
        ipProtocol: fields.ipProtocol, toPort: fields.toPort)
      addDirectEgressRule(rule, key: egressKey(config, fields))
    }

    private func egressKey(
      _ config: RuleConfig, _ fields: (ipProtocol: Value, fromPort: Value?, toPort: Value?)
    ) -> String {
      EC2.ruleKey([
        config.cidrIP, config.cidrIPv6, fields.fromPort, fields.toPort, fields.ipProtocol,
        config.destinationPrefixListID, config.destinationSecurityGroupID,
      ])
    }

    private func addDirectEgressRule(_ rule: CfnSecurityGroup.Egress, key: String) {
      if !egressRules.contains(where: { $0.key == key }) {
        egressRules.append((key, rule))
        renderRules()
      }
    }

    private func check(_ peer: any RulePeer, _ port: Port) {
      for p in port.problems where !problems.contains(p) { problems.append(p) }
      if let peer = peer as? Peer {
        for p in peer.problems where !problems.contains(p) { problems.append(p) }
      }
      if let other = peer as? SecurityGroup, other.vpc !== vpc {
        let p =
          "a rule connects this group with \(other.node.path), which belongs to another VPC (\(other.vpc.node.path), not \(vpc.node.path)); security group references only work within one VPC (or across peered VPCs by id). Use a group of \(vpc.node.path), or EC2.Peer.securityGroupID / a CIDR peer."
        if !problems.contains(p) { problems.append(p) }
      }
    }

    private func renderRules() {
      resource.securityGroupIngress = ingressRules.isEmpty ? nil : ingressRules.map(\.rule)
      resource.securityGroupEgress = egressRules.isEmpty ? nil : egressRules.map(\.rule)
    }

    // MARK: - Standalone rules

    private func ruleScope(_ peer: any RulePeer, _ port: Port, _ direction: String, remote: Bool)
      -> (scope: Construct, id: String)
    {
      if remote, let group = peer as? SecurityGroup, Stack.of(group) !== Stack.of(self) {
        let reversed = direction == "from" ? "to" : "from"
        return (group, "\(EC2.uniqueID(of: self)):\(port.description) \(reversed)")
      }
      var id = "\(direction) \(renderPeer(peer)):\(port.description)"
      if let slash = id.firstIndex(of: "/") { id.replaceSubrange(slash...slash, with: "_") }
      return (self, id)
    }

    private func renderPeer(_ peer: any RulePeer) -> String {
      if let text = peer.uniqueID.literalString { return text }
      let count = peerAsTokenCount
      peerAsTokenCount += 1
      return count == 0 ? "{IndirectPeer}" : "'{IndirectPeer\(peerAsTokenCount)}'"
    }

    private func addStandaloneIngressRule(
      _ peer: any RulePeer, _ port: Port, description: String?, remoteRule: Bool
    ) {
      let (scope, id) = ruleScope(peer, port, "from", remote: remoteRule)
      guard scope.node.tryFindChild(id) == nil else { return }
      let config = peer.ingressRuleConfig()
      let fields = port.ruleFields
      _ = CfnSecurityGroupIngress(
        scope, id, cidrIp: config.cidrIP, cidrIpv6: config.cidrIPv6,
        description: description.map(Value.string) ?? "from \(peer.uniqueID):\(port.description)",
        fromPort: fields.fromPort, groupId: securityGroupID, ipProtocol: fields.ipProtocol,
        sourcePrefixListId: config.sourcePrefixListID,
        sourceSecurityGroupId: config.sourceSecurityGroupID,
        sourceSecurityGroupOwnerId: config.sourceSecurityGroupOwnerID, toPort: fields.toPort)
    }

    private func addStandaloneEgressRule(
      _ peer: any RulePeer, _ port: Port, description: String?, remoteRule: Bool
    ) {
      let (scope, id) = ruleScope(peer, port, "to", remote: remoteRule)
      guard scope.node.tryFindChild(id) == nil else { return }
      let config = peer.egressRuleConfig()
      let fields = port.ruleFields
      _ = CfnSecurityGroupEgress(
        scope, id, cidrIp: config.cidrIP, cidrIpv6: config.cidrIPv6,
        description: description.map(Value.string) ?? "to \(peer.uniqueID):\(port.description)",
        destinationPrefixListId: config.destinationPrefixListID,
        destinationSecurityGroupId: config.destinationSecurityGroupID, fromPort: fields.fromPort,
        groupId: securityGroupID, ipProtocol: fields.ipProtocol, toPort: fields.toPort)
    }

    // MARK: - Default egress

    private static var noTrafficPeer: Peer { Peer.ipv4("255.255.255.255/32") }
    private static let noTrafficPort = Port.icmpTypeAndCode(252, 86)
    private static let noTrafficDescription = "Disallow all traffic"
    private static let allowAllDescription = "Allow all outbound traffic by default"

    private func addDefaultEgressRule() {
      if disableInlineRules && allowAllOutbound {
        addStandaloneEgressRule(
          Peer.anyIPv4(), .allTraffic(), description: Self.allowAllDescription, remoteRule: false)
      } else if disableInlineRules {
        let (scope, id) = ruleScope(Self.noTrafficPeer, Self.noTrafficPort, "to", remote: false)
        noTrafficResource = NoTrafficEgress(scope, id, groupID: securityGroupID)
      } else if allowAllOutbound {
        let peer = Peer.anyIPv4().egressRuleConfig()
        addDirectEgressRule(
          CfnSecurityGroup.Egress(
            cidrIp: "0.0.0.0/0", description: .string(Self.allowAllDescription), ipProtocol: "-1"),
          key: egressKey(peer, Port.allTraffic().ruleFields))
      } else {
        addDirectEgressRule(
          CfnSecurityGroup.Egress(
            cidrIp: "255.255.255.255/32", description: .string(Self.noTrafficDescription),
            fromPort: 252, ipProtocol: "icmp", toPort: 86),
          key: noTrafficKey)
      }
    }

    private var noTrafficKey: String {
      egressKey(Self.noTrafficPeer.egressRuleConfig(), Self.noTrafficPort.ruleFields)
    }

    private func addDefaultIPv6EgressRule() {
      guard allowAllIPv6Outbound else { return }
      let description = "Allow all outbound ipv6 traffic by default"
      if disableInlineRules {
        addStandaloneEgressRule(
          Peer.anyIPv6(), .allTraffic(), description: description, remoteRule: false)
      } else {
        egressRules.append(
          (
            EC2.ruleKey(["ipv6-all"]),
            CfnSecurityGroup.Egress(
              cidrIpv6: "::/0", description: .string(description), ipProtocol: "-1")
          ))
        renderRules()
      }
    }

    private func removeNoTrafficRule() {
      if disableInlineRules {
        noTrafficResource?.removed = true
      } else if let i = egressRules.firstIndex(where: { $0.key == noTrafficKey }) {
        egressRules.remove(at: i)
        renderRules()
      }
    }
  }

  /// The standalone "Disallow all traffic" egress rule of a group with `disableInlineRules`; it
  /// leaves the template once the group gets a real egress rule (CDK removes the construct).
  private final class NoTrafficEgress: CfnResource {
    var removed = false

    init(_ scope: Construct, _ id: String, groupID: Value) {
      super.init(
        scope, id, type: CfnSecurityGroupEgress.cfnResourceTypeName,
        properties: [
          ("CidrIp", "255.255.255.255/32"), ("Description", "Disallow all traffic"),
          ("FromPort", 252), ("GroupId", groupID), ("IpProtocol", "icmp"), ("ToPort", 86),
        ])
    }

    override var shouldSynthesize: Bool { !removed }
  }
}
