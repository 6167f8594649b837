import AWSClient
import Foundation
import StackKit

/// Deletes one stack, follows the deletion, lists the resources kept by their `DeletionPolicy`,
/// and explains a `DELETE_FAILED` with the resources that blocked it.
///
/// ```swift
/// let result = try await StackDestroyer(stack: stack, context: context).destroy()
/// for kept in result.retained { print(kept.logicalID, kept.physicalID ?? "") }
/// ```
public struct StackDestroyer: Sendable {
  /// A resource left in place.
  public struct Retained: Sendable, Hashable {
    public var logicalID: String
    public var resourceType: String
    public var physicalID: String?
    /// `Retain`, `RetainExceptOnCreate`, `Snapshot` (deleted, a snapshot kept), or `asked`
    /// (named with `--retain`).
    public var policy: String
  }

  public struct Result: Sendable {
    public var stackName: String
    /// False when there was no such stack.
    public var deleted: Bool
    public var retained: [Retained]
  }

  public struct Context: Sendable {
    public var session: AWSSession
    public var board: ProgressBoard
    public var terminal: any Terminal
    /// Logical IDs to keep when deleting a stack in DELETE_FAILED.
    public var retain: [String]
    public var initialPollInterval: Duration
    public var maxPollInterval: Duration
    public var now: @Sendable () -> Date

    public init(
      session: AWSSession, board: ProgressBoard, terminal: any Terminal, retain: [String] = [],
      initialPollInterval: Duration = .milliseconds(100), maxPollInterval: Duration = .seconds(2),
      now: @escaping @Sendable () -> Date = { Date() }
    ) {
      self.session = session
      self.board = board
      self.terminal = terminal
      self.retain = retain
      self.initialPollInterval = initialPollInterval
      self.maxPollInterval = maxPollInterval
      self.now = now
    }
  }

  public var stackName: String
  public var region: String?
  public var context: Context

  public init(stackName: String, region: String? = nil, context: Context) {
    self.stackName = stackName
    self.region = region
    self.context = context
  }

  private var cfn: CloudFormation { context.session.client(for: region).cloudFormation }

  private func say(_ text: String) async { await context.board.message(text) }

  public func destroy() async throws -> Result {
    let started = context.now()
    guard
      var stack = try await step("looking up the stack", { try await cfn.describeStack(stackName) })
    else {
      await say("\(stackName): not deployed; nothing to destroy")
      return Result(stackName: stackName, deleted: false, retained: [])
    }
    if stack.enableTerminationProtection == true {
      throw DeployError(
        "\(stackName) has termination protection. Turn it off (set terminationProtection to false "
          + "and deploy, or `aws cloudformation update-termination-protection "
          + "--no-enable-termination-protection --stack-name \(stackName)`), then destroy again.")
    }
    let watcher = StackWatcher(
      cloudFormation: cfn, board: context.board, initialInterval: context.initialPollInterval,
      maxInterval: context.maxPollInterval)
    if !StackStatus.isTerminal(stack.stackStatus.rawValue) {
      await say("\(stackName): \(stack.stackStatus) — waiting for the running operation to end")
      await context.board.begin(stack: stackName, operation: "waiting", total: nil)
      let after = try await watcher.latestEventID(stack: stack.stackID)
      _ = try await watch(watcher, stack.stackID, after)
      await context.board.end(stack: stackName)
      guard
        let again = try await step(
          "looking up the stack", { try await cfn.describeStack(stackName) })
      else {
        await say("\(stackName): deleted by the operation that was running")
        return Result(stackName: stackName, deleted: true, retained: [])
      }
      stack = again
    }
    let stackID = stack.stackID
    let resources = try await step("listing the resources") {
      try await cfn.describeStackResources(stackName: stackID)
    }
    let body = try? await cfn.getTemplate(stackName: stackID).templateBody
    let template = body.flatMap { try? TemplateReader.read($0) }
    var retained = Self.retainedByPolicy(template: template, resources: resources)
    let retainAsked = stack.stackStatus.rawValue == "DELETE_FAILED" ? context.retain : []
    if !context.retain.isEmpty && retainAsked.isEmpty {
      throw DeployError(
        "\(stackName): --retain only applies to a stack in DELETE_FAILED (this one is "
          + "\(stack.stackStatus)); set a DeletionPolicy of Retain (applyRemovalPolicy(.retain)) "
          + "on resources to keep, deploy, then destroy.")
    }
    for id in retainAsked where !retained.contains(where: { $0.logicalID == id }) {
      let r = resources.first { $0.logicalResourceID == id }
      retained.append(
        Retained(
          logicalID: id, resourceType: r?.resourceType ?? "?", physicalID: r?.physicalResourceID,
          policy: "asked"))
    }

    let after = try await watcher.latestEventID(stack: stackID)
    try await step("deleting the stack") {
      try await cfn.deleteStack(stackName: stackID, retainResources: retainAsked)
    }
    await context.board.begin(stack: stackName, operation: "destroy", total: resources.count)
    let result = try await watch(watcher, stackID, after)
    await context.board.end(stack: stackName)

    guard result.status == "DELETE_COMPLETE" else {
      throw DeployError(Self.failureMessage(stackName, result))
    }
    var text =
      "\(stackName): destroyed in \(StackDeployer.seconds(context.now().timeIntervalSince(started)))"
    if !retained.isEmpty {
      text += "\nKept (not deleted):"
      for r in retained {
        let why: String
        switch r.policy {
        case "Snapshot": why = "deleted after a final snapshot (DeletionPolicy Snapshot)"
        case "asked": why = "kept with --retain"
        default: why = "DeletionPolicy \(r.policy)"
        }
        text += "\n  \(r.logicalID) (\(r.resourceType)) \(r.physicalID ?? "") — \(why)"
      }
    }
    await say(text)
    return Result(stackName: stackName, deleted: true, retained: retained)
  }

