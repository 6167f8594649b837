import AWSClient
import Foundation

/// Waits for a stack operation to end, showing its events on a ``ProgressBoard`` as they come.
///
/// Polls `DescribeStacks` and `DescribeStackEvents` (only the events newer than the last one
/// seen), starting fast and slowing down to `maxInterval`. Cancelling the task stops waiting at
/// once; CloudFormation goes on.
///
/// ```swift
/// let watcher = StackWatcher(cloudFormation: client.cloudFormation, board: board)
/// let result = try await watcher.watch(stack: arn, name: "Demo", after: lastEventID)
/// if let failure = result.firstFailure { print(failure.logicalID, failure.reason ?? "") }
/// ```
public struct StackWatcher: Sendable {
  /// How the operation ended.
  public struct Result: Sendable {
    /// The last status (`DELETE_COMPLETE` when the stack is gone).
    public var status: String
    public var statusReason: String?
    /// The operation's events, oldest first.
    public var events: [ResourceEvent]

    /// The resource whose failure caused the others: the earliest failure that is not a
    /// cancellation or a summary, else the earliest failure.
    public var firstFailure: ResourceEvent? {
      let failures = events.filter { $0.isFailure && !$0.isStackEvent }
      return failures.first { !$0.isConsequentialFailure } ?? failures.first
    }
  }

  public var cloudFormation: CloudFormation
  public var board: ProgressBoard
  /// The first pause between polls; it doubles up to `maxInterval`.
  public var initialInterval: Duration
  public var maxInterval: Duration

  public init(
    cloudFormation: CloudFormation, board: ProgressBoard,
    initialInterval: Duration = .milliseconds(100), maxInterval: Duration = .seconds(2)
  ) {
    self.cloudFormation = cloudFormation
    self.board = board
    self.initialInterval = initialInterval
    self.maxInterval = maxInterval
  }

  /// Waits until the stack's status is terminal. `stack` is the stack's ARN (or its name); `after`
  /// is the newest event ID from before the operation, so only its events are shown.
  public func watch(stack: String, name: String, after: String?) async throws -> Result {
    var lastEventID = after
    var events: [ResourceEvent] = []
    var interval = initialInterval
    while true {
      let described = try await describe(stack)
      let fresh = try await newEvents(stack: stack, name: name, after: &lastEventID)
      events += fresh
      if !fresh.isEmpty { await board.record(fresh) } else { await board.refresh() }
      let status = described?.status ?? "DELETE_COMPLETE"
      if StackStatus.isTerminal(status) && status != "REVIEW_IN_PROGRESS" {
        return Result(status: status, statusReason: described?.reason, events: events)
      }
      try await Task.sleep(for: interval)
      interval = min(interval * 2, maxInterval)
    }
  }

  /// The newest event ID of a stack (nil when it has none or does not exist).
  public func latestEventID(stack: String) async throws -> String? {
    do {
      return try await cloudFormation.describeStackEvents(stackName: stack).events.first?.eventID
    } catch let error as AWSError where error.isStackNotFound {
      return nil
    }
  }

  private func describe(_ stack: String) async throws -> (status: String, reason: String?)? {
    guard let s = try await cloudFormation.describeStack(stack) else { return nil }
    return (s.stackStatus.rawValue, s.stackStatusReason)
  }

  private func newEvents(stack: String, name: String, after lastEventID: inout String?)
    async throws -> [ResourceEvent]
  {
    let raw: [CloudFormation.StackEvent]
    do {
      raw = try await cloudFormation.stackEvents(stackName: stack, after: lastEventID)
    } catch let error as AWSError where error.isStackNotFound {
      return []
    }
    guard let newest = raw.first else { return [] }
    lastEventID = newest.eventID
    return raw.reversed().map { Self.event($0, stackName: name) }
  }

  /// A CloudFormation event as the board shows it.
  static func event(_ e: CloudFormation.StackEvent, stackName: String) -> ResourceEvent {
    ResourceEvent(
      eventID: e.eventID, stackName: stackName, timestamp: e.timestamp ?? Date(),
      logicalID: e.logicalResourceID ?? stackName, physicalID: e.physicalResourceID,
      resourceType: e.resourceType ?? "", status: e.resourceStatus?.rawValue ?? "",
      reason: e.resourceStatusReason)
  }
}
