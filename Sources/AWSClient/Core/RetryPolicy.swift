import Foundation

/// How failed requests are retried: a bounded number of attempts with exponential backoff and full
/// jitter (each wait is random between 0 and `min(maxDelay, baseDelay × 2^retry)`).
///
/// What is retried:
/// - throttling errors (`Throttling`, `ThrottlingException`, `RequestLimitExceeded`,
///   `TooManyRequestsException`, `SlowDown`, HTTP 429 …) and connections that could not be made:
///   always, because the service did not process the request;
/// - 5xx responses, transient codes (`RequestTimeout`, `InternalError` …), dropped connections and
///   timeouts: only when the operation is idempotent (``AWSOperation/isIdempotent``), because the
///   first attempt may have taken effect;
/// - anything else (4xx): never.
///
/// The random source and the sleep are injectable, so tests run without waiting:
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 3, random: { 0.5 }, sleep: { _ in })
/// ```
public struct RetryPolicy: Sendable {
  /// Attempts in all, the first included (1: no retries).
  public var maxAttempts: Int
  /// The backoff's base, in seconds.
  public var baseDelay: TimeInterval
  /// The cap on one wait, in seconds.
  public var maxDelay: TimeInterval
  /// A random number in `0..<1`.
  public var random: @Sendable () -> Double
  /// Waits the given number of seconds.
  public var sleep: @Sendable (TimeInterval) async throws -> Void

  /// Creates a policy (defaults: 5 attempts, base 0.5 s, cap 20 s).
  public init(
    maxAttempts: Int = 5, baseDelay: TimeInterval = 0.5, maxDelay: TimeInterval = 20,
    random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
    sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { seconds in
      try await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1_000_000_000))
    }
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.random = random
    self.sleep = sleep
  }

  /// No retries.
  public static let none = RetryPolicy(maxAttempts: 1)

  /// The wait before retry number `retry` (0 for the first retry): full jitter.
  public func delay(beforeRetry retry: Int) -> TimeInterval {
    let ceiling = min(maxDelay, baseDelay * pow(2, Double(min(retry, 30))))
    return random() * ceiling
  }

  /// Whether a service error is worth another attempt.
  public func shouldRetry(_ error: AWSError, idempotent: Bool) -> Bool {
    if error.isThrottling { return true }
    return idempotent && error.isTransient
  }

  /// Whether a request that got no response is worth another attempt.
  public func shouldRetry(_ error: HTTPTransportError, idempotent: Bool) -> Bool {
    switch error.kind {
    case .cannotConnect: return true
    case .connectionLost, .timedOut: return idempotent
    case .other: return false
    }
  }
}
