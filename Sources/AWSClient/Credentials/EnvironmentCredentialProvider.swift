import Foundation

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optionally
/// `AWS_SESSION_TOKEN` (and `AWS_CREDENTIAL_EXPIRATION`, ISO 8601).
///
/// ```swift
/// let provider = EnvironmentCredentialProvider(environment: .current())
/// ```
public struct EnvironmentCredentialProvider: AWSCredentialProvider {
  /// The environment read.
  public var environment: AWSEnvironment

  /// Creates a provider reading `environment`.
  public init(environment: AWSEnvironment) { self.environment = environment }

  public func credentials() async throws -> AWSCredentials {
    let keyID = environment["AWS_ACCESS_KEY_ID"]
    let secret = environment["AWS_SECRET_ACCESS_KEY"]
    switch (keyID, secret) {
    case (nil, nil):
      throw AWSClientError.notConfigured("environment", "AWS_ACCESS_KEY_ID is not set")
    case (.some, nil):
      throw AWSClientError.providerFailed(
        "the environment",
        "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not. Set both, or unset both.")
    case (nil, .some):
      throw AWSClientError.providerFailed(
        "the environment",
        "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not. Set both, or unset both.")
    case (.some(let keyID), .some(let secret)):
      return AWSCredentials(
        accessKeyID: keyID, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"],
        expiration: environment["AWS_CREDENTIAL_EXPIRATION"].flatMap(Timestamp.parseISO8601),
        source: "environment variables")
    }
  }
}
