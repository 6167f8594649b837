import Foundation

/// Hides what must never be printed from descriptions: the values of the `Authorization` and
/// `X-Amz-Security-Token` headers, of the signing parameters of a presigned URL's query
/// (`X-Amz-Security-Token`, `X-Amz-Signature`, `X-Amz-Credential`), and of settings (environment
/// variables, profile keys) named like secrets.
///
/// ```swift
/// Redaction.header("Authorization", "AWS4-HMAC-SHA256 Credential=…")  // "<redacted>"
/// Redaction.query("a=1&X-Amz-Signature=abc")  // "a=1&X-Amz-Signature=<redacted>"
/// Redaction.settings(["AWS_SESSION_TOKEN": "IQo…"])  // ["AWS_SESSION_TOKEN: <redacted>"]
/// ```
enum Redaction {
  /// What stands in for a hidden value.
  static let marker = "<redacted>"

  /// Header names (lower-cased) whose values are secret or let the request be replayed.
  static let secretHeaders: Set<String> = ["authorization", "x-amz-security-token"]

  /// Query parameter names (lower-cased) of presigned URLs whose values are hidden.
  static let secretQueryNames: Set<String> = [
    "x-amz-security-token", "x-amz-signature", "x-amz-credential",
  ]

  /// A header's value as it may be printed.
  static func header(_ name: String, _ value: String) -> String {
    secretHeaders.contains(name.lowercased()) ? marker : value
  }

  /// A query string (without `?`) as it may be printed.
  static func query(_ query: some StringProtocol) -> String {
    query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = PercentEncoding.decode(parts[0]).lowercased()
      return secretQueryNames.contains(name) ? "\(parts[0])=\(marker)" : String(pair)
    }.joined(separator: "&")
  }

  /// A URL as it may be printed: its query redacted.
  static func url(_ url: URL) -> String {
    let text = url.absoluteString
    guard let mark = text.firstIndex(of: "?") else { return text }
    let rest = text[text.index(after: mark)...]
    let fragment = rest.firstIndex(of: "#")
    let query = rest[..<(fragment ?? rest.endIndex)]
    return text[...mark] + self.query(query) + rest[(fragment ?? rest.endIndex)...]
  }

  /// A canonical request (SigV4) as it may be printed: its query line and the values of secret
  /// headers redacted.
  static func canonicalRequest(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.count > 2 { lines[2] = query(lines[2]) }
    for i in lines.indices {
      guard let colon = lines[i].firstIndex(of: ":") else { continue }
      if secretHeaders.contains(String(lines[i][..<colon]).lowercased()) {
        lines[i] = lines[i][...colon] + marker
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Whether a setting (an environment variable or a profile key) holds a secret:
  /// `AWS_SECRET_ACCESS_KEY`, `aws_session_token`, `AWS_CONTAINER_AUTHORIZATION_TOKEN`, any other
  /// name with "secret", "token", "password" or "passphrase" in it, but not a `…_FILE` path.
  static func isSecretSetting(_ name: String) -> Bool {
    let lowered = name.lowercased()
    if lowered.hasSuffix("_file") { return false }
    return ["secret", "token", "password", "passphrase"].contains { lowered.contains($0) }
  }

  /// Settings sorted by name as `name: value` lines, secret values redacted.
  static func settings(_ values: [String: String]) -> [String] {
    values.sorted { $0.key < $1.key }.map {
      "\($0.key): \(isSecretSetting($0.key) ? marker : $0.value)"
    }
  }
}
