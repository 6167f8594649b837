import Foundation
import StackKit

/// What an app synthesized: each stack's template text, the manifest, and timings.
///
/// Everything is in memory; the app's temporary output folder is already removed.
///
/// ```swift
/// let result = try await Synthesis.run(config: config)
/// for stack in try result.select(["Network*"]) {
///   print(stack.id, stack.resourceCount, stack.text.utf8.count)
///   let template = try stack.template()            // parsed, for diff
/// }
/// ```
public struct SynthResult: Sendable {
  /// One synthesized stack.
  public struct StackTemplate: Sendable {
    /// The stack's entry in the manifest (id, name, dependencies, environment, assets …).
    public let entry: AssemblyManifest.StackEntry
    /// The template text exactly as the app wrote it.
    public let text: String
    public let format: TemplateFormat
    /// Milliseconds the app spent building this template (from `.timings.json`).
    public let milliseconds: Double?

    /// The artifact id, used to select the stack on the command line.
    public var id: String { entry.id }
    /// The CloudFormation stack name.
    public var stackName: String { entry.stackName }
    /// The template file name.
    public var templateFile: String { entry.templateFile }
    public var resourceCount: Int { entry.resourceCount }
    /// The template size in bytes.
    public var byteCount: Int { text.utf8.count }

    /// The template parsed into ``JSON``, keys in document order.
    public func template() throws(TemplateReader.Error) -> JSON {
      try TemplateReader.read(text)
    }
  }

  /// The configuration the app was run with.
  public let config: ProjectConfig
  /// The format the templates were written in.
  public let format: TemplateFormat
  /// Every stack, in the app's order.
  public let stacks: [StackTemplate]
  public let manifest: AssemblyManifest
  /// The `manifest.json` text exactly as the app wrote it.
  public let manifestText: String
  /// Time spent in the `build` command, when one ran.
  public let buildDuration: Duration?
  /// Time spent running the app.
  public let appDuration: Duration
  /// What the app printed to standard error although it succeeded (warnings), if anything.
  public let appMessages: String

  /// The stack with this id, stack name or construct path.
  public func stack(named name: String) -> StackTemplate? {
    stacks.first { $0.id == name } ?? stacks.first { $0.stackName == name || $0.entry.path == name }
  }

  /// The stacks matching `patterns` (ids, stack names or paths; `*` and `?` match any text or
  /// character), in the app's order; every stack when `patterns` is empty. A pattern that
  /// matches nothing is an error listing the known stacks.
  public func select(_ patterns: [String]) throws(SynthFailure) -> [StackTemplate] {
    if patterns.isEmpty { return stacks }
    var chosen = Set<String>()
    var unknown: [String] = []
    for pattern in patterns {
      let matches = stacks.filter {
        Self.matches(pattern, $0.id) || Self.matches(pattern, $0.stackName)
          || Self.matches(pattern, $0.entry.path)
      }
      if matches.isEmpty { unknown.append(pattern) }
      for m in matches { chosen.insert(m.id) }
    }
    if !unknown.isEmpty {
      let known =
        stacks.isEmpty
        ? "the app has no stacks"
        : "the stacks are "
          + stacks.map(\.id).joined(separator: ", ")
      throw SynthFailure(
        .unknownStack,
        "no stack named \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); \(known). "
          + "Name stacks by id, stack name or path (`stack list` shows them).")
    }
    return stacks.filter { chosen.contains($0.id) }
  }

  /// Glob matching with `*` and `?`, whole string.
  static func matches(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern)
    let t = Array(text)
    var pi = 0
    var ti = 0
    var star = -1
    var mark = 0
    while ti < t.count {
      if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
        pi += 1
        ti += 1
      } else if pi < p.count, p[pi] == "*" {
        star = pi
        mark = ti
        pi += 1
      } else if star >= 0 {
        pi = star + 1
        mark += 1
        ti = mark
      } else {
        return false
      }
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
  }
}
