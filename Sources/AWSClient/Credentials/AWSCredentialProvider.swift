import Foundation

/// Something that supplies credentials: the environment, a profile, STS, a process, the ECS agent,
/// the EC2 instance metadata service, or a chain of them.
///
/// A provider that has nothing configured throws an ``AWSClientError`` with code
/// ``AWSClientError/Code/noCredentials``, so that a ``CredentialProviderChain`` moves on; one that
/// is configured but fails throws ``AWSClientError/Code/credentialProviderFailed`` (or another
/// error), which stops the chain.
///
/// ```swift
/// struct Fixed: AWSCredentialProvider {
///   func credentials() async throws -> AWSCredentials {
///     AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret")
///   }
/// }
/// ```
public protocol AWSCredentialProvider: Sendable {
  /// Returns credentials, fetching or refreshing them if needed.
  func credentials() async throws -> AWSCredentials
}
