import AWSClient
import Foundation
import StackKit

/// Deploys one stack: waits out an operation already running, clears a stack that failed to be
/// created, skips the deployment when nothing changed, uploads assets, makes a change set, shows
/// the changes, asks for approval, executes, and follows the events to the end.
///
/// ```swift
/// let deployer = StackDeployer(stack: stack, context: context)
/// let result = try await deployer.deploy()
/// print(result.outcome, result.outputs)
/// ```
public struct StackDeployer: Sendable {
  /// How a stack's deployment ended.
  public enum Outcome: String, Sendable {
    case created, updated
    /// Template and parameters equal what is deployed: nothing was done.
    case unchanged
  }

  /// The result of a successful deployment.
  public struct Result: Sendable {
    public var stackName: String
    public var outcome: Outcome
    public var outputs: [(key: String, value: String)]
    public var stackID: String?
  }

  /// What every stack of one run shares.
  public struct Context: Sendable {
    public var session: AWSSession
    public var options: DeployOptions
    public var board: ProgressBoard
    public var approvals: ApprovalGate
    public var publisher: AssetPublisher
    public var terminal: any Terminal
    /// A name for change sets; unique per run.
    public var changeSetName: String
    /// The clock (elapsed times in messages).
    public var now: @Sendable () -> Date

    public init(
      session: AWSSession, options: DeployOptions, board: ProgressBoard,
      approvals: ApprovalGate, publisher: AssetPublisher, terminal: any Terminal,
      changeSetName: String = StackDeployer.defaultChangeSetName(),
      now: @escaping @Sendable () -> Date = { Date() }
    ) {
      self.session = session
      self.options = options
      self.board = board
      self.approvals = approvals
      self.publisher = publisher
      self.terminal = terminal
      self.changeSetName = changeSetName
      self.now = now
    }

    /// The context of a run that reports to `terminal`: a progress board of its own, approvals
    /// asked on the terminal, assets published through the session.
    public init(
      session: AWSSession, options: DeployOptions, terminal: any Terminal,
      now: @escaping @Sendable () -> Date = { Date() }
    ) {
      let board = ProgressBoard(terminal: terminal, now: now)
      self.init(
        session: session, options: options, board: board,
        approvals: ApprovalGate(terminal: terminal, board: board),
        publisher: AssetPublisher(session: session, report: { await board.message($0) }),
        terminal: terminal, now: now)
    }
  }

  public var stack: DeploymentStack
  public var context: Context

  public init(stack: DeploymentStack, context: Context) {
    self.stack = stack
    self.context = context
  }

  /// `stackkit-20250101-120000-1a2b`: sortable, unique enough per run.
  public static func defaultChangeSetName() -> String {
    let c = Calendar(identifier: .gregorian).dateComponents(
      in: TimeZone(identifier: "UTC")!, from: Date())
    let stamp = String(
      format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
      c.minute ?? 0, c.second ?? 0)
    return "stackkit-\(stamp)-\(UUID().uuidString.prefix(4).lowercased())"
  }

  private var name: String { stack.stackName }
  private var client: AWSClient { context.session.client(for: stack.region) }
  private var cfn: CloudFormation { client.cloudFormation }
  private var watcher: StackWatcher {
    StackWatcher(
      cloudFormation: cfn, board: context.board,
      initialInterval: context.options.initialPollInterval,
      maxInterval: context.options.maxPollInterval)
  }

  private func say(_ text: String) async { await context.board.message(text) }

  // MARK: - Deploy

