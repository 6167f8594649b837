import Foundation

/// Fixed credentials.
///
/// ```swift
/// let provider = StaticCredentialProvider(
///   AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s"))
/// ```
public struct StaticCredentialProvider: AWSCredentialProvider {
  /// The credentials it returns.
  public let value: AWSCredentials

  /// Creates a provider returning `credentials`.
  public init(_ credentials: AWSCredentials) { value = credentials }

  public func credentials() async throws -> AWSCredentials { value }
}
