import Foundation

/// AWS Signature Version 4: signs requests with an `Authorization` header, or presigns them with
/// the signature in the query string.
///
/// The stages are the ones the AWS documentation names —
/// ``canonicalRequest(_:signedHeaders:payloadHash:)``, ``stringToSign(canonicalRequest:date:)``,
/// ``signingKey(date:)``, ``signature(stringToSign:signingKey:)`` — and the date is always a
/// parameter, so the official test vectors run as they are.
///
/// ```swift
/// let signer = SigV4(credentials: credentials, region: "us-east-1", service: "cloudformation")
/// let signed = signer.sign(request, date: Date())          // adds X-Amz-Date, Authorization …
/// let url = signer.presign(request, date: Date(), expires: 900)  // a shareable URL
/// ```
public struct SigV4: Sendable {
  /// The algorithm name in the `Authorization` header and the string to sign.
  public static let algorithm = "AWS4-HMAC-SHA256"
  /// The payload hash S3 accepts for bodies that are not signed.
  public static let unsignedPayload = "UNSIGNED-PAYLOAD"

  /// Signing choices that differ between services.
  public struct Options: Sendable, Equatable {
    /// Encode the (already encoded) path once more: every service but S3.
    public var doubleURIEncode: Bool
    /// Remove `.`/`..` segments and repeated slashes from the path: every service but S3.
    public var normalizePath: Bool
    /// Sign `X-Amz-Security-Token`; when false it is added after signing (some services want
    /// that).
    public var signSessionToken: Bool
    /// Add and sign `x-amz-content-sha256` (S3 requires it).
    public var addContentSHA256Header: Bool
    /// Sign `UNSIGNED-PAYLOAD` instead of the body's hash.
    public var unsignedPayload: Bool

    /// Creates options; the defaults suit every service but S3.
    public init(
      doubleURIEncode: Bool = true, normalizePath: Bool = true, signSessionToken: Bool = true,
      addContentSHA256Header: Bool = false, unsignedPayload: Bool = false
    ) {
      self.doubleURIEncode = doubleURIEncode
      self.normalizePath = normalizePath
      self.signSessionToken = signSessionToken
      self.addContentSHA256Header = addContentSHA256Header
      self.unsignedPayload = unsignedPayload
    }

    /// The options S3 needs: the path as it is, `x-amz-content-sha256` signed.
    public static let s3 = Options(
      doubleURIEncode: false, normalizePath: false, addContentSHA256Header: true)
  }

  /// A request in the signer's terms: the path and query as they go on the wire, and header fields
  /// in order, repeated names allowed.
  public struct Request: Sendable, Equatable {
    /// The method.
    public var method: String
    /// The path as sent (percent-encoded, or raw as in the test vectors).
    public var path: String
    /// The query string as sent, without `?` (empty for none).
    public var query: String
    /// Header fields in order.
    public var headers: [Header]
    /// The body.
    public var body: Data

    /// One header field.
    public struct Header: Sendable, Equatable {
      public var name: String
      public var value: String
      public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
      }
    }

