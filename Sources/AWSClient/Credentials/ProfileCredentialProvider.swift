import Foundation

/// Credentials of a named profile in `~/.aws/config` / `~/.aws/credentials`: `role_arn` with
/// `source_profile` (chains allowed) or `credential_source`; `web_identity_token_file` with
/// `role_arn`; static keys (`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`);
/// `credential_process`.
///
/// ```ini
/// # ~/.aws/config
/// [profile deploy]
/// role_arn = arn:aws:iam::123456789012:role/deploy
/// source_profile = default
/// external_id = 1234
/// duration_seconds = 1800
/// ```
///
/// ```swift
/// let provider = ProfileCredentialProvider(profile: "deploy", context: context)
/// ```
public struct ProfileCredentialProvider: AWSCredentialProvider {
  /// The ways a profile can supply credentials, in the order the AWS CLI tries them.
  public enum Stage: Sendable, Hashable, CaseIterable {
    case assumeRole, webIdentity, sso, credentialsFile, process, configFile
  }

  /// The profile's name.
  public var profile: String
  /// Files, environment, transport.
  public var context: CredentialProviderContext
  /// Which ways are tried (all by default).
  public var stages: Set<Stage>

  /// Creates a provider for the profile.
  public init(
    profile: String, context: CredentialProviderContext, stages: Set<Stage> = Set(Stage.allCases)
  ) {
    self.profile = profile
    self.context = context
    self.stages = stages
  }

  public func credentials() async throws -> AWSCredentials {
    try await resolve(profile, stages: stages, visited: [])
  }

  private var config: AWSSharedConfig { context.config }

  private func resolve(_ name: String, stages: Set<Stage>, visited: [String]) async throws
    -> AWSCredentials
  {
    guard let settings = config.profile(name) else {
      throw AWSClientError.notConfigured("profile \(name)", "no such profile")
    }
    let region = settings["region"]
    if stages.contains(.assumeRole), let roleARN = settings["role_arn"],
      settings["source_profile"] != nil || settings["credential_source"] != nil
    {
      return try await assumeRole(name, roleARN: roleARN, settings: settings, visited: visited)
    }
    if stages.contains(.webIdentity), let roleARN = settings["role_arn"],
      let tokenFile = settings["web_identity_token_file"]
    {
      return try await WebIdentityCredentialProvider(
        tokenFile: context.environment.expandingTilde(tokenFile), roleARN: roleARN,
        roleSessionName: settings["role_session_name"], region: region, context: context
      ).credentials()
    }
    if stages.contains(.sso), settings["sso_start_url"] != nil || settings["sso_session"] != nil {
      throw AWSClientError.providerFailed(
        "profile \(name)",
        "it uses AWS IAM Identity Center (SSO), which StackKit does not read directly. Run "
          + "`aws sso login --profile \(name)` and then "
          + "`eval \"$(aws configure export-credentials --profile \(name) --format env)\"`.")
    }
    if stages.contains(.credentialsFile), let values = config.credentialsProfiles[name],
      let credentials = try staticKeys(values, name: name, file: config.credentialsPath)
    {
      return credentials
    }
    if stages.contains(.process), let command = settings["credential_process"] {
      return try await ProcessCredentialProvider(
        command: command, environment: context.environment, profile: name
      ).credentials()
    }
    if stages.contains(.configFile), let values = config.configProfiles[name],
      let credentials = try staticKeys(values, name: name, file: config.configPath)
    {
      return credentials
    }
    if settings["role_arn"] != nil, settings["web_identity_token_file"] == nil,
      stages.contains(.assumeRole)
    {
      throw AWSClientError.providerFailed(
        "profile \(name)",
        "it sets role_arn but neither source_profile, credential_source nor "
          + "web_identity_token_file. Add `source_profile = <profile with keys>` to it.")
    }
    throw AWSClientError.notConfigured("profile \(name)", "no credentials in the profile")
  }

