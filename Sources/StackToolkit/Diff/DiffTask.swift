import AWSClient
import Foundation
import StackKit

/// `stack diff`: each stack's deployed template (GetTemplate) against the local one; a stack not
/// deployed yet is compared with an empty template.
///
/// ```swift
/// let report = try await DiffTask(format: .markdown).run(stacks: stacks, session: session)
/// print(report.text)
/// if report.hasDifferences { exit(1) }   // --fail
/// ```
public struct DiffTask: Sendable {
  public struct Report: Sendable {
    public var entries: [DiffRenderer.Entry]
    /// The rendered diff.
    public var text: String
    public var hasDifferences: Bool { entries.contains { !$0.diff.isEmpty } }
  }

  public var format: DiffFormat
  public var color: Bool
  public var rules: ReplacementRules

  public init(format: DiffFormat, color: Bool = false, rules: ReplacementRules = .standard) {
    self.format = format
    self.color = color
    self.rules = rules
  }

  /// The stacks named by `patterns` (ids, names, `*` globs), without their dependencies; all
  /// when there are no patterns.
  public static func select(_ patterns: [String], from stacks: [DeploymentStack]) throws
    -> [DeploymentStack]
  {
    if patterns.isEmpty { return stacks }
    let named = try DeployTask.select(patterns, all: false, from: stacks)
    return named.filter { s in
      patterns.contains { SynthResult.matches($0, s.id) || SynthResult.matches($0, s.stackName) }
    }
  }

  /// Compares every stack (concurrently) and renders the result in stack order.
  public func run(stacks: [DeploymentStack], session: AWSSession) async throws -> Report {
    let rules = self.rules
    let entries = try await withThrowingTaskGroup(of: (Int, DiffRenderer.Entry).self) { group in
      for (index, stack) in stacks.enumerated() {
        group.addTask {
          (index, try await Self.compare(stack, session: session, rules: rules))
        }
      }
      var out: [(Int, DiffRenderer.Entry)] = []
      for try await item in group { out.append(item) }
      return out.sorted { $0.0 < $1.0 }.map(\.1)
    }
    let text = DiffRenderer(format: format, color: color).render(entries)
    return Report(entries: entries, text: text)
  }

  static func compare(_ stack: DeploymentStack, session: AWSSession, rules: ReplacementRules)
    async throws -> DiffRenderer.Entry
  {
    let local: JSON
    do {
      local = try TemplateReader.read(stack.templateText)
    } catch {
      throw DeployError("\(stack.stackName): the synthesized template cannot be read: \(error)")
    }
    let cfn = session.client(for: stack.region).cloudFormation
    do {
      try StackNameRules.check(stack.stackName)
      guard let deployed = try await cfn.describeStack(stack.stackName),
        deployed.stackStatus.rawValue != "REVIEW_IN_PROGRESS"
      else {
        return DiffRenderer.Entry(
          stackName: stack.stackName,
          diff: TemplateDiff(old: .object(JSONObject()), new: local, rules: rules), deployed: false)
      }
      let body = try await cfn.getTemplate(stackName: deployed.stackID).templateBody
      let old: JSON
      do {
        old = try TemplateReader.read(body)
      } catch {
        throw DeployError(
          "\(stack.stackName): the deployed template cannot be read (\(error)); compare it by hand "
            + "with `aws cloudformation get-template --stack-name \(stack.stackName)`")
      }
      return DiffRenderer.Entry(
        stackName: stack.stackName, diff: TemplateDiff(old: old, new: local, rules: rules))
    } catch let error as DeployError {
      throw error
    } catch {
      if Task.isCancelled { throw CancellationError() }
      throw DeployError(
        "\(stack.stackName): reading the deployed stack failed: \(StackDeployer.explain(error))")
    }
  }
}
