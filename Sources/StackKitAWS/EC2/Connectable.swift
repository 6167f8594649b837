extension EC2 {
  /// Something whose network access is managed through security groups: a ``SecurityGroup``, a
  /// ``Peer``, an ``InterfaceVpcEndpoint``, a Lambda function in a VPC.
  ///
  /// ```swift
  /// endpoint.connections.allowDefaultPortFrom(fn)
  /// ```
  public protocol Connectable {
    /// The groups and rules of this thing.
    var connections: Connections { get }
  }
}
