import Foundation

/// One HTTP response, as an ``HTTPTransport`` returns it.
///
/// ```swift
/// let response = HTTPResponse(
///   status: 200, headers: ["x-amzn-RequestId": "r-1"], body: Data(xml.utf8))
/// ```
public struct HTTPResponse: Sendable, Equatable {
  /// The status code.
  public var status: Int
  /// Header fields by name.
  public var headers: [String: String]
  /// The body (empty for none).
  public var body: Data

  /// Creates a response.
  public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// Creates a response with a UTF-8 text body.
  public init(status: Int, headers: [String: String] = [:], text: String) {
    self.init(status: status, headers: headers, body: Data(text.utf8))
  }

  /// The value of a header field, found without regard to case.
  public func header(_ name: String) -> String? {
    HTTPRequest.lookup(name, in: headers)
  }

  /// The body as UTF-8 text.
  public var bodyText: String { String(decoding: body, as: UTF8.self) }

  /// Whether the status is 2xx.
  public var isSuccess: Bool { (200..<300).contains(status) }
}