  /// Deploys the stack; throws a ``DeployError`` that says what failed and why, or
  /// ``DeployInterrupted`` when the task is cancelled while CloudFormation works.
  public func deploy() async throws -> Result {
    try StackNameRules.check(name)
    let template: JSON
    do {
      template = try TemplateReader.read(stack.templateText)
    } catch {
      throw DeployError("\(name): the synthesized template cannot be read: \(error)")
    }
    let started = context.now()
    try await checkAccount()
    var existing = try await describeChecked()
    if existing?.stackStatus.rawValue == "DELETE_COMPLETE" { existing = nil }
    if let s = existing, !StackStatus.isTerminal(s.stackStatus.rawValue) {
      await say(
        "\(name): \(s.stackStatus) — another operation is running; waiting for it to end first")
      await context.board.begin(stack: name, operation: "waiting", total: nil)
      let after = try await watcher.latestEventID(stack: s.stackID)
      _ = try await watchInterruptibly(stackID: s.stackID, after: after, phase: "waiting")
      await context.board.end(stack: name)
      existing = try await describeChecked()
      if existing?.stackStatus.rawValue == "DELETE_COMPLETE" { existing = nil }
    }
    if let s = existing {
      existing = try await clearUnusable(s)
    }

    let parameters = resolveParameters(template: template, existing: existing)
    var deployedTemplate: JSON = .object(JSONObject())
    if let s = existing {
      let body = try await wrap("reading the deployed template") {
        try await cfn.getTemplate(stackName: s.stackID).templateBody
      }
      let deployed = try? TemplateReader.read(body)
      deployedTemplate = deployed ?? .object(JSONObject())
      if isUnchanged(s, deployedBody: body, deployed: deployed, template: template, parameters) {
        await say("\(name): no changes (the deployed template and parameters are the same)")
        try await syncTerminationProtection(s)
        return Result(
          stackName: name, outcome: .unchanged,
          outputs: s.outputs.map { ($0.outputKey, $0.outputValue ?? "") },
          stackID: s.stackID)
      }
    }

    let source = try await publishAssetsAndTemplate()
    let type: CloudFormation.ChangeSetType = existing == nil ? .create : .update
    let created = try await wrap("creating a change set") {
      try await cfn.createChangeSet(
        .init(
          stackName: name, changeSetName: context.changeSetName, template: source,
          changeSetType: type, parameters: parameters,
          capabilities: [.iam, .namedIAM, .autoExpand],
          tags: stack.tags.map { .init(key: $0.key, value: $0.value) },
          description: "stack deploy"))
    }
    let stackID = created.stackID ?? existing?.stackID ?? name
    let changeSet = try await waitForChangeSet(created.id, stackID: stackID, type: type)
    guard let changeSet else {
      await say("\(name): no changes (CloudFormation found nothing to change; change set deleted)")
      let current = try await describeChecked()
      try await syncTerminationProtection(current)
      let outputs = current?.outputs ?? []
      return Result(
        stackName: name, outcome: .unchanged,
        outputs: outputs.map { ($0.outputKey, $0.outputValue ?? "") }, stackID: stackID)
    }

    let summary = ChangeSummary(
      stackName: name, changes: changeSet.changes.compactMap(Self.plannedChange),
      diff: TemplateDiff(old: deployedTemplate, new: template))
    await say(summary.render(color: context.terminal.outputIsTerminal))
    try await approve(summary, changeSetID: created.id, stackID: stackID, type: type)

    let after = try await watcher.latestEventID(stack: stackID)
    try await wrap("executing the change set") {
      try await cfn.executeChangeSet(
        .init(
          changeSetName: created.id, stackName: nil,
          disableRollback: context.options.noRollback ? true : nil))
    }
    let resourceCount = template["Resources"]?.objectValue?.count
    await context.board.begin(
      stack: name, operation: type == .create ? "create" : "update", total: resourceCount)
    let result = try await watchInterruptibly(stackID: stackID, after: after, phase: "deploy")
    await context.board.end(stack: name)

    let seconds = context.now().timeIntervalSince(started)
    guard StackStatus.isSuccess(result.status) else {
      throw DeployError(failureMessage(result, type: type))
    }
    let final = try await describeChecked()
    try await syncTerminationProtection(final)
    let outputs = (final?.outputs ?? []).map { (key: $0.outputKey, value: $0.outputValue ?? "") }
    var text = "\(name): \(type == .create ? "created" : "updated") in \(Self.seconds(seconds))"
    if !outputs.isEmpty {
      text +=
        "\nOutputs:\n" + outputs.map { "  \(name).\($0.key) = \($0.value)" }.joined(separator: "\n")
    }
    await say(text)
    return Result(
      stackName: name, outcome: type == .create ? .created : .updated, outputs: outputs,
      stackID: stackID)
  }

  // MARK: - Steps