  private func staticKeys(_ values: [String: String], name: String, file: String) throws
    -> AWSCredentials?
  {
    let keyID = values["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
    let secret = values["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
    switch (keyID, secret) {
    case (nil, nil):
      return nil
    case (.some(let keyID), .some(let secret)):
      return AWSCredentials(
        accessKeyID: keyID, secretAccessKey: secret, sessionToken: values["aws_session_token"],
        source: "profile \(name) (\(file))")
    default:
      throw AWSClientError.providerFailed(
        "profile \(name) in \(file)",
        "it has only one of aws_access_key_id and aws_secret_access_key; set both.")
    }
  }

  private func assumeRole(
    _ name: String, roleARN: String, settings: [String: String], visited: [String]
  ) async throws -> AWSCredentials {
    if settings["mfa_serial"] != nil {
      throw AWSClientError.providerFailed(
        "profile \(name)",
        "its role requires MFA (mfa_serial), which needs an interactive code. Get a session "
          + "first (`aws sts get-session-token` or `aws configure export-credentials`) and use "
          + "its credentials.")
    }
    let source: any AWSCredentialProvider
    if let sourceProfile = settings["source_profile"] {
      if visited.contains(sourceProfile) || (sourceProfile == name && visited.contains(name)) {
        throw AWSClientError(
          .invalidConfiguration,
          "The AWS profiles form a source_profile loop: "
            + (visited + [name, sourceProfile]).joined(separator: " → ")
            + ". Point one of them at a profile with keys.")
      }
      guard config.profile(sourceProfile) != nil else {
        throw AWSClientError.providerFailed(
          "profile \(name)",
          "its source_profile '\(sourceProfile)' does not exist in \(config.configPath) or "
            + "\(config.credentialsPath).")
      }
      let sourceStages: Set<Stage> =
        sourceProfile == name
        ? [.credentialsFile, .configFile]
        : [.assumeRole, .webIdentity, .process, .credentialsFile, .configFile]
      let provider = self
      let path = visited + [name]
      source = ClosureProvider {
        do {
          return try await provider.resolve(sourceProfile, stages: sourceStages, visited: path)
        } catch let error as AWSClientError where error.code == .noCredentials {
          throw AWSClientError.providerFailed(
            "profile \(name)",
            "its source_profile '\(sourceProfile)' has no credentials (no keys, "
              + "credential_process or role).")
        }
      }
    } else {
      let credentialSource = settings["credential_source"] ?? ""
      switch credentialSource {
      case "Environment":
        source = EnvironmentCredentialProvider(environment: context.environment)
      case "Ec2InstanceMetadata":
        source = InstanceMetadataCredentialProvider(context: context)
      case "EcsContainer":
        source = ContainerCredentialProvider(context: context)
      default:
        throw AWSClientError.providerFailed(
          "profile \(name)",
          "credential_source '\(credentialSource)' is not one of Environment, "
            + "Ec2InstanceMetadata, EcsContainer.")
      }
    }
    var duration: Int?
    if let text = settings["duration_seconds"] {
      guard let value = Int(text) else {
        throw AWSClientError(
          .invalidConfiguration,
          "duration_seconds '\(text)' in profile \(name) is not a number of seconds (900–43200).")
      }
      duration = value
    }
    return try await AssumeRoleCredentialProvider(
      roleARN: roleARN, roleSessionName: settings["role_session_name"],
      externalID: settings["external_id"], durationSeconds: duration, source: source,
      region: settings["region"], context: context, profile: name
    ).credentials()
  }
}

/// A provider made of a closure (internal glue).
struct ClosureProvider: AWSCredentialProvider {
  let body: @Sendable () async throws -> AWSCredentials
  init(_ body: @escaping @Sendable () async throws -> AWSCredentials) { self.body = body }
  func credentials() async throws -> AWSCredentials { try await body() }
}
