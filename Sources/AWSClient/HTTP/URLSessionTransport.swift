import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An ``HTTPTransport`` over Foundation's `URLSession`, with timeouts.
///
/// ```swift
/// let transport = URLSessionTransport(timeout: 30)
/// let response = try await transport.send(HTTPRequest(method: "GET", url: url))
/// ```
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
  // `URLSession` is thread-safe; nothing else here is mutable.
  private let session: URLSession
  /// Seconds to wait for a response when the request names no timeout.
  public let timeout: TimeInterval

  /// Creates a transport whose requests time out after `timeout` seconds unless they say otherwise.
  public init(timeout: TimeInterval = 60) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = max(timeout, 600)
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    self.session = URLSession(configuration: configuration)
    self.timeout = timeout
  }

  deinit { session.finishTasksAndInvalidate() }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    var urlRequest = URLRequest(url: request.url)
    urlRequest.httpMethod = request.method
    urlRequest.timeoutInterval = request.timeout ?? timeout
    for (name, value) in request.headers {
      // URLSession writes these itself (from the URL and the body).
      let lowered = name.lowercased()
      if lowered == "host" || lowered == "content-length" { continue }
      urlRequest.setValue(value, forHTTPHeaderField: name)
    }
    if !request.body.isEmpty || request.method == "PUT" || request.method == "POST" {
      urlRequest.httpBody = request.body
    }
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await session.data(for: urlRequest)
    } catch let error as URLError {
      throw HTTPTransportError(
        Self.kind(of: error), url: request.url, message: error.localizedDescription)
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw HTTPTransportError(.other, url: request.url, message: "\(error)")
    }
    guard let http = response as? HTTPURLResponse else {
      throw HTTPTransportError(.other, url: request.url, message: "not an HTTP response")
    }
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      headers["\(name)"] = "\(value)"
    }
    return HTTPResponse(status: http.statusCode, headers: headers, body: data)
  }

  static func kind(of error: URLError) -> HTTPTransportError.Kind {
    switch error.code {
    case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
      return .cannotConnect
    case .networkConnectionLost, .badServerResponse, .cannotParseResponse,
      .zeroByteResource:
      return .connectionLost
    case .timedOut:
      return .timedOut
    default:
      return .other
    }
  }
}
