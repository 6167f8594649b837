import Foundation

/// Caches another provider's credentials and refreshes them before they expire (by default 5
/// minutes early). Concurrent callers share one refresh.
///
/// If a refresh fails while the cached credentials are still valid, those are used until they
/// expire.
///
/// ```swift
/// let context = try CredentialProviderContext(environment: .current())
/// let provider = CachingCredentialProvider(
///   CredentialProviderChain.default(profile: nil, context: context))
/// let credentials = try await provider.credentials()
/// ```
public actor CachingCredentialProvider: AWSCredentialProvider {
  private let base: any AWSCredentialProvider
  private let refreshMargin: TimeInterval
  private let now: @Sendable () -> Date
  private var cached: AWSCredentials?
  private var refreshing: Task<AWSCredentials, any Error>?

  /// Wraps `base`; credentials are refreshed `refreshMargin` seconds before they expire.
  public init(
    _ base: any AWSCredentialProvider, refreshMargin: TimeInterval = 300,
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.base = base
    self.refreshMargin = refreshMargin
    self.now = now
  }

  public func credentials() async throws -> AWSCredentials {
    if let cached, !cached.isExpired(at: now(), margin: refreshMargin) { return cached }
    let task: Task<AWSCredentials, any Error>
    if let refreshing {
      task = refreshing
    } else {
      let base = self.base
      task = Task { try await base.credentials() }
      refreshing = task
    }
    do {
      let fresh = try await task.value
      if refreshing == task { refreshing = nil }
      cached = fresh
      return fresh
    } catch {
      if refreshing == task { refreshing = nil }
      if let cached, !cached.isExpired(at: now()) { return cached }
      throw error
    }
  }

  /// Forgets the cached credentials, so the next call fetches new ones.
  public func invalidate() {
    cached = nil
  }
}
