import StackKit

extension EC2 {
  /// A rule peer that is not a security group of this app: an IPv4 or IPv6 block, a managed
  /// prefix list, or a security group by id. (A ``SecurityGroup`` is a peer itself.)
  ///
  /// ```swift
  /// sg.addIngressRule(EC2.Peer.ipv4("10.0.0.0/16"), .ssh)
  /// sg.addIngressRule(EC2.Peer.prefixList("pl-12345678"), .https)
  /// ```
  public struct Peer: RulePeer {
    private enum Kind {
      case ipv4(Value)
      case ipv6(Value)
      case prefixList(String)
      case securityGroupID(Value, owner: String?)
    }

    private let kind: Kind
    /// Problems with the peer, each with its fix (reported by the group the rule goes on).
    public let problems: [String]

    private init(_ kind: Kind, problems: [String] = []) {
      self.kind = kind
      self.problems = problems
    }

    /// An IPv4 block, such as `10.0.0.0/16` or `vpc.vpcCIDRBlock`.
    public static func ipv4(_ cidr: Value) -> Peer {
      var problems: [String] = []
      if let text = cidr.literalString {
        if (try? CIDRBlock.parse(text)) == nil {
          problems.append(
            text.contains("/") || (try? CIDRBlock.number(fromIP: text, original: text)) == nil
              ? "\"\(text)\" is not an IPv4 CIDR block. Write it as a.b.c.d/n."
              : "the IPv4 peer \"\(text)\" has no mask. Did you mean \"\(text)/32\"?")
        }
      }
      return Peer(.ipv4(cidr), problems: problems)
    }

    /// `0.0.0.0/0`.
    public static func anyIPv4() -> Peer { ipv4("0.0.0.0/0") }

    /// An IPv6 block, such as `2001:db8::/32`.
    public static func ipv6(_ cidr: Value) -> Peer {
      var problems: [String] = []
      if let text = cidr.literalString, !isIPv6CIDR(text) {
        problems.append(
          text.contains("/")
            ? "\"\(text)\" is not an IPv6 CIDR block. Write it as x:x::x/n."
            : "the IPv6 peer \"\(text)\" has no mask. Did you mean \"\(text)/128\"?")
      }
      return Peer(.ipv6(cidr), problems: problems)
    }

    /// `::/0`.
    public static func anyIPv6() -> Peer { ipv6("::/0") }

    /// A managed prefix list, such as `pl-12345678` (rules with it are separate resources).
    public static func prefixList(_ id: String) -> Peer { Peer(.prefixList(id)) }

    /// A security group by id (`sg-…`), optionally of another account.
    public static func securityGroupID(_ id: Value, ownerID: String? = nil) -> Peer {
      var problems: [String] = []
      if let text = id.literalString, !isSecurityGroupID(text) {
        problems.append(
          "\"\(text)\" is not a security group id. Security group ids look like sg-0123456789abcdef0."
        )
      }
      if let ownerID, !(ownerID.count == 12 && ownerID.allSatisfy { $0.isASCII && $0.isNumber }) {
        problems.append("\"\(ownerID)\" is not an AWS account id. Give the 12-digit account id.")
      }
      return Peer(.securityGroupID(id, owner: ownerID), problems: problems)
    }

    public var canInlineRule: Bool {
      if case .prefixList = kind { return false }
      return true
    }

    public var uniqueID: Value {
      switch kind {
      case .ipv4(let v), .ipv6(let v), .securityGroupID(let v, _): v
      case .prefixList(let id): .string(id)
      }
    }

    public func ingressRuleConfig() -> RuleConfig {
      switch kind {
      case .ipv4(let v): RuleConfig(cidrIP: v)
      case .ipv6(let v): RuleConfig(cidrIPv6: v)
      case .prefixList(let id): RuleConfig(sourcePrefixListID: .string(id))
      case .securityGroupID(let v, let owner):
        RuleConfig(sourceSecurityGroupID: v, sourceSecurityGroupOwnerID: owner.map(Value.string))
      }
    }

    public func egressRuleConfig() -> RuleConfig {
      switch kind {
      case .ipv4(let v): RuleConfig(cidrIP: v)
      case .ipv6(let v): RuleConfig(cidrIPv6: v)
      case .prefixList(let id): RuleConfig(destinationPrefixListID: .string(id))
      case .securityGroupID(let v, _): RuleConfig(destinationSecurityGroupID: v)
      }
    }

    /// A peer has no security groups of its own; connecting to it adds rules on the other side
    /// only.
    public var connections: Connections { Connections(peer: self) }

    private static func isIPv6CIDR(_ text: String) -> Bool {
      // CDK's /^([\da-f]{0,4}:){2,7}([\da-f]{0,4})?(\/\d+)?$/, with the mask required.
      guard let slash = text.lastIndex(of: "/") else { return false }
      let mask = text[text.index(after: slash)...]
      guard !mask.isEmpty, mask.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
      let groups = text[..<slash].split(separator: ":", omittingEmptySubsequences: false)
      guard (3...8).contains(groups.count) else { return false }
      return groups.allSatisfy { g in
        g.count <= 4 && g.allSatisfy { $0.isHexDigit && !$0.isUppercase }
      }
    }

    private static func isSecurityGroupID(_ text: String) -> Bool {
      guard text.hasPrefix("sg-") else { return false }
      let rest = text.dropFirst(3)
      return (8...17).contains(rest.count)
        && rest.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }
  }
}
