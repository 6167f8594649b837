import Foundation

/// The entry point: a region, a credential provider, a transport, endpoints and a retry policy,
/// shared by the service clients (``CloudFormation``, ``S3``, ``STS``).
///
/// Resolve everything as the AWS CLI does (profile, region, credential chain, endpoint overrides):
///
/// ```swift
/// let client = try AWSClient(profile: "dev", region: nil, endpointURL: nil)
/// let stack = try await client.cloudFormation.describeStack("app")
/// let who = try await client.sts.getCallerIdentity()
/// ```
///
/// Or give each part, as tests do with a scripted transport:
///
/// ```swift
/// let client = AWSClient(
///   region: "us-east-1",
///   credentials: StaticCredentialProvider(
///     AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s")),
///   transport: ScriptedTransport(...), retryPolicy: RetryPolicy(sleep: { _ in }))
/// ```
public struct AWSClient: Sendable {
  /// The region requests go to and are signed for.
  public var region: String
  /// Where credentials come from (a cached, refreshing chain when the client was resolved from
  /// a profile).
  public var credentialProvider: any AWSCredentialProvider
  /// Sends the requests.
  public var transport: any HTTPTransport
  /// Chooses each service's endpoint.
  public var endpoints: EndpointResolver
  /// Retries.
  public var retryPolicy: RetryPolicy
  /// The clock used for signing and expiry checks.
  public var now: @Sendable () -> Date
  /// The `User-Agent` header.
  public var userAgent: String

  /// Creates a client from its parts.
  public init(
    region: String, credentials: any AWSCredentialProvider,
    transport: any HTTPTransport = URLSessionTransport(),
    endpoints: EndpointResolver = EndpointResolver(), retryPolicy: RetryPolicy = RetryPolicy(),
    now: @escaping @Sendable () -> Date = { Date() }, userAgent: String = "stackkit-awsclient/1.0"
  ) {
    self.region = region
    self.credentialProvider = credentials
    self.transport = transport
    self.endpoints = endpoints
    self.retryPolicy = retryPolicy
    self.now = now
    self.userAgent = userAgent
  }

  /// Resolves a client as the AWS CLI would: the profile (`profile`, else `AWS_PROFILE`, else
  /// `default`), the region (`region`, else `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's
  /// `region`), the credential chain (cached, refreshed 5 minutes before expiry), and endpoints
  /// (`endpointURL`, else `AWS_ENDPOINT_URL_<SERVICE>`, else `AWS_ENDPOINT_URL`).
  ///
  /// Throws ``AWSClientError`` when the named profile does not exist, no region is set, or the
  /// endpoint URL is malformed. Credentials are looked up at the first request.
  public init(
    profile: String? = nil, region: String? = nil, endpointURL: String? = nil,
    environment: AWSEnvironment = .current(), transport: (any HTTPTransport)? = nil,
    retryPolicy: RetryPolicy = RetryPolicy()
  ) throws {
    let config = try AWSSharedConfig.load(environment: environment)
    let profileName = AWSSharedConfig.profileName(explicit: profile, environment: environment)
    if AWSSharedConfig.profileWasChosen(explicit: profile, environment: environment),
      config.profile(profileName) == nil
    {
      throw AWSClientError.unknownProfile(
        profileName, known: config.profileNames, files: config.filesForMessages)
    }
    let resolvedRegion = try Self.resolveRegion(
      explicit: region, profile: profileName, config: config, environment: environment)
    let endpointOverride = try endpointURL.map {
      try EndpointResolver.validate($0, from: "--endpoint-url")
    }
    let endpoints = EndpointResolver(endpointURL: endpointOverride, environment: environment)
    let transport = transport ?? URLSessionTransport()
    let context = try CredentialProviderContext(
      environment: environment, config: config, transport: transport, region: resolvedRegion,
      endpoints: endpoints)
    let chain = CredentialProviderChain.default(profile: profile, context: context)
    self.init(
      region: resolvedRegion, credentials: CachingCredentialProvider(chain),
      transport: transport, endpoints: endpoints, retryPolicy: retryPolicy)
  }

  /// The region: `explicit`, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's
  /// `region`; throws ``AWSClientError/Code/noRegion`` with what to do when none is set.
  public static func resolveRegion(
    explicit: String?, profile: String, config: AWSSharedConfig, environment: AWSEnvironment
  ) throws -> String {
    let candidates: [String?] = [
      explicit, environment["AWS_REGION"], environment["AWS_DEFAULT_REGION"],
      config.profile(profile)?["region"],
    ]
    for candidate in candidates {
      if let value = candidate?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
        return value
      }
    }
    throw AWSClientError.noRegion(profile: profile)
  }

  /// CloudFormation calls through this client.
  public var cloudFormation: CloudFormation { CloudFormation(client: self) }
  /// S3 calls through this client.
  public var s3: S3 { S3(client: self) }
  /// STS calls through this client.
  public var sts: STS { STS(client: self) }

  /// A copy with another region (e.g. for a bucket in another region).
  public func withRegion(_ region: String) -> AWSClient {
    var copy = self
    copy.region = region
    return copy
  }

  /// The endpoint of a service for this client's region.
  public func endpoint(for service: AWSService) -> EndpointResolver.Endpoint {
    endpoints.endpoint(for: service, region: region)
  }

  /// Current credentials; throws when none are found or they have expired.
  public func credentials() async throws -> AWSCredentials {
    let credentials = try await credentialProvider.credentials()
    if let expiration = credentials.expiration, credentials.isExpired(at: now()) {
      throw AWSClientError.expired(source: credentials.source, expiration: expiration)
    }
    return credentials
  }
}
