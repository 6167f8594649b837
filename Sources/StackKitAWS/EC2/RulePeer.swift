import StackKit

extension EC2 {
  /// The other side of a security group rule: a CIDR block, a prefix list, a security group id
  /// (``Peer``), or a ``SecurityGroup``.
  ///
  /// ```swift
  /// func open(_ sg: EC2.SecurityGroup, to peer: any EC2.RulePeer) {
  ///   sg.addIngressRule(peer, .https)
  /// }
  /// ```
  public protocol RulePeer: Connectable {
    /// Whether a rule with this peer can go inside the group's own `SecurityGroupIngress` /
    /// `SecurityGroupEgress` list (CIDR blocks and group ids) rather than a resource of its own.
    var canInlineRule: Bool { get }
    /// What identifies the peer in rule ids and default descriptions: the CIDR block, the prefix
    /// list or group id, or a security group's unique id.
    var uniqueID: Value { get }
    /// The source fields of an ingress rule.
    func ingressRuleConfig() -> RuleConfig
    /// The destination fields of an egress rule.
    func egressRuleConfig() -> RuleConfig
  }

  /// The peer fields of one security group rule.
  public struct RuleConfig {
    public var cidrIP: Value?
    public var cidrIPv6: Value?
    public var sourceSecurityGroupID: Value?
    public var sourceSecurityGroupOwnerID: Value?
    public var sourcePrefixListID: Value?
    public var destinationSecurityGroupID: Value?
    public var destinationPrefixListID: Value?

    public init(
      cidrIP: Value? = nil, cidrIPv6: Value? = nil, sourceSecurityGroupID: Value? = nil,
      sourceSecurityGroupOwnerID: Value? = nil, sourcePrefixListID: Value? = nil,
      destinationSecurityGroupID: Value? = nil, destinationPrefixListID: Value? = nil
    ) {
      self.cidrIP = cidrIP
      self.cidrIPv6 = cidrIPv6
      self.sourceSecurityGroupID = sourceSecurityGroupID
      self.sourceSecurityGroupOwnerID = sourceSecurityGroupOwnerID
      self.sourcePrefixListID = sourcePrefixListID
      self.destinationSecurityGroupID = destinationSecurityGroupID
      self.destinationPrefixListID = destinationPrefixListID
    }
  }
}
