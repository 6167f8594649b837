import Foundation

/// EC2 instance-profile credentials over IMDSv2: a `PUT /latest/api/token`, then
/// `GET /latest/meta-data/iam/security-credentials/` for the role name, then the role's
/// credentials, both with the token.
///
/// The endpoint is `http://169.254.169.254` (`http://[fd00:ec2::254]` with
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`), or `AWS_EC2_METADATA_SERVICE_ENDPOINT`.
/// `AWS_EC2_METADATA_DISABLED=true` turns it off. Off EC2 the service is unreachable, which counts
/// as "not configured" after a 1-second timeout.
///
/// ```swift
/// let provider = InstanceMetadataCredentialProvider(context: context)
/// ```
public struct InstanceMetadataCredentialProvider: AWSCredentialProvider {
  /// Environment and transport.
  public var context: CredentialProviderContext
  /// Seconds to wait for each request.
  public var timeout: TimeInterval

  public init(context: CredentialProviderContext, timeout: TimeInterval = 1) {
    self.context = context
    self.timeout = timeout
  }

  /// The metadata service's base URL.
  public var endpoint: URL {
    let env = context.environment
    if let configured = env["AWS_EC2_METADATA_SERVICE_ENDPOINT"],
      let url = URL(string: configured)
    {
      return url
    }
    if env["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"]?.lowercased() == "ipv6" {
      return URL(string: "http://[fd00:ec2::254]")!
    }
    return URL(string: "http://169.254.169.254")!
  }

  public func credentials() async throws -> AWSCredentials {
    if context.environment.isTrue("AWS_EC2_METADATA_DISABLED") {
      throw AWSClientError.notConfigured("EC2 instance metadata", "AWS_EC2_METADATA_DISABLED")
    }
    let base =
      endpoint.absoluteString.hasSuffix("/")
      ? String(endpoint.absoluteString.dropLast()) : endpoint.absoluteString
    let token = try await fetch(
      "PUT", base + "/latest/api/token", ["X-aws-ec2-metadata-token-ttl-seconds": "21600"])
    let tokenHeader = ["X-aws-ec2-metadata-token": token]
    let roles = try await fetch(
      "GET", base + "/latest/meta-data/iam/security-credentials/", tokenHeader)
    guard let role = roles.split(whereSeparator: \.isNewline).first.map(String.init),
      !role.isEmpty
    else {
      throw AWSClientError.notConfigured("EC2 instance metadata", "no instance profile attached")
    }
    let document = try await fetch(
      "GET", base + "/latest/meta-data/iam/security-credentials/" + PercentEncoding.encode(role),
      tokenHeader)
    return try CredentialsDocument.parse(
      Data(document.utf8), source: "EC2 instance profile (role \(role))")
  }

  private func fetch(_ method: String, _ url: String, _ headers: [String: String]) async throws
    -> String
  {
    let request = HTTPRequest(
      method: method, url: URL(string: url)!, headers: headers, timeout: timeout)
    let response: HTTPResponse
    do {
      response = try await context.transport.send(request)
    } catch let error as HTTPTransportError {
      throw AWSClientError.notConfigured("EC2 instance metadata", "unreachable (\(error))")
    }
    if response.status == 404 {
      throw AWSClientError.notConfigured("EC2 instance metadata", "no instance profile attached")
    }
    guard response.isSuccess else {
      throw AWSClientError.providerFailed(
        "EC2 instance metadata",
        "\(method) \(URL(string: url)?.path ?? url) answered HTTP \(response.status). Check that "
          + "IMDSv2 is enabled and the hop limit allows this process to reach it.")
    }
    return response.bodyText
  }
}
