import Foundation

/// AWS STS calls (Query protocol): who am I, and temporary credentials for roles.
///
/// ```swift
/// let identity = try await client.sts.getCallerIdentity()
/// print(identity.account)   // "123456789012"
/// let role = try await client.sts.assumeRole(.init(
///   roleARN: "arn:aws:iam::123456789012:role/deploy", roleSessionName: "stackkit"))
/// ```
public struct STS: Sendable {
  /// The client the calls go through.
  public var client: AWSClient

  /// Creates the service client.
  public init(client: AWSClient) { self.client = client }

  /// The account, ARN and user ID of the credentials in use.
  public struct CallerIdentity: Sendable, Equatable {
    public var account: String
    public var arn: String
    public var userID: String

    public init(account: String, arn: String, userID: String) {
      self.account = account
      self.arn = arn
      self.userID = userID
    }
  }

  /// The input of `AssumeRole`.
  public struct AssumeRoleInput: Sendable, Equatable {
    public var roleARN: String
    public var roleSessionName: String
    public var externalID: String?
    /// 900 to the role's maximum (default 3600).
    public var durationSeconds: Int?
    /// An inline session policy (JSON).
    public var policy: String?
    /// The MFA device's serial number and current code, when the role requires MFA.
    public var serialNumber: String?
    public var tokenCode: String?

    public init(
      roleARN: String, roleSessionName: String, externalID: String? = nil,
      durationSeconds: Int? = nil, policy: String? = nil, serialNumber: String? = nil,
      tokenCode: String? = nil
    ) {
      self.roleARN = roleARN
      self.roleSessionName = roleSessionName
      self.externalID = externalID
      self.durationSeconds = durationSeconds
      self.policy = policy
      self.serialNumber = serialNumber
      self.tokenCode = tokenCode
    }
  }

  /// The input of `AssumeRoleWithWebIdentity` (sent unsigned: the token is the proof).
  public struct AssumeRoleWithWebIdentityInput: Sendable, Equatable {
    public var roleARN: String
    public var roleSessionName: String
    /// The OIDC token (never printed).
    public var webIdentityToken: String
    public var durationSeconds: Int?
    public var providerID: String?
    public var policy: String?

    public init(
      roleARN: String, roleSessionName: String, webIdentityToken: String,
      durationSeconds: Int? = nil, providerID: String? = nil, policy: String? = nil
    ) {
      self.roleARN = roleARN
      self.roleSessionName = roleSessionName
      self.webIdentityToken = webIdentityToken
      self.durationSeconds = durationSeconds
      self.providerID = providerID
      self.policy = policy
    }
  }

  /// Temporary credentials and the assumed role's identity.
  public struct AssumeRoleOutput: Sendable, Equatable {
    public var credentials: AWSCredentials
    /// `arn:aws:sts::123456789012:assumed-role/deploy/stackkit`.
    public var assumedRoleARN: String?
    public var assumedRoleID: String?

    public init(
      credentials: AWSCredentials, assumedRoleARN: String? = nil, assumedRoleID: String? = nil
    ) {
      self.credentials = credentials
      self.assumedRoleARN = assumedRoleARN
      self.assumedRoleID = assumedRoleID
    }
  }

  /// Who the credentials belong to.
  public func getCallerIdentity() async throws -> CallerIdentity {
    let result = try await client.query(
      AWSOperation(service: .sts, name: "GetCallerIdentity", isIdempotent: true), QueryParameters())
    return CallerIdentity(
      account: result.string("Account") ?? "", arn: result.string("Arn") ?? "",
      userID: result.string("UserId") ?? "")
  }

  /// Temporary credentials for a role. Idempotent: it creates nothing.
  public func assumeRole(_ input: AssumeRoleInput) async throws -> AssumeRoleOutput {
    var p = QueryParameters()
    p["RoleArn"] = input.roleARN
    p["RoleSessionName"] = input.roleSessionName
    p["ExternalId"] = input.externalID
    p.set("DurationSeconds", input.durationSeconds)
    p["Policy"] = input.policy
    p["SerialNumber"] = input.serialNumber
    p["TokenCode"] = input.tokenCode
    let result = try await client.query(
      AWSOperation(service: .sts, name: "AssumeRole", isIdempotent: true), p)
    return try Self.output(result, operation: "AssumeRole", source: "role \(input.roleARN)")
  }

  /// Temporary credentials for a role, in exchange for an OIDC token.
  public func assumeRoleWithWebIdentity(_ input: AssumeRoleWithWebIdentityInput) async throws
    -> AssumeRoleOutput
  {
    var p = QueryParameters()
    p["RoleArn"] = input.roleARN
    p["RoleSessionName"] = input.roleSessionName
    p["WebIdentityToken"] = input.webIdentityToken
    p.set("DurationSeconds", input.durationSeconds)
    p["ProviderId"] = input.providerID
    p["Policy"] = input.policy
    let result = try await client.query(
      AWSOperation(
        service: .sts, name: "AssumeRoleWithWebIdentity", isIdempotent: true, isSigned: false), p)
    return try Self.output(
      result, operation: "AssumeRoleWithWebIdentity", source: "web identity role \(input.roleARN)")
  }

  static func output(_ result: XMLNode, operation: String, source: String) throws
    -> AssumeRoleOutput
  {
    guard let node = result["Credentials"], let keyID = node.string("AccessKeyId"),
      let secret = node.string("SecretAccessKey")
    else {
      throw AWSClientError(
        .invalidResponse, "STS \(operation) answered without credentials; check the STS endpoint.")
    }
    return AssumeRoleOutput(
      credentials: AWSCredentials(
        accessKeyID: keyID, secretAccessKey: secret, sessionToken: node.string("SessionToken"),
        expiration: node.date("Expiration"), source: source),
      assumedRoleARN: result["AssumedRoleUser"]?.string("Arn"),
      assumedRoleID: result["AssumedRoleUser"]?.string("AssumedRoleId"))
  }
}
