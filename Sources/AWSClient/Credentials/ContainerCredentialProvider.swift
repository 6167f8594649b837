import Foundation

/// ECS (and EKS Pod Identity) container credentials: a GET to
/// `http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, or to
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` (HTTPS, or HTTP to a loopback or the ECS/EKS agent
/// address) with the `Authorization` header from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
///
/// ```swift
/// let provider = ContainerCredentialProvider(context: context)
/// ```
public struct ContainerCredentialProvider: AWSCredentialProvider {
  /// The ECS agent's address for relative URIs.
  public static let ecsHost = "http://169.254.170.2"

  /// Environment and transport.
  public var context: CredentialProviderContext
  /// Seconds to wait for each attempt.
  public var timeout: TimeInterval

  public init(context: CredentialProviderContext, timeout: TimeInterval = 2) {
    self.context = context
    self.timeout = timeout
  }

  public func credentials() async throws -> AWSCredentials {
    let env = context.environment
    let url: URL
    if let relative = env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
      let path = relative.hasPrefix("/") ? relative : "/" + relative
      guard let parsed = URL(string: Self.ecsHost + path) else {
        throw AWSClientError.providerFailed(
          "ECS container", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI '\(relative)' is not a path.")
      }
      url = parsed
    } else if let full = env["AWS_CONTAINER_CREDENTIALS_FULL_URI"] {
      guard let parsed = URL(string: full), Self.isAllowed(parsed) else {
        throw AWSClientError.providerFailed(
          "ECS container",
          "AWS_CONTAINER_CREDENTIALS_FULL_URI '\(full)' must be https, or http to a loopback "
            + "address, 169.254.170.2, 169.254.170.23 or fd00:ec2::23.")
      }
      url = parsed
    } else {
      throw AWSClientError.notConfigured(
        "ECS container", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI are not set")
    }
    var headers = ["Accept": "application/json"]
    if let tokenFile = env["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
      guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
        throw AWSClientError.providerFailed(
          "ECS container", "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(tokenFile).")
      }
      headers["Authorization"] = token.trimmingCharacters(in: .whitespacesAndNewlines)
    } else if let token = env["AWS_CONTAINER_AUTHORIZATION_TOKEN"] {
      headers["Authorization"] = token
    }
    if let authorization = headers["Authorization"],
      authorization.contains("\r") || authorization.contains("\n")
    {
      throw AWSClientError.providerFailed(
        "ECS container", "the authorization token contains a line break; remove it.")
    }
    let request = HTTPRequest(method: "GET", url: url, headers: headers, timeout: timeout)
    var lastProblem = ""
    for _ in 0..<3 {
      do {
        let response = try await context.transport.send(request)
        guard response.isSuccess else {
          lastProblem = "the endpoint answered HTTP \(response.status)"
          if (400..<500).contains(response.status) { break }
          continue
        }
        return try CredentialsDocument.parse(
          response.body, source: "ECS container (\(url.host ?? ""))")
      } catch let error as HTTPTransportError {
        lastProblem = error.description
      }
    }
    throw AWSClientError.providerFailed(
      "ECS container",
      "\(lastProblem). Check AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI and the task role.")
  }

  /// HTTPS anywhere; HTTP only to loopback and the ECS/EKS agent addresses.
  static func isAllowed(_ url: URL) -> Bool {
    guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else {
      return false
    }
    if scheme == "https" { return true }
    guard scheme == "http" else { return false }
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    return bare == "localhost" || bare.hasPrefix("127.") || bare == "::1"
      || bare == "169.254.170.2" || bare == "169.254.170.23" || bare == "fd00:ec2::23"
  }
}

/// The JSON document ECS and IMDS return: `AccessKeyId`, `SecretAccessKey`, `Token`,
/// `Expiration` (and IMDS's `Code`).
enum CredentialsDocument {
  static func parse(_ data: Data, source: String) throws -> AWSCredentials {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw AWSClientError.providerFailed(source, "the response is not a JSON object.")
    }
    if let code = object["Code"] as? String, code != "Success" {
      throw AWSClientError.providerFailed(source, "the service reported \(code).")
    }
    guard let keyID = object["AccessKeyId"] as? String,
      let secret = object["SecretAccessKey"] as? String
    else {
      throw AWSClientError.providerFailed(
        source, "the response lacks AccessKeyId or SecretAccessKey.")
    }
    return AWSCredentials(
      accessKeyID: keyID, secretAccessKey: secret,
      sessionToken: (object["Token"] as? String) ?? (object["SessionToken"] as? String),
      expiration: (object["Expiration"] as? String).flatMap(Timestamp.parseISO8601),
      source: source)
  }
}
