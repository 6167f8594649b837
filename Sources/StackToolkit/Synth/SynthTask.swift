import Foundation
import StackKit

/// `stack synth`: synthesize, then write the templates folder or, with ``check``, compare it.
///
/// ```swift
/// let config = try ProjectConfig.find(from: FileManager.default.currentDirectoryPath)
/// let status = try await SynthTask(check: true).run(config: config, console: .standard)
/// exit(status)   // 1 when the committed templates are stale
/// ```
public struct SynthTask: Sendable {
  /// Stacks to write (ids, names, paths or `*` patterns); all when empty.
  public var stacks: [String]
  /// Compare instead of writing; the result is 1 when anything is stale.
  public var check: Bool
  /// Overrides stack.json's `format`.
  public var format: TemplateFormat?
  /// Overrides stack.json's `output` (relative to the current folder).
  public var output: String?
  /// Merged over stack.json's `context`.
  public var context: JSONObject
  /// Skip stack.json's `build` command.
  public var skipBuild: Bool
  /// How many changed lines of diff `--check` shows in all.
  public var diffLines: Int

  public init(
    stacks: [String] = [], check: Bool = false, format: TemplateFormat? = nil,
    output: String? = nil, context: JSONObject = JSONObject(), skipBuild: Bool = false,
    diffLines: Int = 40
  ) {
    self.stacks = stacks
    self.check = check
    self.format = format
    self.output = output
    self.context = context
    self.skipBuild = skipBuild
    self.diffLines = diffLines
  }

  /// Runs the command and returns its exit status (0, or 1 for stale templates under `check`).
  /// Failures are thrown (``SynthFailure``) and leave the templates folder untouched.
  public func run(config: ProjectConfig, console: Console) async throws(SynthFailure) -> Int32 {
    let result = try await Synthesis.run(
      config: config,
      options: Synthesis.Options(
        format: format, context: context, skipBuild: skipBuild,
        progress: { console.note($0) }))
    if !result.appMessages.isEmpty {
      for line in result.appMessages.split(separator: "\n") { console.note("app: \(line)") }
    }
    let selected = try result.select(stacks)
    var directory = config.outputDirectory
    var displayName = config.output
    if let output {
      directory =
        output.hasPrefix("/")
        ? output
        : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(output)
      directory = (directory as NSString).standardizingPath
      displayName = output
    }
    let folder = TemplateOutput(directory: directory)
    let changes = folder.changes(for: result, selecting: selected)
    let status = Dictionary(
      changes.compactMap { c in c.stackID.map { ($0, c.kind) } }, uniquingKeysWith: { a, _ in a })

    for line in SynthSummary.table(selected, status: check ? nil : status) { console.print(line) }
    let timing = SynthSummary.timing(result)

    if check {
      let stale = changes.filter(\.isChange)
      if stale.isEmpty {
        console.print(
          "Up to date: \(SynthSummary.count(selected.count, "template")) and "
            + "\(CloudAssembly.manifestFile) in \(displayName) match the code (\(timing)).")
        return 0
      }
      let names = stale.map { c in
        c.stackID.map { "\($0) (\(c.file) \(Self.verb(c.kind)))" }
          ?? "\(c.file) \(Self.verb(c.kind))"
      }
      console.print("Stale in \(displayName): \(names.joined(separator: ", "))")
      var budget = diffLines
      for change in stale {
        console.print("")
        if budget <= 0 {
          console.print("(diff of \(change.file) not shown)")
          continue
        }
        let diff = LineDiff(old: change.oldText ?? "", new: change.newText ?? "")
        console.print(change.diff(directoryName: displayName, maxChangedLines: budget))
        budget -= diff.changedLineCount
      }
      console.print("")
      console.print(
        "The committed templates are stale. Run `stack synth` and commit \(displayName)/.")
      return 1
    }

    try folder.apply(changes)
    let written = changes.filter { $0.kind == .created || $0.kind == .updated }.count
    let removed = changes.filter { $0.kind == .removed }
    var summary =
      written == 0
      ? "Nothing changed in \(displayName)"
      : "Wrote \(SynthSummary.count(written, "file")) to \(displayName)"
    if !removed.isEmpty {
      summary += "; removed \(removed.map(\.file).joined(separator: ", "))"
    }
    console.print(summary + " (\(timing)).")
    return 0
  }

  private static func verb(_ kind: TemplateOutput.FileChange.Kind) -> String {
    switch kind {
    case .created: "missing"
    case .updated: "differs"
    case .removed: "belongs to no stack"
    case .unchanged: "unchanged"
    }
  }
}
