import Foundation

/// Credentials from STS `AssumeRoleWithWebIdentity`, exchanging an OIDC token read from a file —
/// what GitHub Actions, GitLab and EKS (IRSA) provide.
///
/// Configured either explicitly, or (with ``init(profile:context:)``) from
/// `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` (+ `AWS_ROLE_SESSION_NAME`), else the profile's
/// `web_identity_token_file` + `role_arn` (+ `role_session_name`). The file is read at every
/// refresh, since CI systems rotate it.
///
/// ```swift
/// let provider = WebIdentityCredentialProvider(
///   tokenFile: "/var/run/secrets/token", roleARN: "arn:aws:iam::123456789012:role/ci",
///   roleSessionName: "build-42", context: context)
/// ```
public struct WebIdentityCredentialProvider: AWSCredentialProvider {
  private enum Configuration: Sendable {
    case explicit(tokenFile: String, roleARN: String, roleSessionName: String?, region: String?)
    case fromEnvironmentOrProfile(String)
  }

  private let configuration: Configuration
  /// Files, environment, transport.
  public var context: CredentialProviderContext

  /// A provider with everything given.
  public init(
    tokenFile: String, roleARN: String, roleSessionName: String? = nil, region: String? = nil,
    context: CredentialProviderContext
  ) {
    configuration = .explicit(
      tokenFile: tokenFile, roleARN: roleARN, roleSessionName: roleSessionName, region: region)
    self.context = context
  }

  /// A provider configured by the environment, else by the profile.
  public init(profile: String, context: CredentialProviderContext) {
    configuration = .fromEnvironmentOrProfile(profile)
    self.context = context
  }

  public func credentials() async throws -> AWSCredentials {
    let tokenFile: String
    let roleARN: String
    let sessionName: String?
    var region: String?
    switch configuration {
    case .explicit(let file, let arn, let name, let explicitRegion):
      (tokenFile, roleARN, sessionName, region) = (file, arn, name, explicitRegion)
    case .fromEnvironmentOrProfile(let profile):
      let env = context.environment
      let settings = context.config.profile(profile) ?? [:]
      region = settings["region"]
      if let file = env["AWS_WEB_IDENTITY_TOKEN_FILE"], let arn = env["AWS_ROLE_ARN"] {
        (tokenFile, roleARN, sessionName) = (file, arn, env["AWS_ROLE_SESSION_NAME"])
      } else if let file = settings["web_identity_token_file"], let arn = settings["role_arn"] {
        (tokenFile, roleARN, sessionName) = (
          env.expandingTilde(file), arn, settings["role_session_name"]
        )
      } else {
        if env["AWS_WEB_IDENTITY_TOKEN_FILE"] != nil {
          throw AWSClientError.providerFailed(
            "web identity", "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not; set it.")
        }
        throw AWSClientError.notConfigured("web identity", "AWS_WEB_IDENTITY_TOKEN_FILE is not set")
      }
    }
    let token: String
    do {
      token = try String(contentsOfFile: tokenFile, encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    } catch {
      throw AWSClientError.providerFailed(
        "web identity (role \(roleARN))",
        "cannot read the token file \(tokenFile). Check AWS_WEB_IDENTITY_TOKEN_FILE or "
          + "web_identity_token_file, and that the CI job requests an OIDC token.")
    }
    guard !token.isEmpty else {
      throw AWSClientError.providerFailed(
        "web identity (role \(roleARN))", "the token file \(tokenFile) is empty.")
    }
    let sts = context.sts(credentials: NoCredentials(), profileRegion: region)
    do {
      var output = try await sts.assumeRoleWithWebIdentity(
        STS.AssumeRoleWithWebIdentityInput(
          roleARN: roleARN, roleSessionName: sessionName ?? context.defaultSessionName(),
          webIdentityToken: token))
      output.credentials.source = "web identity (role \(roleARN))"
      return output.credentials
    } catch let error as AWSError {
      throw AWSClientError.providerFailed(
        "web identity (role \(roleARN))", "STS AssumeRoleWithWebIdentity failed: \(error)")
    }
  }
}
