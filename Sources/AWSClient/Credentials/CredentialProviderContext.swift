import Foundation

/// What credential providers read and call: the environment, the shared config files, a transport
/// for STS/ECS/IMDS, the region and endpoints for STS, and a clock.
///
/// ```swift
/// let context = try CredentialProviderContext(environment: .current())
/// let provider = ProfileCredentialProvider(profile: "dev", context: context)
/// ```
public struct CredentialProviderContext: Sendable {
  /// Environment variables and home directory.
  public var environment: AWSEnvironment
  /// The parsed `~/.aws/config` and `~/.aws/credentials`.
  public var config: AWSSharedConfig
  /// Sends STS, ECS and IMDS requests.
  public var transport: any HTTPTransport
  /// The region for STS when the profile names none (then `us-east-1`).
  public var region: String?
  /// Endpoints for STS (honours `AWS_ENDPOINT_URL_STS`).
  public var endpoints: EndpointResolver
  /// The clock.
  public var now: @Sendable () -> Date

  /// Creates a context; `config` defaults to the files the environment points at.
  public init(
    environment: AWSEnvironment, config: AWSSharedConfig? = nil,
    transport: any HTTPTransport = URLSessionTransport(), region: String? = nil,
    endpoints: EndpointResolver? = nil, now: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    self.environment = environment
    self.config = try config ?? AWSSharedConfig.load(environment: environment)
    self.transport = transport
    self.region = region
    self.endpoints = endpoints ?? EndpointResolver(environment: environment)
    self.now = now
  }

  /// An STS client signing with `credentials`, in the profile's region (else ``region``, else
  /// `us-east-1`).
  func sts(credentials: any AWSCredentialProvider, profileRegion: String?) -> STS {
    STS(
      client: AWSClient(
        region: profileRegion ?? region ?? "us-east-1", credentials: credentials,
        transport: transport, endpoints: endpoints, retryPolicy: RetryPolicy(maxAttempts: 3),
        now: now))
  }

  /// The session name to use when none is configured.
  func defaultSessionName() -> String {
    "stackkit-\(Int(now().timeIntervalSince1970))"
  }
}

/// A credential provider that has nothing to go on; never returns credentials.
struct NoCredentials: AWSCredentialProvider {
  func credentials() async throws -> AWSCredentials {
    throw AWSClientError.notConfigured("anonymous", "no credentials")
  }
}