  /// When the stack names an account, the credentials must be for it.
  private func checkAccount() async throws {
    guard let wanted = stack.account, !wanted.isEmpty else { return }
    let actual = try await wrap("checking the account") { try await context.session.account() }
    guard actual == wanted else {
      throw DeployError(
        "\(name) is for account \(wanted), but the credentials in use are for account \(actual). "
          + "Use credentials of account \(wanted) (--profile), or change the stack's environment.")
    }
  }

  /// Turns termination protection on or off as the stack asks.
  private func syncTerminationProtection(_ deployed: CloudFormation.Stack?) async throws {
    guard let deployed else { return }
    let current = deployed.enableTerminationProtection ?? false
    guard current != stack.terminationProtection else { return }
    let wanted = stack.terminationProtection
    try await wrap("updating termination protection") {
      try await cfn.updateTerminationProtection(stackName: deployed.stackID, enabled: wanted)
    }
    await say("\(name): termination protection turned \(wanted ? "on" : "off")")
  }

  /// The stack, or nil when it does not exist; errors are explained.
  private func describeChecked() async throws -> CloudFormation.Stack? {
    try await wrap("looking up the stack") { try await cfn.describeStack(name) }
  }

  /// Deletes a stack that can only be deleted (failed creation, never executed); refuses the
  /// states that need a person.
  private func clearUnusable(_ s: CloudFormation.Stack) async throws -> CloudFormation.Stack? {
    let status = s.stackStatus.rawValue
    var why: String?
    switch status {
    case "ROLLBACK_COMPLETE", "ROLLBACK_FAILED":
      why = "its creation failed and was rolled back, so it holds nothing to update"
    case "REVIEW_IN_PROGRESS":
      let resources = try await wrap("listing the stack's resources") {
        try await cfn.describeStackResources(stackName: s.stackID)
      }
      if resources.isEmpty {
        why = "it was made for a change set that was never executed and holds no resources"
      }
    case "UPDATE_ROLLBACK_FAILED":
      throw DeployError(
        "\(name) is UPDATE_ROLLBACK_FAILED: a rollback could not finish, and CloudFormation "
          + "accepts no update until it does. Fix what blocked it (see the events: "
          + "`aws cloudformation describe-stack-events --stack-name \(name)`), then run "
          + "`aws cloudformation continue-update-rollback --stack-name \(name)` (add "
          + "--resources-to-skip for resources that cannot roll back), and deploy again.")
    case "DELETE_FAILED":
      throw DeployError(
        "\(name) is DELETE_FAILED: a deletion could not finish. Run `stack destroy \(name)` to "
          + "see the resources that block it and finish deleting, then deploy again.")
    default:
      break
    }
    guard let why else { return s }
    await say("\(name) is \(status): \(why). Deleting it and creating it again.")
    let after = try await watcher.latestEventID(stack: s.stackID)
    try await wrap("deleting the unusable stack") {
      try await cfn.deleteStack(stackName: s.stackID)
    }
    await context.board.begin(stack: name, operation: "delete", total: nil)
    let result = try await watchInterruptibly(stackID: s.stackID, after: after, phase: "delete")
    await context.board.end(stack: name)
    guard result.status == "DELETE_COMPLETE" else {
      throw DeployError(
        "\(name) is \(status) and could not be deleted (\(result.status)"
          + (result.statusReason.map { ": \($0)" } ?? "")
          + "). Delete it with `stack destroy \(name)`.")
    }
    return nil
  }

  /// The parameters to send: the ones given for this stack, and "use the previous value" for the
  /// deployed stack's other parameters that the template still has.
  func resolveParameters(template: JSON, existing: CloudFormation.Stack?)
    -> [CloudFormation.Parameter]
  {
    let declared = template["Parameters"]?.objectValue?.keys ?? []
    var given: [String: String] = [:]
    for p in context.options.parameters where p.applies(to: stack) { given[p.key] = p.value }
    var out: [CloudFormation.Parameter] = []
    for key in declared {
      if let value = given[key] {
        out.append(.init(key: key, value: value))
      } else if existing?.parameters.contains(where: { $0.key == key }) == true {
        out.append(.init(key: key, usePreviousValue: true))
      }
    }
    return out
  }

