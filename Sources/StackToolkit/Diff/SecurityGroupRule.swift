import StackKit

/// One security-group rule, from a group's inline `SecurityGroupIngress`/`SecurityGroupEgress`
/// or from an `AWS::EC2::SecurityGroupIngress`/`Egress` resource.
///
/// ```swift
/// let open = SecurityGroupRule.rules(in: template).filter { $0.peer == "0.0.0.0/0" }
/// ```
public struct SecurityGroupRule: Sendable, Hashable, Comparable {
  public enum Direction: String, Sendable, Hashable, Comparable {
    case ingress, egress
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
  }

  /// The group, rendered (`${WebSG.GroupId}`).
  public var group: String
  public var direction: Direction
  /// `tcp`, `udp`, `icmp`, or `Everything` for `-1`.
  public var ipProtocol: String
  /// `443`, `1024-65535`, or `All` when the protocol has no ports.
  public var ports: String
  /// A CIDR, a prefix list or a security group, rendered.
  public var peer: String

  public init(group: String, direction: Direction, ipProtocol: String, ports: String, peer: String)
  {
    self.group = group
    self.direction = direction
    self.ipProtocol = ipProtocol
    self.ports = ports
    self.peer = peer
  }

  public static func < (a: Self, b: Self) -> Bool {
    (a.group, a.direction, a.peer, a.ipProtocol, a.ports)
      < (b.group, b.direction, b.peer, b.ipProtocol, b.ports)
  }

  /// Every rule in a template.
  public static func rules(in template: JSON) -> [SecurityGroupRule] {
    guard let resources = template["Resources"]?.objectValue else { return [] }
    var out: [SecurityGroupRule] = []
    for (logicalID, resource) in resources {
      let properties = resource["Properties"]?.objectValue ?? JSONObject()
      switch resource["Type"]?.stringValue {
      case "AWS::EC2::SecurityGroup":
        let group = "${\(logicalID).GroupId}"
        for rule in properties["SecurityGroupIngress"]?.arrayValue ?? [] {
          if let r = rule.objectValue { out.append(make(r, group: group, .ingress)) }
        }
        for rule in properties["SecurityGroupEgress"]?.arrayValue ?? [] {
          if let r = rule.objectValue { out.append(make(r, group: group, .egress)) }
        }
      case "AWS::EC2::SecurityGroupIngress":
        let group =
          properties["GroupId"].map(IntrinsicText.render)
          ?? properties["GroupName"].map(IntrinsicText.render) ?? "?"
        out.append(make(properties, group: group, .ingress))
      case "AWS::EC2::SecurityGroupEgress":
        let group = properties["GroupId"].map(IntrinsicText.render) ?? "?"
        out.append(make(properties, group: group, .egress))
      default: break
      }
    }
    return out.sorted()
  }

  static func make(_ p: JSONObject, group: String, _ direction: Direction) -> SecurityGroupRule {
    let rawProtocol = p["IpProtocol"].map(IntrinsicText.render) ?? "-1"
    let ipProtocol: String
    switch rawProtocol {
    case "-1": ipProtocol = "Everything"
    case "6": ipProtocol = "tcp"
    case "17": ipProtocol = "udp"
    case "1": ipProtocol = "icmp"
    default: ipProtocol = rawProtocol
    }
    let from = p["FromPort"].map(IntrinsicText.render)
    let to = p["ToPort"].map(IntrinsicText.render)
    var ports: String
    if ipProtocol == "Everything" || (from == nil && to == nil) {
      ports = "All"
    } else if from == to || to == nil {
      ports = from ?? "All"
    } else {
      ports = "\(from ?? "?")-\(to ?? "?")"
    }
    if ipProtocol == "icmp" { ports = "type \(from ?? "all") code \(to ?? "all")" }
    if ports == "0-65535" { ports = "All" }
    let peerKeys = [
      "CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourceSecurityGroupName",
      "DestinationSecurityGroupId", "SourcePrefixListId", "DestinationPrefixListId",
    ]
    var peer = "?"
    for key in peerKeys {
      if let v = p[key] {
        peer = IntrinsicText.render(v)
        if key.contains("SecurityGroup") && !peer.hasPrefix("sg-") && !peer.hasPrefix("${") {
          peer = "sg \(peer)"
        }
        break
      }
    }
    return SecurityGroupRule(
      group: group, direction: direction, ipProtocol: ipProtocol, ports: ports, peer: peer)
  }
}