    /// Creates a request.
    public init(
      method: String, path: String, query: String = "", headers: [Header] = [], body: Data = Data()
    ) {
      self.method = method
      self.path = path
      self.query = query
      self.headers = headers
      self.body = body
    }
  }

  /// A signed request and the intermediate results, for tests and debugging.
  public struct Signed: Sendable, Equatable {
    /// The request with the signing headers (or query parameters) added.
    public var request: Request
    /// The canonical request that was hashed.
    public var canonicalRequest: String
    /// The string that was signed.
    public var stringToSign: String
    /// The signature, lowercase hex.
    public var signature: String
  }

  /// The credentials to sign with.
  public var credentials: AWSCredentials
  /// The region, e.g. `us-east-1`.
  public var region: String
  /// The signing name of the service, e.g. `cloudformation`, `s3`, `sts`.
  public var service: String
  /// Service-specific choices.
  public var options: Options

  /// Creates a signer.
  public init(
    credentials: AWSCredentials, region: String, service: String, options: Options = Options()
  ) {
    self.credentials = credentials
    self.region = region
    self.service = service
    self.options = options
  }

  // MARK: - The stages

  /// The canonical request: method, canonical URI, canonical query, canonical headers, signed
  /// header names and payload hash, one per line.
  public func canonicalRequest(
    _ request: Request, signedHeaders: [Request.Header], payloadHash: String
  ) -> String {
    let (canonicalHeaders, signedNames) = Self.canonicalHeaders(signedHeaders)
    return [
      request.method.uppercased(),
      canonicalURI(request.path),
      Self.canonicalQuery(request.query),
      canonicalHeaders,
      signedNames,
      payloadHash,
    ].joined(separator: "\n")
  }

  /// The string to sign: algorithm, timestamp, credential scope and the canonical request's hash.
  public func stringToSign(canonicalRequest: String, date: Date) -> String {
    [
      Self.algorithm,
      Timestamp.amzDate(date),
      credentialScope(date: date),
      Crypto.sha256Hex(canonicalRequest),
    ].joined(separator: "\n")
  }

  /// The signing key: the secret, HMAC'd with the date, region, service and `aws4_request`.
  public func signingKey(date: Date) -> [UInt8] {
    var key = Crypto.hmacSHA256(
      key: Array("AWS4\(credentials.secretAccessKey)".utf8), message: Timestamp.dateStamp(date))
    key = Crypto.hmacSHA256(key: key, message: region)
    key = Crypto.hmacSHA256(key: key, message: service)
    return Crypto.hmacSHA256(key: key, message: "aws4_request")
  }

  /// The signature: the string to sign HMAC'd with the signing key, as lowercase hex.
  public func signature(stringToSign: String, signingKey: [UInt8]) -> String {
    Crypto.hex(Crypto.hmacSHA256(key: signingKey, message: stringToSign))
  }

  /// `20150830/us-east-1/service/aws4_request`.
  public func credentialScope(date: Date) -> String {
    "\(Timestamp.dateStamp(date))/\(region)/\(service)/aws4_request"
  }

  // MARK: - Signing

  /// Signs with an `Authorization` header: adds `X-Amz-Date`, `X-Amz-Security-Token` (temporary
  /// credentials), `x-amz-content-sha256` (when the options say so) and `Authorization`.
  public func signHeaders(_ request: Request, date: Date) -> Signed {
    let payloadHash = self.payloadHash(request.body)
    var headers = request.headers.filter {
      let name = $0.name.lowercased()
      return name != "authorization" && name != "x-amz-date"
        && name != "x-amz-security-token" && name != "x-amz-content-sha256"
    }
    var added: [Request.Header] = []
    var unsigned: [Request.Header] = []
    if let token = credentials.sessionToken {
      if options.signSessionToken {
        added.append(.init("X-Amz-Security-Token", token))
      } else {
        unsigned.append(.init("X-Amz-Security-Token", token))
      }
    }
    added.append(.init("X-Amz-Date", Timestamp.amzDate(date)))
    if options.addContentSHA256Header {
      added.append(.init("x-amz-content-sha256", payloadHash))
    }
    headers += added
    let toSign = headers.filter { !Self.isUnsignable($0.name) }
    let canonical = canonicalRequest(request, signedHeaders: toSign, payloadHash: payloadHash)
    let stringToSign = self.stringToSign(canonicalRequest: canonical, date: date)
    let signature = self.signature(stringToSign: stringToSign, signingKey: signingKey(date: date))
    let signedNames = Self.canonicalHeaders(toSign).signedNames
    let authorization =
      "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(credentialScope(date: date)), "
      + "SignedHeaders=\(signedNames), Signature=\(signature)"
    var signed = request
    signed.headers = Array(headers.prefix(headers.count - added.count)) + unsigned + added
    signed.headers.append(.init("Authorization", authorization))
    return Signed(
      request: signed, canonicalRequest: canonical, stringToSign: stringToSign,
      signature: signature)
  }

  /// Presigns: adds `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-SignedHeaders`,
  /// `X-Amz-Expires`, `X-Amz-Security-Token` and `X-Amz-Signature` to the query; signs the headers
  /// the request has (at least `Host`).
  public func presign(_ request: Request, date: Date, expires: Int) -> Signed {
    let payloadHash = self.payloadHash(request.body)
    let toSign = request.headers.filter { !Self.isUnsignable($0.name) }
    let signedNames = Self.canonicalHeaders(toSign).signedNames
    var signingParameters: [(String, String)] = [
      ("X-Amz-Algorithm", Self.algorithm),
      ("X-Amz-Credential", "\(credentials.accessKeyID)/\(credentialScope(date: date))"),
      ("X-Amz-Date", Timestamp.amzDate(date)),
      ("X-Amz-SignedHeaders", signedNames),
      ("X-Amz-Expires", String(expires)),
    ]
    var afterSigning: [(String, String)] = []
    if let token = credentials.sessionToken {
      if options.signSessionToken {
        signingParameters.append(("X-Amz-Security-Token", token))
      } else {
        afterSigning.append(("X-Amz-Security-Token", token))
      }
    }
    let encoded = signingParameters.map {
      "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))"
    }
    var toCanonicalize = request
    toCanonicalize.query = ([request.query].filter { !$0.isEmpty } + encoded).joined(separator: "&")
    let canonical = canonicalRequest(
      toCanonicalize, signedHeaders: toSign, payloadHash: payloadHash)
    let stringToSign = self.stringToSign(canonicalRequest: canonical, date: date)
    let signature = self.signature(stringToSign: stringToSign, signingKey: signingKey(date: date))
    let final = (signingParameters + afterSigning + [("X-Amz-Signature", signature)]).map {
      "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))"
    }
    var signed = request
    signed.query = ([request.query].filter { !$0.isEmpty } + final).joined(separator: "&")
    return Signed(
      request: signed, canonicalRequest: canonical, stringToSign: stringToSign,
      signature: signature)
  }

  /// Signs an ``HTTPRequest`` with an `Authorization` header (a `Host` header is added from the URL
  /// when missing).
  public func sign(_ request: HTTPRequest, date: Date) -> HTTPRequest {
    let signed = signHeaders(Self.signerRequest(request), date: date)
    var result = request
    result.headers = result.headers.filter {
      !Self.addedHeaderNames.contains($0.key.lowercased())
    }
    for header in signed.request.headers
    where Self.addedHeaderNames.contains(header.name.lowercased()) {
      result.headers[header.name] = header.value
    }
    if HTTPRequest.lookup("host", in: result.headers) == nil {
      result.headers["Host"] = Self.hostHeader(request.url)
    }
    return result
  }

  /// A presigned URL for the request, valid for `expires` seconds from `date`. Only `Host` is
  /// signed; for S3 the payload is `UNSIGNED-PAYLOAD`, as S3 expects of presigned URLs.
  public func presign(_ request: HTTPRequest, date: Date, expires: Int) -> URL {
    var signerRequest = Self.signerRequest(request)
    signerRequest.headers = signerRequest.headers.filter { $0.name.lowercased() == "host" }
    var signer = self
    if service == "s3" { signer.options.unsignedPayload = true }
    let signed = signer.presign(signerRequest, date: date, expires: expires)
    var components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)!
    components.percentEncodedQuery = signed.request.query
    return components.url!
  }

  // MARK: - Canonical parts

  /// The canonical URI: normalized (unless the options say not to) and URI-encoded.
  public func canonicalURI(_ path: String) -> String {
    var result = path.isEmpty ? "/" : path
    if options.normalizePath { result = Self.normalize(result) }
    if options.doubleURIEncode { result = PercentEncoding.encode(result, keepSlash: true) }
    return result
  }

  /// The canonical query string: each name and value decoded and re-encoded, sorted by name then
  /// value.
  public static func canonicalQuery(_ query: String) -> String {
    guard !query.isEmpty else { return "" }
    var pairs: [(String, String)] = []
    for item in query.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = PercentEncoding.encode(PercentEncoding.decode(parts[0]))
      let value = parts.count > 1 ? PercentEncoding.encode(PercentEncoding.decode(parts[1])) : ""
      pairs.append((name, value))
    }
    pairs.sort { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
    return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
  }

  /// The canonical headers block (each `name:value` line ending in a newline) and the signed
  /// header names (`host;x-amz-date`).
  public static func canonicalHeaders(_ headers: [Request.Header]) -> (
    canonical: String, signedNames: String
  ) {
    var byName: [String: [String]] = [:]
    for header in headers {
      byName[header.name.lowercased(), default: []].append(trimAll(header.value))
    }
    let names = byName.keys.sorted()
    let lines = names.map { "\($0):\(byName[$0]!.joined(separator: ","))\n" }
    return (lines.joined(), names.joined(separator: ";"))
  }

  // MARK: - Helpers

  func payloadHash(_ body: Data) -> String {
    options.unsignedPayload ? Self.unsignedPayload : Crypto.sha256Hex(body)
  }

  private static let addedHeaderNames: Set<String> = [
    "authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256",
  ]

  /// Headers that proxies and clients change or drop, so they are never signed.
  static func isUnsignable(_ name: String) -> Bool {
    switch name.lowercased() {
    case "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection",
      "transfer-encoding":
      return true
    default:
      return false
    }
  }

  /// Trims the value and collapses each run of whitespace to one space.
  static func trimAll(_ value: String) -> String {
    var out = ""
    var pendingSpace = false
    for character in value {
      if character.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(character)
      }
    }
    return out
  }

  /// Removes `.` and `..` segments and empty segments, keeping a trailing slash.
  static func normalize(_ path: String) -> String {
    var segments: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      if segment == "." { continue }
      if segment == ".." {
        if !segments.isEmpty { segments.removeLast() }
        continue
      }
      segments.append(segment)
    }
    var result = "/" + segments.joined(separator: "/")
    if path.hasSuffix("/") && result != "/" { result += "/" }
    return result
  }

  /// `host` or `host:port` when the port is not the scheme's default.
  static func hostHeader(_ url: URL) -> String {
    let host = url.host ?? ""
    guard let port = url.port else { return host }
    let scheme = url.scheme?.lowercased()
    if (scheme == "https" && port == 443) || (scheme == "http" && port == 80) { return host }
    return "\(host):\(port)"
  }

  /// The signer's view of an ``HTTPRequest``: its wire path and query, its headers plus `Host`.
  static func signerRequest(_ request: HTTPRequest) -> Request {
    let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
    let path = components?.percentEncodedPath ?? "/"
    let query = components?.percentEncodedQuery ?? ""
    var headers = request.headers.sorted { $0.key < $1.key }.map {
      Request.Header($0.key, $0.value)
    }
    if !headers.contains(where: { $0.name.lowercased() == "host" }) {
      headers.insert(.init("Host", hostHeader(request.url)), at: 0)
    }
    return Request(
      method: request.method, path: path.isEmpty ? "/" : path, query: query, headers: headers,
      body: request.body)
  }
}
