import Foundation

/// `stack destroy`: confirms, then deletes stacks in reverse dependency order (a stack after
/// every stack that depends on it), independent ones concurrently.
///
/// ```swift
/// let task = DestroyTask(force: false)
/// let report = try await task.run(stacks: stacks, session: session, terminal: StandardTerminal())
/// ```
public struct DestroyTask: Sendable {
  public struct Report: Sendable {
    public var results: [String: StackDestroyer.Result]
    public var outcomes: [String: StackScheduler.Outcome]
    public var succeeded: Bool { outcomes.values.allSatisfy { $0 == .succeeded } }
  }

  /// Destroy without asking.
  public var force: Bool
  /// Logical IDs to keep when a stack is in DELETE_FAILED.
  public var retain: [String]
  public var concurrency: Int
  public var initialPollInterval: Duration = .milliseconds(100)
  public var maxPollInterval: Duration = .seconds(2)
  public var now: @Sendable () -> Date

  public init(
    force: Bool, retain: [String] = [], concurrency: Int = 4,
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.force = force
    self.retain = retain
    self.concurrency = concurrency
    self.now = now
  }

  /// The stacks named by `patterns` plus every stack that depends on them (they must go first);
  /// all with `all`; the only stack when the app has one.
  public static func select(_ patterns: [String], all: Bool, from stacks: [DeploymentStack])
    throws -> [DeploymentStack]
  {
    if let whole = try DeployTask.wholeApp(patterns, all: all, from: stacks, verb: "destroy") {
      return whole
    }
    let named = try DeployTask.select(
      patterns, all: false,
      from: stacks.map {
        var copy = $0
        copy.dependencies = []  // only the named ones here
        return copy
      })
    var chosen = Set(named.map(\.id))
    var changed = true
    while changed {
      changed = false
      for s in stacks
      where !chosen.contains(s.id) && s.dependencies.contains(where: chosen.contains) {
        chosen.insert(s.id)
        changed = true
      }
    }
    return stacks.filter { chosen.contains($0.id) }
  }

  public func run(stacks: [DeploymentStack], session: AWSSession, terminal: any Terminal)
    async throws -> Report
  {
    let board = ProgressBoard(terminal: terminal, now: now)
    let names = stacks.map(\.stackName)
    if !force {
      guard terminal.inputIsTerminal else {
        throw DeployError(
          "refusing to destroy \(names.joined(separator: ", ")) without confirmation: standard "
            + "input is not a terminal. Pass --force to destroy without asking.")
      }
      let gate = ApprovalGate(terminal: terminal, board: board)
      for name in names {
        let ok = await gate.confirmTyped(
          "Type the stack name to destroy \(name) and every resource in it (\(name)):",
          expected: name)
        guard ok else { throw DeployError("\(name): not destroyed (the name typed did not match)") }
      }
    }
    let context = StackDestroyer.Context(
      session: session, board: board, terminal: terminal, retain: retain,
      initialPollInterval: initialPollInterval, maxPollInterval: maxPollInterval, now: now)
    let byID = Dictionary(stacks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let results = DestroyResults()
    let outcomes = try await StackScheduler.run(
      stacks.map { .init(id: $0.id, dependencies: $0.dependencies) },
      concurrency: concurrency, reverse: true
    ) { id in
      guard let stack = byID[id] else { return }
      let result = try await StackDestroyer(
        stackName: stack.stackName, region: stack.region, context: context
      ).destroy()
      await results.set(id, result)
    }
    for s in stacks {
      switch outcomes[s.id] {
      case .failed(let message)?: terminal.writeError("error: \(message)\n")
      case .skipped(let cause)?:
        terminal.writeError(
          "\(s.stackName): not destroyed, because \(cause) (which depends on it) could not be destroyed\n"
        )
      default: break
      }
    }
    return Report(results: await results.all, outcomes: outcomes)
  }
}

actor DestroyResults {
  private(set) var all: [String: StackDestroyer.Result] = [:]
  func set(_ id: String, _ result: StackDestroyer.Result) { all[id] = result }
}