  /// The resources whose `DeletionPolicy` keeps them (or a snapshot of them).
  static func retainedByPolicy(template: JSON?, resources: [CloudFormation.StackResource])
    -> [Retained]
  {
    guard let all = template?["Resources"]?.objectValue else { return [] }
    var out: [Retained] = []
    for (logicalID, resource) in all {
      guard let policy = resource["DeletionPolicy"]?.stringValue,
        ["Retain", "RetainExceptOnCreate", "Snapshot"].contains(policy)
      else { continue }
      let live = resources.first { $0.logicalResourceID == logicalID }
      // A resource the stack never created (its condition was false) is nothing to keep.
      guard let live, live.resourceStatus.rawValue != "DELETE_COMPLETE" else { continue }
      out.append(
        Retained(
          logicalID: logicalID, resourceType: resource["Type"]?.stringValue ?? live.resourceType,
          physicalID: live.physicalResourceID, policy: policy))
    }
    return out
  }

  static func failureMessage(_ stackName: String, _ result: StackWatcher.Result) -> String {
    var blockers: [ResourceEvent] = []
    for event in result.events.reversed()
    where event.status == "DELETE_FAILED" && !event.isStackEvent {
      if !blockers.contains(where: { $0.logicalID == event.logicalID }) { blockers.append(event) }
    }
    blockers.reverse()
    var text = "\(stackName): the deletion failed; the stack is \(result.status)."
    if blockers.isEmpty {
      text += result.statusReason.map { "\nReason: \($0)" } ?? ""
    } else {
      text += "\nThese resources could not be deleted:"
      for b in blockers {
        text +=
          "\n  \(b.logicalID) (\(b.resourceType)) \(b.physicalID ?? ""): \(b.reason ?? "no reason given")"
      }
      text +=
        "\nFix what blocks them (for example empty a bucket, or remove what else uses them), then "
        + "run `stack destroy \(stackName)` again; or delete the stack and keep them with "
        + "`stack destroy \(stackName) --retain \(blockers.map(\.logicalID).joined(separator: ","))`."
    }
    return text
  }

  private func watch(_ watcher: StackWatcher, _ stackID: String, _ after: String?) async throws
    -> StackWatcher.Result
  {
    do {
      return try await watcher.watch(stack: stackID, name: stackName, after: after)
    } catch {
      guard Task.isCancelled || error is CancellationError else {
        throw DeployError(
          "\(stackName): lost track of the deletion: \(StackDeployer.explain(error))")
      }
      await context.board.end(stack: stackName)
      let client = context.session.client(for: region)
      var watch =
        "aws cloudformation describe-stack-events --stack-name \(stackID) --region \(client.region)"
      let endpoint = client.endpoint(for: .cloudFormation)
      if endpoint.isCustom { watch += " --endpoint-url \(endpoint.url.absoluteString)" }
      await say(
        "\(stackName): stopped waiting. CloudFormation goes on deleting the stack by itself. "
          + "Follow it in the console or with `\(watch)`.")
      throw DeployInterrupted(stackName: stackName)
    }
  }

  private func step<T: Sendable>(_ what: String, _ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch {
      if Task.isCancelled || error is CancellationError { throw CancellationError() }
      throw DeployError("\(stackName): \(what) failed: \(StackDeployer.explain(error))")
    }
  }
}
