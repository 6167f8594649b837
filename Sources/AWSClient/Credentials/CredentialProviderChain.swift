import Foundation

/// Tries providers in order and returns the first credentials found. A provider with nothing
/// configured is skipped; one that is configured but fails stops the chain with its error.
///
/// ``default(profile:context:)`` builds the AWS CLI's chain:
/// 1. environment variables (skipped when a profile is given explicitly, as `--profile` does);
/// 2. the profile's `role_arn` with `source_profile` or `credential_source` (STS AssumeRole);
/// 3. web identity: `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`, or the profile's
///    `web_identity_token_file` + `role_arn` (STS AssumeRoleWithWebIdentity);
/// 4. SSO profiles (reported as unsupported, with what to do instead);
/// 5. the profile's keys in `~/.aws/credentials`;
/// 6. the profile's `credential_process`;
/// 7. the profile's keys in `~/.aws/config`;
/// 8. ECS container credentials (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` / `_FULL_URI`);
/// 9. EC2 instance credentials over IMDSv2.
///
/// ```swift
/// let context = try CredentialProviderContext(environment: .current())
/// let chain = CredentialProviderChain.default(profile: nil, context: context)
/// let credentials = try await CachingCredentialProvider(chain).credentials()
/// ```
public struct CredentialProviderChain: AWSCredentialProvider {
  /// One provider and its name for messages.
  public struct Entry: Sendable {
    public var name: String
    public var provider: any AWSCredentialProvider

    public init(_ name: String, _ provider: any AWSCredentialProvider) {
      self.name = name
      self.provider = provider
    }
  }

  /// The providers, in order.
  public var entries: [Entry]

  /// Creates a chain.
  public init(_ entries: [Entry]) { self.entries = entries }

  public func credentials() async throws -> AWSCredentials {
    var tried: [String] = []
    for entry in entries {
      do {
        return try await entry.provider.credentials()
      } catch let error as AWSClientError where error.code == .noCredentials {
        tried.append(entry.name)
      }
    }
    throw AWSClientError.noCredentials(tried: tried)
  }

  /// The AWS CLI's chain for a profile (nil: `AWS_PROFILE`, else `default`).
  public static func `default`(profile: String?, context: CredentialProviderContext)
    -> CredentialProviderChain
  {
    let name = AWSSharedConfig.profileName(explicit: profile, environment: context.environment)
    var entries: [Entry] = []
    if profile == nil {
      entries.append(
        Entry(
          "environment variables", EnvironmentCredentialProvider(environment: context.environment)))
    }
    entries += [
      Entry(
        "assume role (profile \(name))",
        ProfileCredentialProvider(profile: name, context: context, stages: [.assumeRole])),
      Entry("web identity", WebIdentityCredentialProvider(profile: name, context: context)),
      Entry(
        "profile \(name)",
        ProfileCredentialProvider(
          profile: name, context: context,
          stages: [.sso, .credentialsFile, .process, .configFile])),
      Entry("ECS container", ContainerCredentialProvider(context: context)),
      Entry("EC2 instance metadata", InstanceMetadataCredentialProvider(context: context)),
    ]
    return CredentialProviderChain(entries)
  }
}
