import StackKit

extension EC2 {
  /// A protocol and port range for a security group rule, with the text CDK uses in rule ids and
  /// default descriptions (`443`, `8000-8080`, `UDP 53`, `ALL TRAFFIC`, `ICMP Type 8` …).
  ///
  /// ```swift
  /// sg.connections.allowFrom(other, .tcp(443))
  /// sg.addIngressRule(EC2.Peer.anyIPv4(), .tcpRange(8000, 8080), description: "web")
  /// ```
  public struct Port: Sendable, Hashable, CustomStringConvertible {
    /// `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (everything) or a protocol number.
    public let ipProtocol: String
    /// The first port, or the ICMP type.
    public let fromPort: Int?
    /// The last port, or the ICMP code.
    public let toPort: Int?
    /// CDK's text for the port (its `toString()`).
    public let description: String

    /// A port range of any protocol, with the text used in rule ids and default descriptions.
    public init(ipProtocol: String, fromPort: Int?, toPort: Int?, description: String) {
      self.ipProtocol = ipProtocol
      self.fromPort = fromPort
      self.toPort = toPort
      self.description = description
    }

    public static func tcp(_ port: Int) -> Port {
      Port(ipProtocol: "tcp", fromPort: port, toPort: port, description: String(port))
    }

    public static func tcpRange(_ start: Int, _ end: Int) -> Port {
      Port(ipProtocol: "tcp", fromPort: start, toPort: end, description: "\(start)-\(end)")
    }

    public static func allTCP() -> Port {
      Port(ipProtocol: "tcp", fromPort: 0, toPort: 65535, description: "ALL PORTS")
    }

    public static func udp(_ port: Int) -> Port {
      Port(ipProtocol: "udp", fromPort: port, toPort: port, description: "UDP \(port)")
    }

    public static func udpRange(_ start: Int, _ end: Int) -> Port {
      Port(ipProtocol: "udp", fromPort: start, toPort: end, description: "UDP \(start)-\(end)")
    }

    public static func allUDP() -> Port {
      Port(ipProtocol: "udp", fromPort: 0, toPort: 65535, description: "UDP ALL PORTS")
    }

    public static func icmpTypeAndCode(_ type: Int, _ code: Int) -> Port {
      Port(
        ipProtocol: "icmp", fromPort: type, toPort: code,
        description: "ICMP Type \(type) Code \(code)")
    }

    public static func icmpType(_ type: Int) -> Port {
      Port(ipProtocol: "icmp", fromPort: type, toPort: -1, description: "ICMP Type \(type)")
    }

    /// ICMP echo requests (type 8).
    public static func icmpPing() -> Port { icmpType(8) }

    public static func allICMP() -> Port {
      Port(ipProtocol: "icmp", fromPort: -1, toPort: -1, description: "ALL ICMP")
    }

    public static func allICMPv6() -> Port {
      Port(ipProtocol: "icmpv6", fromPort: -1, toPort: -1, description: "ALL ICMPv6")
    }

    /// Every protocol and port (`-1`, no port range).
    public static func allTraffic() -> Port {
      Port(ipProtocol: "-1", fromPort: nil, toPort: nil, description: "ALL TRAFFIC")
    }

    /// IPsec ESP (protocol 50).
    public static func esp() -> Port {
      Port(ipProtocol: "50", fromPort: 50, toPort: 50, description: "ESP 50")
    }

    /// IPsec AH (protocol 51).
    public static func ah() -> Port {
      Port(ipProtocol: "51", fromPort: 51, toPort: 51, description: "AH 51")
    }

    public static let ssh = tcp(22)
    public static let smtp = tcp(25)
    public static let dnsUDP = udp(53)
    public static let dnsTCP = tcp(53)
    public static let http = tcp(80)
    public static let pop3 = tcp(110)
    public static let imap = tcp(143)
    public static let ldap = tcp(389)
    public static let https = tcp(443)
    public static let smb = tcp(445)
    public static let imaps = tcp(993)
    public static let pop3s = tcp(995)
    public static let mssql = tcp(1433)
    public static let nfs = tcp(2049)
    public static let mysqlAurora = tcp(3306)
    public static let rdp = tcp(3389)
    public static let postgres = tcp(5432)

    /// The rule fields: `IpProtocol`, `FromPort`, `ToPort`.
    var ruleFields: (ipProtocol: Value, fromPort: Value?, toPort: Value?) {
      (.string(ipProtocol), fromPort.map(Value.int), toPort.map(Value.int))
    }

    /// What is wrong with the range, each with its fix; empty when it is valid.
    public var problems: [String] {
      switch ipProtocol {
      case "tcp", "udp":
        guard let from = fromPort, let to = toPort else {
          return [
            "the \(ipProtocol) rule \(description) has no port range. Give fromPort and toPort."
          ]
        }
        var out: [String] = []
        for p in [from, to] where !(0...65535).contains(p) {
          out.append(
            "the \(ipProtocol) port \(p) is outside 0-65535. Use a port from 0 to 65535.")
        }
        if out.isEmpty && from > to {
          out.append(
            "the \(ipProtocol) port range \(from)-\(to) starts after it ends. Give the lower port first."
          )
        }
        return out
      case "icmp", "icmpv6":
        var out: [String] = []
        if let from = fromPort, !(-1...255).contains(from) {
          out.append(
            "the ICMP type \(from) is outside -1-255. Use a type from 0 to 255, or -1 for all.")
        }
        if let to = toPort, !(-1...255).contains(to) {
          out.append(
            "the ICMP code \(to) is outside -1-255. Use a code from 0 to 255, or -1 for all.")
        }
        return out
      default:
        var out: [String] = []
        for p in [fromPort, toPort].compactMap({ $0 }) where !(-1...65535).contains(p) {
          out.append("the port \(p) is outside 0-65535. Use a port from 0 to 65535.")
        }
        return out
      }
    }
  }
}
