/// `stack list`: the app's stacks with their resource counts, dependencies and environments.
///
/// ```swift
/// try await ListTask().run(config: config, console: .standard)
/// // Stack          Resources  Depends on     Environment
/// // SharedNetwork          4  -              any account, any region
/// ```
public struct ListTask: Sendable {
  /// Stacks to show (ids, names, paths or `*` patterns); all when empty.
  public var stacks: [String]
  /// Skip stack.json's `build` command.
  public var skipBuild: Bool

  public init(stacks: [String] = [], skipBuild: Bool = false) {
    self.stacks = stacks
    self.skipBuild = skipBuild
  }

  /// Synthesizes in a temporary folder (writing nothing to the project) and prints the table.
  public func run(config: ProjectConfig, console: Console) async throws(SynthFailure) {
    let result = try await Synthesis.run(
      config: config,
      options: Synthesis.Options(skipBuild: skipBuild, progress: { console.note($0) }))
    let selected = try result.select(stacks)
    var rows = [["Stack", "Resources", "Depends on", "Environment"]]
    for s in selected {
      let env = s.entry.environment
      rows.append([
        s.id + (s.stackName == s.id ? "" : " (\(s.stackName))"),
        SynthSummary.grouped(s.resourceCount),
        s.entry.dependencies.isEmpty ? "-" : s.entry.dependencies.joined(separator: ", "),
        "\(env.account.map { "account \($0)" } ?? "any account"), "
          + (env.region.map { "region \($0)" } ?? "any region"),
      ])
    }
    for line in SynthSummary.align(rows, rightAligned: [1]) { console.print(line) }
    console.print(SynthSummary.count(selected.count, "stack"))
  }
}
