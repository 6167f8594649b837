import Foundation

/// Printing a request (`print`, string interpolation, `debugPrint`, `dump`) never shows the
/// session token, the signature or a presigned URL's signing parameters, and shows the body only
/// by its size (a form body may carry parameter values):
///
/// ```swift
/// print(request)
/// // HTTPRequest(POST https://sts.amazonaws.com/, headers: [Authorization: <redacted>, …],
/// //   body: 43 bytes)
/// ```
extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  /// The header fields sorted by name, secret values redacted.
  var redactedHeaders: [String] {
    headers.sorted { $0.key.lowercased() < $1.key.lowercased() }.map {
      "\($0.key): \(Redaction.header($0.key, $0.value))"
    }
  }

  public var description: String {
    var parts = [
      "headers: [\(redactedHeaders.joined(separator: ", "))]", "body: \(body.count) bytes",
    ]
    if let timeout { parts.append("timeout: \(timeout)s") }
    return "HTTPRequest(\(method) \(Redaction.url(url)), \(parts.joined(separator: ", ")))"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "method": method,
        "url": Redaction.url(url),
        "headers": redactedHeaders,
        "body": "\(body.count) bytes",
        "timeout": timeout.map { "\($0)s" } ?? "nil",
      ],
      displayStyle: .struct)
  }
}
