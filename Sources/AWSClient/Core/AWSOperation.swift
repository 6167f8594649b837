import Foundation

/// One API operation as the client sends it: the service, the name, and whether repeating it is
/// safe.
///
/// The rule for ``isIdempotent``: reads (`Describe*`, `List*`, `Get*`, `Head*`) are; writes are
/// only when repeating them cannot do anything twice — because they carry a client token the
/// service deduplicates on (`CreateChangeSet` with `ClientToken`, `ExecuteChangeSet` and
/// `DeleteStack` with `ClientRequestToken`), or because their effect is the same however often
/// they run (`PutObject` of the same bytes, `DeleteChangeSet`, STS `AssumeRole`, which creates
/// nothing). Non-idempotent operations are retried only when the service certainly did not
/// process them (throttling, a connection that was never made).
///
/// ```swift
/// let op = AWSOperation(service: .cloudFormation, name: "DescribeStacks", isIdempotent: true)
/// ```
public struct AWSOperation: Sendable, Equatable {
  /// The service.
  public var service: AWSService
  /// The operation's name, e.g. `DescribeStacks`.
  public var name: String
  /// Whether repeating it after an unknown outcome is safe.
  public var isIdempotent: Bool
  /// Whether requests are signed (false for `AssumeRoleWithWebIdentity`).
  public var isSigned: Bool

  /// Creates an operation.
  public init(service: AWSService, name: String, isIdempotent: Bool, isSigned: Bool = true) {
    self.service = service
    self.name = name
    self.isIdempotent = isIdempotent
    self.isSigned = isSigned
  }
}
