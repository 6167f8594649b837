import StackKit

extension EC2 {
  /// A service an interface VPC endpoint connects to: an AWS service
  /// (``InterfaceVpcEndpointAwsService``) or any service by name (``InterfaceVpcEndpointService``).
  ///
  /// ```swift
  /// vpc.addInterfaceEndpoint("SecretsManagerEndpoint", service: EC2.InterfaceVpcEndpointAwsService.secretsManager)
  /// ```
  public protocol EndpointService {
    /// The service name in a stack, such as `com.amazonaws.<region>.secretsmanager`.
    func name(in stack: Stack?) -> Value
    /// The port the service listens on (the endpoint's default port).
    var port: Int { get }
    /// Whether private DNS is on when the endpoint does not say.
    var privateDNSDefault: Bool { get }
  }

  /// Any endpoint service by its full name, such as a PrivateLink service of another account.
  /// Private DNS is off unless the endpoint turns it on.
  ///
  /// ```swift
  /// let service = EC2.InterfaceVpcEndpointService(
  ///   "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", port: 8443)
  /// ```
  public struct InterfaceVpcEndpointService: EndpointService, Sendable, Hashable {
    public let serviceName: String
    public let port: Int
    public var privateDNSDefault: Bool { false }

    public init(_ name: String, port: Int = 443) {
      serviceName = name
      self.port = port
    }

    public func name(in stack: Stack?) -> Value { .string(serviceName) }
  }

  /// An AWS service reachable through an interface endpoint, named for the stack's region as CDK
  /// names it (`com.amazonaws.<region>.<service>`, with the prefixes of China, ISO and
  /// sovereign regions). Private DNS is on by default.
  ///
  /// ```swift
  /// EC2.InterfaceVpcEndpointAwsService.secretsManager.name(in: stack)
  /// // {"Fn::Join": ["", ["com.amazonaws.", {"Ref": "AWS::Region"}, ".secretsmanager"]]}
  /// ```
  public struct InterfaceVpcEndpointAwsService: EndpointService, Sendable, Hashable {
    /// The service part of the name, such as `secretsmanager`.
    public let shortName: String
    /// A fixed prefix instead of the region's default (`com.amazonaws`).
    public let prefix: String?
    public let port: Int
    /// The name has no region part (IAM, CodeCatalyst).
    public let global: Bool
    public var privateDNSDefault: Bool { true }

    public init(_ shortName: String, prefix: String? = nil, port: Int = 443, global: Bool = false) {
      self.shortName = shortName
      self.prefix = prefix
      self.port = port
      self.global = global
    }

    public func name(in stack: Stack?) -> Value {
      let region = stack?.environment.region
      let start: String
      if let prefix, !prefix.isEmpty {
        start = prefix
      } else if let region, let entry = Self.regionalPrefixes[region],
        entry.services.contains(shortName)
      {
        start = entry.prefix
      } else {
        start = "com.amazonaws"
      }
      let suffix =
        region.map { Self.regionalSuffixes[$0]?.contains(shortName) == true ? ".cn" : "" } ?? ""
      if global { return .string("\(start).\(shortName)\(suffix)") }
      if let region { return .string("\(start).\(region).\(shortName)\(suffix)") }
      return "\(start).\(Pseudo.region).\(shortName)\(suffix)"
    }
  }
}
