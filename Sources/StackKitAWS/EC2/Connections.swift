import StackKit

extension EC2 {
  /// The security groups of something and the rules between it and others, as CDK's
  /// `Connections`: `allowFrom` adds an ingress rule on this side and the matching egress rule
  /// on the other side (when the other side has security groups), and the rules follow security
  /// groups added later.
  ///
  /// ```swift
  /// endpointSG.connections.allowFrom(lambdaSG, .tcp(443))
  /// cacheSG.connections.allowFrom(lambdaSG, .tcp(6379), description: "Redis ingress 6379")
  /// ```
  public final class Connections: Connectable {
    /// The port used by the `…DefaultPort…` methods.
    public var defaultPort: Port?
    private let groups = ReactiveList<SecurityGroup>()
    private let rulePeers = ReactiveList<any RulePeer>()
    private var skip = false
    private var remoteRule = false

    /// Connections of some security groups, or of a peer without groups.
    public init(
      securityGroups: [SecurityGroup] = [], peer: (any RulePeer)? = nil, defaultPort: Port? = nil
    ) {
      self.defaultPort = defaultPort
      groups.push(securityGroups)
      rulePeers.push(securityGroups.map { $0 as any RulePeer })
      if let peer { rulePeers.push([peer]) }
    }

    public var connections: Connections { self }

    /// The security groups, in the order added.
    public var securityGroups: [SecurityGroup] { groups.elements }

    /// Adds security groups; the rules made so far apply to them too.
    public func addSecurityGroup(_ securityGroups: SecurityGroup...) {
      for sg in securityGroups {
        groups.push([sg])
        rulePeers.push([sg])
      }
    }

    /// Allows traffic from this side to `other` on `port`: egress rules here, ingress rules there.
    public func allowTo(_ other: any Connectable, _ port: Port, description: String? = nil) {
      allow(.egress, other, port, description: description)
    }

    /// Allows traffic from `other` to this side on `port`: ingress rules here, egress rules there.
    public func allowFrom(_ other: any Connectable, _ port: Port, description: String? = nil) {
      allow(.ingress, other, port, description: description)
    }

    private enum Direction { case ingress, egress }

    /// Adds this side's rules towards (egress) or from (ingress) `other`, then lets `other` add
    /// the mirror rules, as CDK's `Connections` does; `skip` stops the mirror call from coming back.
    private func allow(
      _ direction: Direction, _ other: any Connectable, _ port: Port, description: String?
    ) {
      if skip { return }
      let remote = remoteRule
      let peers = other.connections
      groups.forEachAndForever { sg in
        peers.rulePeers.forEachAndForever { peer in
          switch direction {
          case .egress:
            sg.addEgressRule(peer, port, description: description, remoteRule: remote)
          case .ingress:
            sg.addIngressRule(peer, port, description: description, remoteRule: remote)
          }
        }
      }
      skip = true
      let back = other.connections
      back.remoteRule = true
      defer {
        skip = false
        back.remoteRule = false
      }
      switch direction {
      case .egress: back.allowFrom(self, port, description: description)
      case .ingress: back.allowTo(self, port, description: description)
      }
    }

    /// Allows traffic between the members of this side's groups.
    public func allowInternally(_ port: Port, description: String? = nil) {
      groups.forEachAndForever { sg in
        self.rulePeers.forEachAndForever { peer in
          sg.addIngressRule(peer, port, description: description)
          sg.addEgressRule(peer, port, description: description)
        }
      }
    }

    /// Allows traffic to `0.0.0.0/0`.
    public func allowToAnyIPv4(_ port: Port, description: String? = nil) {
      allowTo(Peer.anyIPv4(), port, description: description)
    }

    /// Allows traffic from `0.0.0.0/0`.
    public func allowFromAnyIPv4(_ port: Port, description: String? = nil) {
      allowFrom(Peer.anyIPv4(), port, description: description)
    }

    /// ``allowFrom(_:_:description:)`` on the default port.
    public func allowDefaultPortFrom(_ other: any Connectable, description: String? = nil) {
      guard let port = requireDefaultPort("allowDefaultPortFrom") else { return }
      allowFrom(other, port, description: description)
    }

    /// ``allowInternally(_:description:)`` on the default port.
    public func allowDefaultPortInternally(description: String? = nil) {
      guard let port = requireDefaultPort("allowDefaultPortInternally") else { return }
      allowInternally(port, description: description)
    }

    /// ``allowFromAnyIPv4(_:description:)`` on the default port.
    public func allowDefaultPortFromAnyIPv4(description: String? = nil) {
      guard let port = requireDefaultPort("allowDefaultPortFromAnyIPv4") else { return }
      allowFromAnyIPv4(port, description: description)
    }

    /// ``allowTo(_:_:description:)`` on the other side's default port.
    public func allowToDefaultPort(_ other: any Connectable, description: String? = nil) {
      guard let port = other.connections.defaultPort else {
        report("allowToDefaultPort: the other side has no default port. Use allowTo with a port.")
        return
      }
      allowTo(other, port, description: description)
    }

    /// ``allowTo(_:_:description:)`` on this side's default port.
    public func allowDefaultPortTo(_ other: any Connectable, description: String? = nil) {
      guard let port = requireDefaultPort("allowDefaultPortTo") else { return }
      allowTo(other, port, description: description)
    }

    private func requireDefaultPort(_ method: String) -> Port? {
      if let defaultPort { return defaultPort }
      report("\(method): these connections have no default port. Use the method that takes a port.")
      return nil
    }

    /// Reports a misuse on the first security group (or nowhere when there is none to report on).
    private func report(_ problem: String) {
      securityGroups.first?.report(problem)
    }
  }

  /// A list that runs its listeners on every element, present and future (CDK's ReactiveList).
  final class ReactiveList<Element> {
    private(set) var elements: [Element] = []
    private var listeners: [(Element) -> Void] = []

    func push(_ items: [Element]) {
      elements.append(contentsOf: items)
      for listener in listeners {
        for item in items { listener(item) }
      }
    }

    func forEachAndForever(_ listener: @escaping (Element) -> Void) {
      for e in elements { listener(e) }
      listeners.append(listener)
    }
  }
}
