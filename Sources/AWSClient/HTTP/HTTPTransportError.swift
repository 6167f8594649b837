import Foundation

/// A request that got no HTTP response: refused, dropped, timed out.
///
/// ```swift
/// throw HTTPTransportError(.connectionLost, url: request.url, message: "reset by peer")
/// ```
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: String, Sendable, Equatable {
    /// The connection could not be made (refused, host not found): the request never left.
    case cannotConnect
    /// The connection dropped after the request may have been sent.
    case connectionLost
    /// No response within the timeout; the request may have been processed.
    case timedOut
    /// Anything else (TLS failure, malformed response …).
    case other
  }

  /// What went wrong.
  public var kind: Kind
  /// The URL the request was for.
  public var url: URL?
  /// The underlying error's text.
  public var message: String

  /// Creates an error.
  public init(_ kind: Kind, url: URL? = nil, message: String = "") {
    self.kind = kind
    self.url = url
    self.message = message
  }

  /// Whether the request certainly did not reach the server (always safe to repeat).
  public var requestNeverSent: Bool { kind == .cannotConnect }

  public var description: String {
    let target = url.map {
      "\($0.scheme ?? "http")://\($0.host ?? "")\($0.port.map { ":\($0)" } ?? "")"
    }
    let what: String
    switch kind {
    case .cannotConnect: what = "could not connect"
    case .connectionLost: what = "the connection was lost"
    case .timedOut: what = "timed out waiting for a response"
    case .other: what = "the request failed"
    }
    var text = what + (target.map { " to \($0)" } ?? "")
    if !message.isEmpty { text += ": \(message)" }
    return text
  }
}