  /// True when deploying would change nothing: same template, same parameter values, same tags,
  /// and the stack in a state where its template is what is running.
  func isUnchanged(
    _ s: CloudFormation.Stack, deployedBody: String, deployed: JSON?, template: JSON,
    _ parameters: [CloudFormation.Parameter]
  ) -> Bool {
    let status = s.stackStatus.rawValue
    let settled = [
      "CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE",
    ]
    guard settled.contains(status) else { return false }
    let sameTemplate =
      deployedBody == stack.templateText
      || (deployed.map { TemplateEquivalence.equivalent($0, template) } ?? false)
    guard sameTemplate else { return false }
    for p in parameters where p.usePreviousValue != true {
      guard let current = s.parameters.first(where: { $0.key == p.key }),
        current.value == p.value, current.value != "****"
      else { return false }
    }
    let wanted = Set(stack.tags.map { "\($0.key)=\($0.value)" })
    let have = Set(s.tags.map { "\($0.key)=\($0.value)" })
    return wanted == have
  }

  /// Uploads the stack's assets, and its template when too large to pass inline.
  private func publishAssetsAndTemplate() async throws -> CloudFormation.TemplateSource {
    guard stack.needsBucket else { return .body(stack.templateText) }
    let region = client.region
    let toolkit = try await wrap("looking up the toolkit stack") {
      try await context.session.requireToolkit(region: region, for: name)
    }
    _ = try await wrap("uploading assets") {
      try await context.publisher.publish(stack.assets, bucket: toolkit.bucketName, region: region)
    }
    guard stack.needsTemplateUpload else { return .body(stack.templateText) }
    let url = try await wrap("uploading the template") {
      try await context.publisher.publishTemplate(
        stack.templateText, stackName: name, bucket: toolkit.bucketName, region: region)
    }
    return .url(url)
  }

  /// Waits for the change set; nil when it holds no changes (it is deleted then).
  private func waitForChangeSet(
    _ id: String, stackID: String, type: CloudFormation.ChangeSetType
  ) async throws -> CloudFormation.ChangeSet? {
    var interval = context.options.initialPollInterval
    while true {
      let changeSet = try await wrap("reading the change set") {
        // Without property values: the summary needs only which resources change and why they
        // are replaced, and values before and after are not fetched, so never printed.
        try await cfn.describeChangeSet(
          .init(changeSetName: id, includePropertyValues: false), allPages: true)
      }
      if !changeSet.isPending {
        if changeSet.status == "FAILED" {
          await cleanUp(changeSetID: id, stackID: stackID, type: type)
          if changeSet.isEmpty { return nil }
          throw DeployError(
            "\(name): CloudFormation refused the change set: "
              + (changeSet.statusReason ?? "no reason given")
              + ". Fix the stack's code (or the --parameters) and deploy again.")
        }
        return changeSet
      }
      try await Task.sleep(for: interval)
      interval = min(interval * 2, context.options.maxPollInterval)
    }
  }

  /// Deletes a change set that will not be executed, and the empty stack made for it.
  private func cleanUp(changeSetID: String, stackID: String, type: CloudFormation.ChangeSetType)
    async
  {
    let cfn = self.cfn
    // Not cancelled with the deployment: the clean-up must happen.
    await Task.detached {
      if type == .create {
        try? await cfn.deleteStack(stackName: stackID)
      } else {
        try? await cfn.deleteChangeSet(changeSetName: changeSetID)
      }
    }.value
  }

  private func approve(
    _ summary: ChangeSummary, changeSetID: String, stackID: String,
    type: CloudFormation.ChangeSetType
  ) async throws {
    let level = context.options.requireApproval
    guard level.requiresApproval(summary), !context.options.yes else { return }
    let why =
      level == .anyChange
      ? "the deployment changes resources"
      : "the deployment broadens IAM permissions or security-group rules"
    let approved: Bool
    do {
      approved = try await context.approvals.confirm(
        "Deploy these changes to \(name)? (y/n)", stack: name, why: why)
    } catch {
      await cleanUp(changeSetID: changeSetID, stackID: stackID, type: type)
      throw error
    }
    guard approved else {
      await cleanUp(changeSetID: changeSetID, stackID: stackID, type: type)
      throw DeployError("\(name): not deployed (the changes were not approved; change set deleted)")
    }
  }

