import Foundation

/// An access key pair, with the session token of temporary credentials and when they expire.
///
/// Its `description`, `debugDescription` and reflection (`dump`) never show the secret access key
/// or the session token, and show only the last four characters of the access key ID:
///
/// ```swift
/// let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJal…")
/// print(credentials)  // AWSCredentials(accessKeyID: *******MPLE, secretAccessKey: <redacted>)
/// ```
public struct AWSCredentials: Sendable, Equatable {
  /// The access key ID (`AKIA…` or `ASIA…`).
  public var accessKeyID: String
  /// The secret access key. Never printed.
  public var secretAccessKey: String
  /// The session token of temporary credentials. Never printed.
  public var sessionToken: String?
  /// When temporary credentials stop working (nil: they do not expire).
  public var expiration: Date?
  /// Where they came from, for messages: `"environment"`, `"profile dev (~/.aws/credentials)"` …
  public var source: String?

  /// Creates credentials.
  public init(
    accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil,
    expiration: Date? = nil, source: String? = nil
  ) {
    self.accessKeyID = accessKeyID
    self.secretAccessKey = secretAccessKey
    self.sessionToken = sessionToken
    self.expiration = expiration
    self.source = source
  }

  /// Whether they have expired at `date` (or will within `margin` seconds of it).
  public func isExpired(at date: Date, margin: TimeInterval = 0) -> Bool {
    guard let expiration else { return false }
    return expiration.timeIntervalSince(date) <= margin
  }

  /// The access key ID with all but its last four characters masked, as `aws configure list`
  /// shows it.
  public var maskedAccessKeyID: String {
    let visible = accessKeyID.suffix(4)
    return String(repeating: "*", count: max(accessKeyID.count - visible.count, 0)) + visible
  }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String {
    var parts = ["accessKeyID: \(maskedAccessKeyID)", "secretAccessKey: <redacted>"]
    if sessionToken != nil { parts.append("sessionToken: <redacted>") }
    if let expiration { parts.append("expiration: \(Timestamp.iso8601(expiration))") }
    if let source { parts.append("source: \(source)") }
    return "AWSCredentials(\(parts.joined(separator: ", ")))"
  }

  public var debugDescription: String { description }
}

extension AWSCredentials: CustomReflectable {
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "accessKeyID": maskedAccessKeyID,
        "secretAccessKey": "<redacted>",
        "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
        "expiration": expiration.map(Timestamp.iso8601) ?? "nil",
        "source": source ?? "nil",
      ],
      displayStyle: .struct)
  }
}
