import Foundation

/// Temporary credentials for a role, from STS `AssumeRole` signed with a source provider's
/// credentials.
///
/// ```swift
/// let provider = AssumeRoleCredentialProvider(
///   roleARN: "arn:aws:iam::123456789012:role/deploy", roleSessionName: "ci",
///   externalID: nil, durationSeconds: 3600,
///   source: EnvironmentCredentialProvider(environment: env),
///   region: "eu-west-1", context: context)
/// ```
public struct AssumeRoleCredentialProvider: AWSCredentialProvider {
  public var roleARN: String
  /// The session name (default `stackkit-<unix time>`).
  public var roleSessionName: String?
  public var externalID: String?
  public var durationSeconds: Int?
  /// Where the credentials that call STS come from.
  public var source: any AWSCredentialProvider
  /// The STS region (default: the context's, else `us-east-1`).
  public var region: String?
  public var context: CredentialProviderContext
  /// The profile it was configured in, for messages.
  public var profile: String?

  public init(
    roleARN: String, roleSessionName: String? = nil, externalID: String? = nil,
    durationSeconds: Int? = nil, source: any AWSCredentialProvider, region: String? = nil,
    context: CredentialProviderContext, profile: String? = nil
  ) {
    self.roleARN = roleARN
    self.roleSessionName = roleSessionName
    self.externalID = externalID
    self.durationSeconds = durationSeconds
    self.source = source
    self.region = region
    self.context = context
    self.profile = profile
  }

  public func credentials() async throws -> AWSCredentials {
    let sts = context.sts(credentials: source, profileRegion: region)
    let where_ = profile.map { "profile \($0) (role \(roleARN))" } ?? "role \(roleARN)"
    do {
      var output = try await sts.assumeRole(
        STS.AssumeRoleInput(
          roleARN: roleARN, roleSessionName: roleSessionName ?? context.defaultSessionName(),
          externalID: externalID, durationSeconds: durationSeconds))
      output.credentials.source = where_
      return output.credentials
    } catch let error as AWSError {
      throw AWSClientError.providerFailed(where_, "STS AssumeRole failed: \(error)")
    } catch let error as AWSClientError where error.code == .noCredentials {
      throw AWSClientError.providerFailed(
        where_, "the source credentials for AssumeRole were not found: \(error.message)")
    }
  }
}