  /// Watches; on cancellation says how to keep watching and throws ``DeployInterrupted``.
  private func watchInterruptibly(stackID: String, after: String?, phase: String) async throws
    -> StackWatcher.Result
  {
    do {
      return try await watcher.watch(stack: stackID, name: name, after: after)
    } catch {
      guard Task.isCancelled || error is CancellationError else {
        throw DeployError("\(name): lost track of the \(phase): \(Self.explain(error))")
      }
      await context.board.end(stack: name)
      let region = client.region
      var watch = "aws cloudformation describe-stack-events --stack-name \(name) --region \(region)"
      let endpoint = client.endpoint(for: .cloudFormation)
      if endpoint.isCustom { watch += " --endpoint-url \(endpoint.url.absoluteString)" }
      let console =
        "https://\(region).console.aws.amazon.com/cloudformation/home?region=\(region)#/stacks"
      await say(
        "\(name): stopped waiting. CloudFormation goes on with the \(phase) by itself. Follow it "
          + "with `stack deploy \(stack.id)` again (it waits for the running operation), in the "
          + "console (\(console)), or with `\(watch)`.")
      throw DeployInterrupted(stackName: name)
    }
  }

  /// Runs an AWS call; AWS errors become a ``DeployError`` naming the stack and the step.
  private func wrap<T: Sendable>(_ step: String, _ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as DeployError {
      throw error
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      if Task.isCancelled { throw CancellationError() }
      throw DeployError("\(name): \(step) failed: \(Self.explain(error))")
    }
  }

  /// A message for an error from AWSClient (never with credentials in it).
  static func explain(_ error: any Error) -> String {
    if let e = error as? AWSError, e.code == "ValidationError",
      e.message.contains("Template format error") || e.message.contains("Template error")
    {
      return "CloudFormation refused the template: \(e.message). Fix the stack's code."
    }
    return "\(error)"
  }

  private func failureMessage(_ result: StackWatcher.Result, type: CloudFormation.ChangeSetType)
    -> String
  {
    var text =
      "\(name): the \(type == .create ? "creation" : "update") failed; the stack is \(result.status)."
    if let failure = result.firstFailure {
      text +=
        "\nThe first resource to fail: \(failure.logicalID) (\(failure.resourceType)) "
        + "\(failure.status): \(failure.reason ?? "no reason given")"
    } else if let reason = result.statusReason {
      text += "\nReason: \(reason)"
    }
    switch result.status {
    case "UPDATE_ROLLBACK_FAILED":
      text +=
        "\nThe rollback could not finish either. Fix the cause, then run `aws cloudformation "
        + "continue-update-rollback --stack-name \(name)` and deploy again."
    case "ROLLBACK_COMPLETE", "ROLLBACK_FAILED":
      text += "\nNothing was kept. Fix the cause and deploy again (the failed stack is replaced)."
    case "UPDATE_ROLLBACK_COMPLETE":
      text += "\nThe stack was rolled back to its previous state. Fix the cause and deploy again."
    case "CREATE_FAILED", "UPDATE_FAILED":
      text +=
        "\nRollback was disabled (--no-rollback): what was created is kept for inspection; fix "
        + "the cause and deploy again to continue from there."
    default: break
    }
    return text
  }

  static func plannedChange(_ change: CloudFormation.Change) -> PlannedChange? {
    guard let rc = change.resourceChange else { return nil }
    let replacing = rc.details.compactMap { detail -> String? in
      guard let target = detail.target, target.attribute == "Properties" || target.attribute == nil,
        target.requiresRecreation == "Always" || target.requiresRecreation == "Conditionally"
      else { return nil }
      return target.name
    }
    return PlannedChange(
      action: PlannedChange.Action(rawValue: rc.action) ?? .modify,
      logicalID: rc.logicalResourceID, physicalID: rc.physicalResourceID,
      resourceType: rc.resourceType, replacement: rc.replacement,
      replacingProperties: replacing)
  }

  static func seconds(_ t: TimeInterval) -> String {
    t < 10 ? String(format: "%.1fs", t) : ProgressBoard.duration(t)
  }
}

/// The deployment (or destruction) stopped waiting because the task was cancelled (Ctrl-C);
/// CloudFormation goes on.
public struct DeployInterrupted: Error, CustomStringConvertible, Sendable {
  public let stackName: String
  public var description: String {
    "stopped waiting for \(stackName); CloudFormation goes on"
  }
}
