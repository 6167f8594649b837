import Foundation

/// Sends HTTP requests: ``URLSessionTransport`` in production, a scripted fake in tests.
///
/// A transport returns every response it receives, whatever its status; it throws only when no
/// response arrived, preferably an ``HTTPTransportError`` so that retries can tell a connection
/// that was never made (safe to repeat) from one that dropped after the request was sent.
///
/// ```swift
/// struct Canned: HTTPTransport {
///   func send(_ request: HTTPRequest) async throws -> HTTPResponse {
///     HTTPResponse(status: 200, text: "<DescribeStacksResponse/>")
///   }
/// }
/// ```
public protocol HTTPTransport: Sendable {
  /// Sends the request and returns the response, whatever its status.
  func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
