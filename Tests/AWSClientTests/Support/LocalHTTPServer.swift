import AWSClient
import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP/1.1 server over POSIX sockets for tests: bound to 127.0.0.1 on an ephemeral port,
/// one connection at a time, `Connection: close`, stopped by the test (and by itself after
/// `lifetime` seconds at the latest).
final class LocalHTTPServer: @unchecked Sendable {
  /// A request as the server received it (header names lower-cased).
  struct Request: Sendable {
    var method: String
    var target: String
    var headers: [String: String]
    var body: Data

    var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
    var bodyText: String { String(decoding: body, as: UTF8.self) }
    /// Form fields of a URL-encoded body.
    var form: [String: String] {
      HTTPRequest(method: method, url: URL(string: "http://x/")!, body: body).formParameters
    }
  }

  typealias Handler = @Sendable (Request) -> HTTPResponse

  let port: UInt16
  private let socketFD: Int32
  private let handler: Handler
  private let lock = NSLock()
  private var stopped = false
  private var log: [Request] = []
  private let finished = DispatchSemaphore(value: 0)

  /// The base URL, `http://127.0.0.1:<port>`.
  var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

  /// The requests received so far.
  var requests: [Request] { lock.withLock { log } }

  init(lifetime: TimeInterval = 60, handler: @escaping Handler) throws {
    self.handler = handler
    let (fd, boundPort) = try LocalPort.bindLoopback(reuseAddress: true)
    guard listen(fd, 16) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    socketFD = fd
    port = boundPort
    let deadline = Date().addingTimeInterval(lifetime)
    let thread = Thread { [self] in
      acceptLoop(until: deadline)
      finished.signal()
    }
    thread.start()
  }

  deinit { stop() }

  /// Stops accepting and closes the listening socket.
  func stop() {
    let wasStopped = lock.withLock {
      let was = stopped
      stopped = true
      return was
    }
    guard !wasStopped else { return }
    finished.wait()
    close(socketFD)
  }

  private var isStopped: Bool { lock.withLock { stopped } }

  private func acceptLoop(until deadline: Date) {
    while !isStopped && Date() < deadline {
      var descriptor = pollfd(fd: socketFD, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, 50) > 0 else { continue }
      let client = accept(socketFD, nil, nil)
      guard client >= 0 else { continue }
      var timeout = timeval(tv_sec: 5, tv_usec: 0)
      setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      serve(client)
      close(client)
    }
  }

  private func serve(_ client: Int32) {
    var buffer = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 65536)
    func readMore() -> Bool {
      let count = recv(client, &chunk, chunk.count, 0)
      guard count > 0 else { return false }
      buffer += chunk[0..<count]
      return true
    }
    let separator: [UInt8] = [13, 10, 13, 10]
    var headerEnd: Int?
    while headerEnd == nil {
      if let range = find(separator, in: buffer) {
        headerEnd = range
        break
      }
      guard readMore() else { return }
    }
    let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count >= 2 else { return }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    if headers["expect"]?.lowercased() == "100-continue" {
      write(client, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }
    let bodyStart = headerEnd! + 4
    let length = Int(headers["content-length"] ?? "0") ?? 0
    while buffer.count - bodyStart < length {
      guard readMore() else { break }
    }
    let body = Data(buffer[bodyStart..<min(buffer.count, bodyStart + length)])
    let request = Request(
      method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
      body: body)
    lock.withLock { log.append(request) }
    let response = handler(request)
    var text = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
    var responseHeaders = response.headers
    responseHeaders["Content-Length"] = String(response.body.count)
    responseHeaders["Connection"] = "close"
    for (name, value) in responseHeaders { text += "\(name): \(value)\r\n" }
    text += "\r\n"
    var bytes = Array(text.utf8)
    if request.method != "HEAD" { bytes += response.body }
    write(client, bytes)
  }

  private func write(_ client: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes {
        send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard sent > 0 else { return }
      offset += sent
    }
  }

  private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<start + needle.count].elementsEqual(needle) {
      return start
    }
    return nil
  }

  private func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 400: return "Bad Request"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 500: return "Internal Server Error"
    default: return "Status"
    }
  }
}
