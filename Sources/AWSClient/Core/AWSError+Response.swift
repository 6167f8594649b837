import Foundation

extension AWSError {
  /// Reads an error response: the Query protocol's `<ErrorResponse><Error>…`, S3's `<Error>…`,
  /// EC2's `<Response><Errors><Error>…`; anything else (an HTML page, an empty body, a HEAD
  /// response) becomes a code derived from the status and the start of the body as message.
  public init(response: HTTPResponse, service: String, operation: String) {
    let headerRequestID =
      response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
    if !response.body.isEmpty, let root = try? XMLNode.parse(response.body),
      let error = root.name == "Error" ? root : root.first(named: "Error"),
      let code = error.string("Code"), !code.isEmpty
    {
      self.init(
        code: code, message: error.string("Message") ?? "",
        requestID: root.string("RequestId") ?? root.string("RequestID")
          ?? error.string("RequestId") ?? headerRequestID,
        statusCode: response.status, service: service, operation: operation,
        type: error.string("Type"))
      bucketRegion = response.header("x-amz-bucket-region")
      return
    }
    self.init(
      code: response.header("x-amz-error-code") ?? Self.code(forStatus: response.status),
      message: response.header("x-amz-error-message") ?? Self.snippet(response),
      requestID: headerRequestID, statusCode: response.status, service: service,
      operation: operation)
    bucketRegion = response.header("x-amz-bucket-region")
  }

  static func code(forStatus status: Int) -> String {
    switch status {
    case 301: return "PermanentRedirect"
    case 400: return "BadRequest"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "NotFound"
    case 429: return "TooManyRequestsException"
    case 500: return "InternalError"
    case 502: return "BadGateway"
    case 503: return "ServiceUnavailable"
    case 504: return "GatewayTimeout"
    default: return "HTTP\(status)"
    }
  }

  /// The body's text without markup, whitespace collapsed, at most 200 characters.
  static func snippet(_ response: HTTPResponse) -> String {
    let text = response.bodyText
    guard !text.isEmpty else {
      return "HTTP \(response.status) with an empty body"
    }
    var plain = ""
    var inTag = false
    for character in text {
      if character == "<" {
        inTag = true
        plain.append(" ")
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        plain.append(character)
      }
    }
    let collapsed = plain.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
      .joined(separator: " ")
    let cut = collapsed.count > 200 ? String(collapsed.prefix(200)) + "…" : collapsed
    return "HTTP \(response.status): " + (cut.isEmpty ? "(no text)" : cut)
  }
}
