import Foundation

/// One HTTP request, as AWSClient hands it to an ``HTTPTransport``.
///
/// Header names keep the case they were set with; look them up with ``header(_:)``, which ignores
/// case.
///
/// ```swift
/// var request = HTTPRequest(method: "GET", url: URL(string: "https://example.com/")!)
/// request.headers["Accept"] = "application/xml"
/// ```
public struct HTTPRequest: Sendable, Equatable {
  /// The method: `GET`, `PUT`, `POST`, `HEAD`, `DELETE`.
  public var method: String
  /// The full URL, query included.
  public var url: URL
  /// Header fields by name.
  public var headers: [String: String]
  /// The body (empty for none).
  public var body: Data
  /// How long to wait for the response before giving up (nil: the transport's default).
  public var timeout: TimeInterval?

  /// Creates a request.
  public init(
    method: String, url: URL, headers: [String: String] = [:], body: Data = Data(),
    timeout: TimeInterval? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.timeout = timeout
  }

  /// The value of a header field, found without regard to case.
  public func header(_ name: String) -> String? {
    HTTPRequest.lookup(name, in: headers)
  }

  /// The body as UTF-8 text (handy in fake transports: `request.bodyText.contains("Action=...")`).
  public var bodyText: String { String(decoding: body, as: UTF8.self) }

  /// The form fields of an `application/x-www-form-urlencoded` body (e.g. an AWS Query request),
  /// decoded, in order; a repeated name keeps its last value.
  ///
  /// ```swift
  /// if request.formParameters["Action"] == "DescribeStacks" { ... }
  /// ```
  public var formParameters: [String: String] {
    var result: [String: String] = [:]
    for pair in bodyText.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = PercentEncoding.decodeForm(String(parts[0]))
      let value = parts.count > 1 ? PercentEncoding.decodeForm(String(parts[1])) : ""
      result[name] = value
    }
    return result
  }

  static func lookup(_ name: String, in headers: [String: String]) -> String? {
    if let exact = headers[name] { return exact }
    let lowered = name.lowercased()
    return headers.first { $0.key.lowercased() == lowered }?.value
  }
}
