import Foundation

/// Printing a signer's request or result (`print`, interpolation, `debugPrint`, `dump`) never
/// shows the session token or the signature: they are redacted from the headers, the query and
/// the canonical request. The values themselves stay available to tests and to debugging code.
///
/// ```swift
/// let signed = signer.signHeaders(request, date: Date())
/// print(signed)  // …X-Amz-Security-Token: <redacted>…, signature: <redacted>)
/// ```
extension SigV4.Request: CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  var redactedHeaders: [String] {
    headers.map { "\($0.name): \(Redaction.header($0.name, $0.value))" }
  }

  var redactedTarget: String {
    query.isEmpty ? path : path + "?" + Redaction.query(query)
  }

  public var description: String {
    "SigV4.Request(\(method) \(redactedTarget), headers: [\(redactedHeaders.joined(separator: ", "))], body: \(body.count) bytes)"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "method": method, "target": redactedTarget, "headers": redactedHeaders,
        "body": "\(body.count) bytes",
      ],
      displayStyle: .struct)
  }
}

extension SigV4.Signed: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  public var description: String {
    "SigV4.Signed(request: \(request), canonicalRequest: "
      + "\(Redaction.canonicalRequest(canonicalRequest).debugDescription), "
      + "signature: \(Redaction.marker))"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "request": request,
        "canonicalRequest": Redaction.canonicalRequest(canonicalRequest),
        "stringToSign": stringToSign,
        "signature": Redaction.marker,
      ],
      displayStyle: .struct)
  }
}
