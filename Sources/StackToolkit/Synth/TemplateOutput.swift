import Foundation
import StackKit

/// The committed templates folder: what synthesizing would change in it, and writing those
/// changes all at once.
///
/// ```swift
/// let output = TemplateOutput(directory: config.outputDirectory)
/// let changes = output.changes(for: result, selecting: result.stacks)
/// if changes.contains(where: \.isChange) { try output.apply(changes) }
/// ```
public struct TemplateOutput: Sendable {
  /// One file of the folder and what synthesizing does to it.
  public struct FileChange: Sendable {
    public enum Kind: String, Sendable {
      case unchanged, created, updated, removed
    }

    /// The file name inside the folder.
    public let file: String
    /// The stack the file belongs to; nil for the manifest and for files of removed stacks.
    public let stackID: String?
    public let kind: Kind
    /// The text in the folder now (nil when the file does not exist).
    public let oldText: String?
    /// The text to write (nil when the file is removed).
    public let newText: String?

    /// True unless the file stays as it is.
    public var isChange: Bool { kind != .unchanged }

    /// A unified-style diff of the change, at most `maxChangedLines` changed lines.
    public func diff(directoryName: String, maxChangedLines: Int = 40) -> String {
      LineDiff(old: oldText ?? "", new: newText ?? "").unified(
        oldName: "\(directoryName)/\(file) (\(oldText == nil ? "missing" : "committed"))",
        newName: newText == nil ? "(removed: no such stack)" : "\(file) (synthesized)",
        maxChangedLines: maxChangedLines)
    }
  }

  /// The absolute path of the folder.
  public let directory: String

  public init(directory: String) { self.directory = directory }

  /// True for names `stack synth` manages: `*.template.yaml` and `*.template.json`.
  public static func isTemplateFile(_ name: String) -> Bool {
    !name.hasPrefix(".")
      && TemplateFormat.allCases.contains { name.hasSuffix(".template.\($0.fileExtension)") }
  }

  /// What writing `selected` (stacks of `result`) and the manifest would do to the folder. Template
  /// files of stacks the app no longer has are removed, as is a selected stack's template in the
  /// other format.
  public func changes(for result: SynthResult, selecting selected: [SynthResult.StackTemplate])
    -> [FileChange]
  {
    var changes: [FileChange] = []
    func compare(_ file: String, _ stackID: String?, _ text: String) {
      let old = read(file)
      let kind: FileChange.Kind = old == nil ? .created : (old == text ? .unchanged : .updated)
      changes.append(
        FileChange(file: file, stackID: stackID, kind: kind, oldText: old, newText: text))
    }
    for stack in selected { compare(stack.templateFile, stack.id, stack.text) }
    compare(CloudAssembly.manifestFile, nil, result.manifestText)

    let current = Set(result.stacks.map(\.templateFile))
    let knownIDs = Set(result.stacks.map(\.id))
    let selectedIDs = Set(selected.map(\.id))
    let existing =
      ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    for name in existing where Self.isTemplateFile(name) && !current.contains(name) {
      let id = String(name[..<name.range(of: ".template.", options: .backwards)!.lowerBound])
      guard !knownIDs.contains(id) || selectedIDs.contains(id) else { continue }
      changes.append(
        FileChange(
          file: name, stackID: knownIDs.contains(id) ? id : nil, kind: .removed,
          oldText: read(name), newText: nil))
    }
    return changes
  }

  /// Applies the changes: every new text is written to a temporary file first, then all are
  /// renamed into place, then removed files are deleted. A failure before the renames leaves the
  /// folder as it was.
  public func apply(_ changes: [FileChange]) throws(SynthFailure) {
    let fm = FileManager.default
    let writes = changes.filter { $0.kind == .created || $0.kind == .updated }
    let removals = changes.filter { $0.kind == .removed }
    if writes.isEmpty && removals.isEmpty { return }
    do {
      try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw SynthFailure(
        .writeFailed,
        "cannot create the templates folder \(directory): \(error.localizedDescription)")
    }
    let token = UUID().uuidString.prefix(8)
    var staged: [(temporary: String, target: String)] = []
    do {
      for change in writes {
        let temporary = path(".\(change.file).tmp-\(token)")
        staged.append((temporary, path(change.file)))
        try Data((change.newText ?? "").utf8).write(to: URL(fileURLWithPath: temporary))
      }
    } catch {
      for s in staged { try? fm.removeItem(atPath: s.temporary) }
      throw SynthFailure(
        .writeFailed,
        "cannot write to \(directory): \(error.localizedDescription). Nothing was changed there.")
    }
    for s in staged where rename(s.temporary, s.target) != 0 {
      let reason = String(cString: strerror(errno))
      for t in staged { try? fm.removeItem(atPath: t.temporary) }
      throw SynthFailure(.writeFailed, "cannot replace \(s.target): \(reason).")
    }
    for change in removals {
      do {
        try fm.removeItem(atPath: path(change.file))
      } catch {
        throw SynthFailure(
          .writeFailed,
          "cannot remove \(path(change.file)), the template of a stack the app no longer has: "
            + "\(error.localizedDescription). Remove it by hand.")
      }
    }
  }

  private func path(_ file: String) -> String {
    (directory as NSString).appendingPathComponent(file)
  }

  private func read(_ file: String) -> String? {
    FileManager.default.contents(atPath: path(file)).map { String(decoding: $0, as: UTF8.self) }
  }
}
