import AWSClient
import Foundation
import StackKit

/// `stack deploy`: deploys stacks in dependency order, independent ones concurrently, and writes
/// their outputs.
///
/// ```swift
/// let stacks = try DeployTask.select(["Api"], all: false, from: DeploymentStack.all(from: synth))
/// let report = try await DeployTask(options: options).run(
///   stacks: stacks, session: AWSSession(client: client), terminal: StandardTerminal())
/// if !report.succeeded { exit(1) }
/// ```
public struct DeployTask: Sendable {
  /// What happened to each stack.
  public struct Report: Sendable {
    public var results: [String: StackDeployer.Result]
    public var outcomes: [String: StackScheduler.Outcome]
    /// Stack ids in deployment order.
    public var order: [String]

    public var succeeded: Bool { outcomes.values.allSatisfy { $0 == .succeeded } }
  }

  public var options: DeployOptions
  public var now: @Sendable () -> Date

  public init(options: DeployOptions, now: @escaping @Sendable () -> Date = { Date() }) {
    self.options = options
    self.now = now
  }

  /// The stacks named by `patterns` (ids, names, `*` globs) plus every stack they depend on;
  /// all with `all`; the only stack when the app has one and none is named.
  public static func select(_ patterns: [String], all: Bool, from stacks: [DeploymentStack])
    throws -> [DeploymentStack]
  {
    if let whole = try wholeApp(patterns, all: all, from: stacks, verb: "deploy") { return whole }
    var chosen = Set<String>()
    for pattern in patterns {
      let matches = stacks.filter {
        SynthResult.matches(pattern, $0.id) || SynthResult.matches(pattern, $0.stackName)
      }
      if matches.isEmpty {
        throw DeployError(
          "no stack named \"\(pattern)\"; the stacks are "
            + stacks.map(\.id).joined(separator: ", ") + " (`stack list` shows them)")
      }
      for m in matches { chosen.insert(m.id) }
    }
    // Dependencies come along: a stack cannot deploy before what it needs.
    var queue = Array(chosen)
    while let id = queue.popLast() {
      for dep in stacks.first(where: { $0.id == id })?.dependencies ?? []
      where !chosen.contains(dep) {
        chosen.insert(dep)
        queue.append(dep)
      }
    }
    return stacks.filter { chosen.contains($0.id) }
  }

  /// Every stack with `all`, or when none is named in an app of one stack; nil when stacks are
  /// named. Throws when none is named in an app of several (`verb` says what the command does).
  static func wholeApp(
    _ patterns: [String], all: Bool, from stacks: [DeploymentStack], verb: String
  ) throws -> [DeploymentStack]? {
    if all || (patterns.isEmpty && stacks.count == 1) { return stacks }
    if patterns.isEmpty {
      throw DeployError(
        "the app has \(stacks.count) stacks (\(stacks.map(\.id).joined(separator: ", "))): name "
          + "the ones to \(verb), or pass --all")
    }
    return nil
  }

  /// Deploys the stacks; the report says what happened to each. Throws ``DeployInterrupted``
  /// when cancelled while CloudFormation works.
  public func run(stacks: [DeploymentStack], session: AWSSession, terminal: any Terminal)
    async throws -> Report
  {
    for s in stacks { try StackNameRules.check(s.stackName) }
    let context = StackDeployer.Context(
      session: session, options: options, terminal: terminal, now: now)
    let results = ResultBox()
    let byID = Dictionary(stacks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let outcomes = try await StackScheduler.run(
      stacks.map { .init(id: $0.id, dependencies: $0.dependencies) },
      concurrency: options.concurrency
    ) { id in
      guard let stack = byID[id] else { return }
      let result = try await StackDeployer(stack: stack, context: context).deploy()
      await results.set(id, result)
    }
    let report = Report(
      results: await results.all, outcomes: outcomes, order: stacks.map(\.id))
    for id in report.order {
      switch outcomes[id] {
      case .failed(let message)?: terminal.writeError("error: \(message)\n")
      case .skipped(let cause)?:
        terminal.writeError(
          "\(byID[id]?.stackName ?? id): not deployed, because \(cause) (which it depends on) failed\n"
        )
      default: break
      }
    }
    if let file = options.outputsFile {
      try writeOutputs(report, stacks: stacks, to: file)
      terminal.write("Outputs written to \(file)\n")
    }
    return report
  }

  /// `{"StackName": {"OutputKey": "value"}}`, stacks and keys in order.
  func writeOutputs(_ report: Report, stacks: [DeploymentStack], to file: String) throws {
    var root = JSONObject()
    for stack in stacks {
      guard let result = report.results[stack.id] else { continue }
      root[stack.stackName] = .object(
        JSONObject(result.outputs.map { ($0.key, .string($0.value)) }))
    }
    do {
      let url = URL(fileURLWithPath: file)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(JSONWriter().write(.object(root)).utf8).write(to: url, options: .atomic)
    } catch {
      throw DeployError("could not write the outputs file \(file): \(error.localizedDescription)")
    }
  }
}

/// Collects results from concurrent stacks.
actor ResultBox {
  private(set) var all: [String: StackDeployer.Result] = [:]
  func set(_ id: String, _ result: StackDeployer.Result) { all[id] = result }
}
