import Foundation

/// An error an AWS service returned: its code, message and request ID.
///
/// ```swift
/// do { try await cloudFormation.deleteChangeSet(...) }
/// catch let error as AWSError where error.code == "ChangeSetNotFound" { ... }
/// ```
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The service's error code (`ValidationError`, `Throttling`, `NoSuchKey` …), or `HTTP <status>`
  /// when the response carried none (an HTML page, an empty body, a HEAD response).
  public var code: String
  /// The service's message (or the start of the body when it was not an AWS error document).
  public var message: String
  /// The request ID AWS support asks for.
  public var requestID: String?
  /// The HTTP status.
  public var statusCode: Int
  /// The service, e.g. `CloudFormation`.
  public var service: String
  /// The operation, e.g. `DescribeStacks`.
  public var operation: String
  /// `Sender` or `Receiver` when the service said.
  public var type: String?
  /// How many attempts were made before giving up.
  public var attempts: Int
  /// S3's `x-amz-bucket-region` header, when present (redirects to a bucket's region).
  public var bucketRegion: String?

  /// Creates an error.
  public init(
    code: String, message: String, requestID: String? = nil, statusCode: Int,
    service: String = "", operation: String = "", type: String? = nil, attempts: Int = 1
  ) {
    self.code = code
    self.message = message
    self.requestID = requestID
    self.statusCode = statusCode
    self.service = service
    self.operation = operation
    self.type = type
    self.attempts = attempts
  }

  /// The codes AWS uses to say "slow down"; such requests were not processed, so repeating them
  /// is always safe.
  public static let throttlingCodes: Set<String> = [
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException",
    "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
    "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    "EC2ThrottledException",
  ]

  /// Codes of transient server-side failures (retried only when the operation is idempotent).
  public static let transientCodes: Set<String> = [
    "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
    "ServiceUnavailable", "ServiceUnavailableException",
  ]

  /// Whether the service asked to slow down.
  public var isThrottling: Bool {
    Self.throttlingCodes.contains(code) || statusCode == 429
  }

  /// Whether the failure is on the server's side and may go away (5xx or a transient code).
  public var isTransient: Bool {
    statusCode >= 500 || Self.transientCodes.contains(code)
  }

  /// Whether the credentials were rejected as expired.
  public var isExpiredCredentials: Bool {
    ["ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired"]
      .contains(code)
  }

  public var description: String {
    var text = ""
    if !service.isEmpty || !operation.isEmpty {
      text += "\(service) \(operation) failed: ".replacingOccurrences(of: "  ", with: " ")
    }
    text += "\(code): \(message.isEmpty ? "(no message)" : message)"
    var details = ["HTTP \(statusCode)"]
    if let requestID, !requestID.isEmpty { details.append("request ID \(requestID)") }
    if attempts > 1 { details.append("after \(attempts) attempts") }
    text += " (\(details.joined(separator: ", ")))"
    if let hint { text += "\n\(hint)" }
    return text
  }

  /// What to do about the common failures.
  var hint: String? {
    switch code {
    case "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId":
      return "The access key ID is not valid: check the credentials in use (`aws configure list`)."
    case "SignatureDoesNotMatch":
      return
        "The request signature was rejected: check that the secret access key belongs to the "
        + "access key ID, and that the system clock is right."
    case "ExpiredToken", "ExpiredTokenException", "RequestExpired":
      return "The credentials have expired: refresh them (e.g. `aws sso login`, or a new session)."
    case "AccessDenied", "AccessDeniedException", "Forbidden":
      return "The identity in use lacks permission for \(operation); check its IAM policies."
    default:
      if isThrottling { return "AWS is throttling these requests; try again in a moment." }
      return nil
    }
  }
}
