import Foundation

/// Chooses each service's endpoint: an explicit `--endpoint-url`, else
/// `AWS_ENDPOINT_URL_<SERVICE>`, else `AWS_ENDPOINT_URL`, else the service's regional endpoint.
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` turns the environment variables off.
///
/// ```swift
/// let endpoints = EndpointResolver(endpointURL: URL(string: "http://127.0.0.1:5000"))
/// endpoints.endpoint(for: .cloudFormation, region: "us-east-1").url  // http://127.0.0.1:5000
/// ```
public struct EndpointResolver: Sendable, Equatable {
  /// An endpoint and whether it was configured rather than derived.
  public struct Endpoint: Sendable, Equatable {
    /// The base URL (scheme, host, optional port and path).
    public var url: URL
    /// Whether it came from configuration (then S3 uses path-style addressing).
    public var isCustom: Bool
  }

  /// The `--endpoint-url` value, used for every service.
  public var endpointURL: URL?
  /// The environment the variables are read from.
  public var environment: AWSEnvironment

  /// Creates a resolver.
  public init(
    endpointURL: URL? = nil,
    environment: AWSEnvironment = AWSEnvironment(variables: [:], homeDirectory: "/")
  ) {
    self.endpointURL = endpointURL
    self.environment = environment
  }

  /// The endpoint to send the service's requests to.
  public func endpoint(for service: AWSService, region: String) -> Endpoint {
    if let endpointURL { return Endpoint(url: endpointURL, isCustom: true) }
    if !environment.isTrue("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") {
      for name in [service.endpointVariable, "AWS_ENDPOINT_URL"] {
        if let value = environment[name], let url = Self.parse(value) {
          return Endpoint(url: url, isCustom: true)
        }
      }
    }
    return Endpoint(url: Self.defaultEndpoint(for: service, region: region), isCustom: false)
  }

  /// `https://<prefix>.<region>.amazonaws.com` (`.amazonaws.com.cn` in China regions).
  public static func defaultEndpoint(for service: AWSService, region: String) -> URL {
    let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
    return URL(string: "https://\(service.endpointPrefix).\(region).\(suffix)")!
  }

  /// Parses an endpoint URL: it needs a scheme (`http` or `https`) and a host.
  public static func parse(_ text: String) -> URL? {
    guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)),
      let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = url.host, !host.isEmpty
    else { return nil }
    return url
  }

  /// Parses an endpoint URL or explains what is wrong with it.
  public static func validate(_ text: String, from origin: String) throws -> URL {
    guard let url = parse(text) else {
      throw AWSClientError(
        .invalidEndpoint,
        "The endpoint URL '\(text)' (\(origin)) is not usable: give a full URL such as "
          + "http://127.0.0.1:5000 or https://cloudformation.us-east-1.amazonaws.com.")
    }
    return url
  }
}
