import Foundation

/// A failure on the client's side — no credentials, no region, an unknown profile, an endpoint that
/// cannot be reached — with a message that says what to do. Messages never contain secret keys or
/// session tokens.
///
/// ```swift
/// do { _ = try AWSClient(profile: "prod") }
/// catch let error as AWSClientError where error.code == .unknownProfile { print(error) }
/// ```
public struct AWSClientError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The kind of failure.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    /// The code's name.
    public let rawValue: String
    init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// No provider in the chain found credentials.
    public static let noCredentials = Code("noCredentials")
    /// The credentials found have expired.
    public static let credentialsExpired = Code("credentialsExpired")
    /// A provider was configured but failed (a bad file, a failing process, an STS error …).
    public static let credentialProviderFailed = Code("credentialProviderFailed")
    /// The named profile is in neither ~/.aws/config nor ~/.aws/credentials.
    public static let unknownProfile = Code("unknownProfile")
    /// A profile or config file that cannot be used as written.
    public static let invalidConfiguration = Code("invalidConfiguration")
    /// No region was given anywhere.
    public static let noRegion = Code("noRegion")
    /// An endpoint URL that is not a usable URL.
    public static let invalidEndpoint = Code("invalidEndpoint")
    /// The endpoint could not be reached (refused, dropped, timed out), after retries.
    public static let connectionFailed = Code("connectionFailed")
    /// The service answered with something that could not be understood.
    public static let invalidResponse = Code("invalidResponse")
    /// A request argument that cannot be sent.
    public static let invalidInput = Code("invalidInput")
  }

  /// The kind of failure.
  public var code: Code
  /// What is wrong and what to do about it.
  public var message: String

  /// Creates an error.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}

extension AWSClientError {
  static func noRegion(profile: String?) -> AWSClientError {
    let section = profile.map { $0 == "default" ? "default" : "profile \($0)" } ?? "default"
    let profileHint = "add `region = us-east-1` to [\(section)] in ~/.aws/config"
    return AWSClientError(
      .noRegion,
      "No AWS region is set. Pass --region, set AWS_REGION (or AWS_DEFAULT_REGION), or "
        + profileHint + ".")
  }

  static func unknownProfile(_ name: String, known: [String], files: [String]) -> AWSClientError {
    let knownText =
      known.isEmpty
      ? "no profiles are defined" : "known profiles: \(known.sorted().joined(separator: ", "))"
    return AWSClientError(
      .unknownProfile,
      "The AWS profile '\(name)' is not in \(files.joined(separator: " or ")) (\(knownText)). "
        + "Create it with `aws configure --profile \(name)`, or pick another with --profile or "
        + "AWS_PROFILE.")
  }

  static func noCredentials(tried: [String]) -> AWSClientError {
    AWSClientError(
      .noCredentials,
      "No AWS credentials were found (looked in: \(tried.joined(separator: ", "))). Set "
        + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run `aws configure`, or choose a profile "
        + "with --profile or AWS_PROFILE.")
  }

  static func expired(source: String?, expiration: Date) -> AWSClientError {
    AWSClientError(
      .credentialsExpired,
      "The AWS credentials\(source.map { " from \($0)" } ?? "") expired at "
        + "\(Timestamp.iso8601(expiration)). Refresh them (for example `aws sso login`, or export "
        + "new AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN) and try again.")
  }

  static func providerFailed(_ provider: String, _ reason: String) -> AWSClientError {
    AWSClientError(
      .credentialProviderFailed, "Could not get AWS credentials from \(provider): \(reason)")
  }

  /// Marks that the provider has nothing configured, so a chain moves on to the next one.
  static func notConfigured(_ provider: String, _ reason: String) -> AWSClientError {
    AWSClientError(.noCredentials, "\(provider): \(reason)")
  }
}
