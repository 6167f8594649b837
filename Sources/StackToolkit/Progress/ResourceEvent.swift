import Foundation

/// One CloudFormation stack event: a resource (or the stack itself) changing status.
///
/// ```swift
/// let event = ResourceEvent(
///   eventID: "e-1", stackName: "Demo", timestamp: Date(), logicalID: "Vpc",
///   resourceType: "AWS::EC2::VPC", status: "CREATE_FAILED", reason: "limit exceeded")
/// event.isFailure  // true
/// ```
public struct ResourceEvent: Sendable, Hashable {
  public var eventID: String
  public var stackName: String
  public var timestamp: Date
  public var logicalID: String
  public var physicalID: String?
  public var resourceType: String
  public var status: String
  public var reason: String?

  public init(
    eventID: String, stackName: String, timestamp: Date, logicalID: String,
    physicalID: String? = nil, resourceType: String, status: String, reason: String? = nil
  ) {
    self.eventID = eventID
    self.stackName = stackName
    self.timestamp = timestamp
    self.logicalID = logicalID
    self.physicalID = physicalID
    self.resourceType = resourceType
    self.status = status
    self.reason = reason
  }

  /// True for the stack's own events (not a resource's).
  public var isStackEvent: Bool {
    resourceType == "AWS::CloudFormation::Stack" && logicalID == stackName
  }

  /// True for a `…_FAILED` status.
  public var isFailure: Bool { status.hasSuffix("_FAILED") }

  /// True for a failure that is a consequence of another one ("Resource creation cancelled",
  /// "The following resource(s) failed to …"), not its cause.
  public var isConsequentialFailure: Bool {
    guard isFailure else { return false }
    let r = (reason ?? "").lowercased()
    return r.contains("resource creation cancelled") || r.contains("resource update cancelled")
      || r.contains("resource deletion cancelled")
      || r.hasPrefix("the following resource(s) failed")
      || r.contains("cancelled because") || isStackEvent
  }
}
