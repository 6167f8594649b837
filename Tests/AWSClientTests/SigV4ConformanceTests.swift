import AWSClient
import Foundation
import Testing

/// The official SigV4 vectors (aws-c-auth's signing test suite, Apache 2.0): every case, header
/// signing and presigning, every stage.
struct SigV4ConformanceTests {
  static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    .appendingPathComponent("sigv4")

  static let caseNames: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return names.filter { name in
      var isDirectory: ObjCBool = false
      let path = root.appendingPathComponent(name).path
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }.sorted()
  }()

  @Test func allThirtyEightCasesArePresent() {
    #expect(Self.caseNames.count == 38)
    #expect(
      FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("LICENSE").path))
    #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("NOTICE").path))
  }

  @Test(arguments: caseNames)
  func headerSigning(_ name: String) throws {
    let vector = try Vector(name)
    try expect(
      vector.signer.signHeaders(vector.request, date: vector.date), matches: vector, "header")
  }

  @Test(arguments: caseNames)
  func presigning(_ name: String) throws {
    let vector = try Vector(name)
    let signed = vector.signer.presign(
      vector.request, date: vector.date, expires: vector.expiration)
    try expect(signed, matches: vector, "query")
  }

  /// Every stage of a signing result against the vector's files of one kind (`header` or
  /// `query`): canonical request, string to sign, signature and the signed request.
  func expect(
    _ signed: SigV4.Signed, matches vector: Vector, _ kind: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    #expect(
      signed.canonicalRequest == vector.text("\(kind)-canonical-request.txt"),
      sourceLocation: sourceLocation)
    #expect(
      signed.stringToSign == vector.text("\(kind)-string-to-sign.txt"),
      sourceLocation: sourceLocation)
    #expect(
      signed.signature == vector.text("\(kind)-signature.txt"), sourceLocation: sourceLocation)
    let expected = try ParsedRequest(vector.text("\(kind)-signed-request.txt"))
    #expect(ParsedRequest(signed.request) == expected, sourceLocation: sourceLocation)
  }

  @Test(arguments: caseNames)
  func stagesComposeToTheSignature(_ name: String) throws {
    let vector = try Vector(name)
    let stringToSign = vector.signer.stringToSign(
      canonicalRequest: vector.text("header-canonical-request.txt"), date: vector.date)
    #expect(stringToSign == vector.text("header-string-to-sign.txt"))
    let key = vector.signer.signingKey(date: vector.date)
    #expect(
      vector.signer.signature(stringToSign: stringToSign, signingKey: key)
        == vector.text("header-signature.txt"))
  }

  /// One vector folder.
  struct Vector {
    let folder: URL
    let signer: SigV4
    let request: SigV4.Request
    let date: Date
    let expiration: Int

    init(_ name: String) throws {
      folder = SigV4ConformanceTests.root.appendingPathComponent(name)
      let context =
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: folder.appendingPathComponent("context.json"))) as! [String: Any]
      let credentials = context["credentials"] as! [String: Any]
      let options = SigV4.Options(
        doubleURIEncode: true,
        normalizePath: context["normalize"] as? Bool ?? true,
        signSessionToken: !(context["omit_session_token"] as? Bool ?? false),
        addContentSHA256Header: context["sign_body"] as? Bool ?? false)
      signer = SigV4(
        credentials: AWSCredentials(
          accessKeyID: credentials["access_key_id"] as! String,
          secretAccessKey: credentials["secret_access_key"] as! String,
          sessionToken: credentials["token"] as? String),
        region: context["region"] as! String, service: context["service"] as! String,
        options: options)
      let formatter = ISO8601DateFormatter()
      date = formatter.date(from: context["timestamp"] as! String)!
      expiration = context["expiration_in_seconds"] as! Int
      let parsed = try ParsedRequest(
        String(
          decoding: Data(contentsOf: folder.appendingPathComponent("request.txt")),
          as: UTF8.self))
      request = SigV4.Request(
        method: parsed.method, path: parsed.path, query: parsed.query,
        headers: parsed.headers.map { SigV4.Request.Header($0.name, $0.value) },
        body: Data(parsed.body.utf8))
    }

    func text(_ file: String) -> String {
      let data = (try? Data(contentsOf: folder.appendingPathComponent(file))) ?? Data()
      var text = String(decoding: data, as: UTF8.self)
      while text.hasSuffix("\n") { text.removeLast() }
      return text
    }
  }

  /// A raw HTTP/1.1 request as the vectors write it: headers compared as a multiset with
  /// case-insensitive names (their relative order is kept for repeated names).
  struct ParsedRequest: Equatable, CustomStringConvertible {
    var method: String
    var path: String
    var query: String
    var headers: [(name: String, value: String)]
    var body: String

    init(_ text: String) throws {
      var lines = text.components(separatedBy: "\n")
      let requestLine = lines.removeFirst()
      let firstSpace = requestLine.firstIndex(of: " ")!
      let lastSpace = requestLine.lastIndex(of: " ")!
      method = String(requestLine[..<firstSpace])
      let target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace])
      if let mark = target.firstIndex(of: "?") {
        path = String(target[..<mark])
        query = String(target[target.index(after: mark)...])
      } else {
        path = target
        query = ""
      }
      headers = []
      while let line = lines.first, !line.isEmpty {
        lines.removeFirst()
        if line.first == " " || line.first == "\t", !headers.isEmpty {
          headers[headers.count - 1].value += "\n" + line
          continue
        }
        let colon = line.firstIndex(of: ":")!
        headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
      }
      if !lines.isEmpty { lines.removeFirst() }
      body = lines.joined(separator: "\n")
      while body.hasSuffix("\n") { body.removeLast() }
    }

    init(_ request: SigV4.Request) {
      method = request.method
      path = request.path
      query = request.query
      headers = request.headers.map { ($0.name, $0.value) }
      body = String(decoding: request.body, as: UTF8.self)
    }

    var normalizedHeaders: [String] {
      let keyed = headers.enumerated().map {
        ($0.element.name.lowercased(), $0.offset, $0.element.value)
      }
      return keyed.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0):\($0.2)" }
    }

    static func == (lhs: ParsedRequest, rhs: ParsedRequest) -> Bool {
      lhs.method == rhs.method && lhs.path == rhs.path && lhs.query == rhs.query
        && lhs.normalizedHeaders == rhs.normalizedHeaders && lhs.body == rhs.body
    }

    var description: String {
      "\(method) \(path)?\(query)\n" + normalizedHeaders.joined(separator: "\n") + "\n\n" + body
    }
  }
}
