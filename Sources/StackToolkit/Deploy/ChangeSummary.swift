import StackKit

/// What a deployment will change, shown before approval: one row per resource (add, modify,
/// remove, with replacements), then the security-broadening IAM and security-group changes.
///
/// Built from the change set when CloudFormation lists its changes, and from the template diff
/// otherwise; the diff fills in replacement when the change set does not say.
///
/// ```swift
/// let summary = ChangeSummary(stackName: "Demo", changes: changeSetChanges, diff: diff)
/// print(summary.render(color: false))
/// ```
public struct ChangeSummary: Sendable {
  /// One row of the summary.
  public struct Row: Sendable, Hashable {
    public var action: PlannedChange.Action
    public var logicalID: String
    public var resourceType: String
    /// `replace`, `may replace`, or nil.
    public var replacement: String?
    /// The properties that cause the replacement.
    public var because: [String]
  }

  public var stackName: String
  public var rows: [Row]
  public var diff: TemplateDiff

  public init(stackName: String, changes: [PlannedChange], diff: TemplateDiff) {
    self.stackName = stackName
    self.diff = diff
    let byID = Dictionary(
      diff.resources.map { ($0.logicalID, $0) }, uniquingKeysWith: { a, _ in a })
    var rows: [Row] = []
    for change in changes {
      let local = byID[change.logicalID]
      var replacement: String?
      var because = change.replacingProperties
      switch change.replacement {
      case "True": replacement = "replace"
      case "Conditional": replacement = "may replace"
      case "False": replacement = nil
      default:
        if let local {
          replacement =
            local.impact == .replace ? "replace" : local.impact == .mayReplace ? "may replace" : nil
        }
      }
      if replacement != nil && because.isEmpty, let local {
        because = local.properties.filter { $0.replacement != .never }.map { $0.path[0] }
        if local.oldType != local.newType { because.insert("Type", at: 0) }
      }
      rows.append(
        Row(
          action: change.action, logicalID: change.logicalID, resourceType: change.resourceType,
          replacement: replacement, because: Array(Set(because)).sorted()))
    }
    if changes.isEmpty {
      // No list from CloudFormation: say what the templates say.
      for r in diff.resources where r.impact != .none {
        let action: PlannedChange.Action =
          r.change == .added ? .add : r.change == .removed ? .remove : .modify
        let replacement =
          r.impact == .replace ? "replace" : r.impact == .mayReplace ? "may replace" : nil
        var because = r.properties.filter { $0.replacement != .never }.map { $0.path[0] }
        if r.oldType != r.newType && r.change == .modified { because.insert("Type", at: 0) }
        rows.append(
          Row(
            action: action, logicalID: r.logicalID, resourceType: r.type, replacement: replacement,
            because: Array(Set(because)).sorted()))
      }
    }
    self.rows = rows
  }

  /// True when anything changes: resources, outputs, parameters or other template sections.
  public var hasChanges: Bool { !rows.isEmpty || !diff.isEmpty }

  /// True when IAM permissions or security-group rules widen.
  public var broadensSecurity: Bool { diff.broadensSecurity }

  public var addCount: Int { rows.filter { $0.action == .add || $0.action == .import }.count }
  public var modifyCount: Int {
    rows.filter { $0.action == .modify || $0.action == .dynamic }.count
  }
  public var removeCount: Int { rows.filter { $0.action == .remove }.count }
  public var replaceCount: Int { rows.filter { $0.replacement == "replace" }.count }

  /// `2 to add, 1 to modify (1 replaced), 0 to remove`.
  public var countsText: String {
    var modify = "\(modifyCount) to modify"
    if replaceCount > 0 { modify += " (\(replaceCount) replaced)" }
    return "\(addCount) to add, \(modify), \(removeCount) to remove"
  }

  /// The summary for a terminal or a log.
  public func render(color: Bool) -> String {
    func paint(_ s: String, _ code: String) -> String {
      color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
    var out: [String] = []
    out.append(paint("Changes to \(stackName): \(countsText)", "1"))
    if !rows.isEmpty {
      var table = TextTable(headers: ["", "Logical ID", "Type", "Replacement"])
      for row in rows {
        let sign: String
        switch row.action {
        case .add, .import: sign = "+"
        case .remove: sign = "-"
        case .modify, .dynamic: sign = "~"
        }
        var replacement = row.replacement ?? ""
        if !row.because.isEmpty && row.replacement != nil {
          replacement += " (\(row.because.joined(separator: ", ")))"
        }
        table.rows.append([sign, row.logicalID, row.resourceType, replacement])
      }
      var rendered = table.render()
      if color {
        rendered = rendered.split(separator: "\n", omittingEmptySubsequences: false).map { line in
          if line.hasPrefix("│ + ") { return paint(String(line), "32") }
          if line.hasPrefix("│ - ") { return paint(String(line), "31") }
          if line.contains(" replace") { return paint(String(line), "33") }
          return String(line)
        }.joined(separator: "\n")
      }
      out.append(rendered)
    }
    let others =
      diff.outputs.map { "output \($0.name) \($0.change.rawValue)" }
      + diff.parameters.map { "parameter \($0.name) \($0.change.rawValue)" }
    if !others.isEmpty { out.append("Also: " + others.joined(separator: ", ")) }
    for section in DiffRenderer.securityTables(diff) {
      out.append(
        section.broadening
          ? paint("\(section.title) (broadening):", "31;1") : "\(section.title):")
      out.append(section.table.render())
    }
    return out.joined(separator: "\n") + "\n"
  }
}
