import Foundation
import StackKit

/// Writes template diffs as text, Markdown or JSON.
///
/// ```swift
/// let text = DiffRenderer(format: .markdown).render([("MotoDemo", diff)])
/// ```
public struct DiffRenderer: Sendable {
  public var format: DiffFormat
  /// ANSI colors in text output (on a terminal).
  public var color: Bool

  public init(format: DiffFormat, color: Bool = false) {
    self.format = format
    self.color = color
  }

  /// One stack's diff, labeled with its name.
  public struct Entry: Sendable {
    public var stackName: String
    public var diff: TemplateDiff
    /// False when the stack is not deployed yet (the diff is against an empty template).
    public var deployed: Bool

    public init(stackName: String, diff: TemplateDiff, deployed: Bool = true) {
      self.stackName = stackName
      self.diff = diff
      self.deployed = deployed
    }
  }

  public func render(_ entries: [Entry]) -> String {
    switch format {
    case .text: return entries.map(text).joined(separator: "\n")
    case .markdown: return entries.map(markdown).joined(separator: "\n")
    case .json: return JSONWriter().write(json(entries))
    }
  }

  // MARK: - Shared pieces

  /// A value on one line: intrinsics as `${X.Attr}`, objects and lists as compact JSON.
  static func valueText(_ value: JSON?) -> String {
    guard let value else { return "(absent)" }
    switch value {
    case .object, .array:
      let rendered = IntrinsicText.render(value)
      return rendered.count > 400 ? String(rendered.prefix(400)) + "…" : rendered
    default: return IntrinsicText.render(value)
    }
  }

  static func impactText(_ r: ResourceDifference) -> String {
    switch r.impact {
    case .create: return "create"
    case .update: return "update"
    case .replace: return "REPLACE"
    case .mayReplace: return "may be replaced"
    case .destroy: return "DESTROY"
    case .orphan: return "orphan (kept by DeletionPolicy Retain)"
    case .none: return "no resource change"
    }
  }

  static func summaryText(_ diff: TemplateDiff) -> String {
    var parts = [
      "\(diff.addedCount) to add", "\(diff.modifiedCount) to modify",
      "\(diff.removedCount) to remove",
    ]
    if diff.replacedCount > 0 { parts.append("\(diff.replacedCount) replaced") }
    return parts.joined(separator: ", ")
  }

  /// The security tables of a diff that have rows, in the order they are shown, with their
  /// title and whether the change broadens access (text, Markdown and the deploy summary).
  static func securityTables(_ diff: TemplateDiff)
    -> [(title: String, broadening: Bool, table: TextTable)]
  {
    let sections: [(String, Bool, TextTable?)] = [
      ("IAM statement changes", diff.iam.broadensPermissions, iamTable(diff.iam)),
      ("IAM managed policy changes", false, managedPolicyTable(diff.iam)),
      (
        "Security group changes", diff.securityGroups.broadensAccess,
        securityGroupTable(diff.securityGroups)
      ),
    ]
    return sections.compactMap { title, broadening, table in
      table.map { (title, broadening, $0) }
    }
  }

  static func iamTable(_ iam: IAMChanges) -> TextTable? {
    guard !iam.statementsAdded.isEmpty || !iam.statementsRemoved.isEmpty else { return nil }
    var table = TextTable(headers: ["", "Resource", "Effect", "Action", "Principal", "Condition"])
    for (sign, list) in [("+", iam.statementsAdded), ("-", iam.statementsRemoved)] {
      for s in list {
        table.rows.append([
          sign, s.resourceText.joined(separator: "\n"), s.effect,
          s.actionText.joined(separator: "\n"), s.principalText.joined(separator: "\n"),
          s.condition ?? "",
        ])
      }
    }
    return table
  }

  static func managedPolicyTable(_ iam: IAMChanges) -> TextTable? {
    guard !iam.managedPoliciesAdded.isEmpty || !iam.managedPoliciesRemoved.isEmpty else {
      return nil
    }
    var table = TextTable(headers: ["", "Identity", "Managed policy"])
    for a in iam.managedPoliciesAdded { table.rows.append(["+", a.identity, a.policyARN]) }
    for a in iam.managedPoliciesRemoved { table.rows.append(["-", a.identity, a.policyARN]) }
    return table
  }

  static func securityGroupTable(_ sg: SecurityGroupChanges) -> TextTable? {
    guard !sg.isEmpty else { return nil }
    var table = TextTable(headers: ["", "Group", "Dir", "Protocol", "Ports", "Peer"])
    for (sign, list) in [("+", sg.added), ("-", sg.removed)] {
      for r in list {
        table.rows.append([
          sign, r.group, r.direction == .ingress ? "In" : "Out", r.ipProtocol, r.ports, r.peer,
        ])
      }
    }
    return table
  }

  // MARK: - Text

  private func paint(_ s: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }

  private func text(_ entry: Entry) -> String {
    let diff = entry.diff
    var out: [String] = []
    let header = "Stack \(entry.stackName)" + (entry.deployed ? "" : " (not deployed yet)")
    out.append(paint(header, "1"))
    if diff.isEmpty {
      out.append("There were no differences")
      return out.joined(separator: "\n") + "\n"
    }
    if !diff.resources.isEmpty {
      out.append("Resources (\(Self.summaryText(diff)))")
      for r in diff.resources {
        let (sign, code) =
          r.change == .added ? ("[+]", "32") : r.change == .removed ? ("[-]", "31") : ("[~]", "33")
        var line = "\(paint(sign, code)) \(r.type) \(r.logicalID)"
        if r.change != .added {
          line +=
            " "
            + paint(
              "(\(Self.impactText(r)))", r.impact == .replace || r.impact == .destroy ? "31;1" : "2"
            )
        }
        out.append(line)
        let changes = r.attributes + r.properties
        for (i, p) in changes.enumerated() {
          let last = i == changes.count - 1
          let branch = last ? " └─" : " ├─"
          let stem = last ? "    " : " │  "
          var title = "\(branch) [~] \(p.pathText)"
          switch p.replacement {
          case .always: title += " " + paint("(requires replacement)", "31")
          case .conditional: title += " " + paint("(may cause replacement)", "33")
          case .never: break
          }
          out.append(title)
          if p.replacement == .conditional && p.before == p.after {
            out.append("\(stem) └─ refers to a replaced resource: \(Self.valueText(p.after))")
            continue
          }
          out.append("\(stem) ├─ " + paint("[-] \(Self.valueText(p.before))", "31"))
          out.append("\(stem) └─ " + paint("[+] \(Self.valueText(p.after))", "32"))
        }
      }
    }
    for (title, entries) in [
      ("Parameters", diff.parameters), ("Outputs", diff.outputs), ("Other changes", diff.other),
    ] where !entries.isEmpty {
      out.append("")
      out.append(title)
      for e in entries {
        let name =
          e.name.isEmpty
          ? e.section : (title == "Other changes" ? "\(e.section).\(e.name)" : e.name)
        switch e.change {
        case .added: out.append("\(paint("[+]", "32")) \(name): \(Self.valueText(e.after))")
        case .removed: out.append("\(paint("[-]", "31")) \(name)")
        case .modified:
          out.append(
            "\(paint("[~]", "33")) \(name): \(Self.valueText(e.before)) → \(Self.valueText(e.after))"
          )
        }
      }
    }
    for section in Self.securityTables(diff) {
      out.append("")
      out.append(section.title + (section.broadening ? paint(" (broadening)", "31;1") : ""))
      out.append(section.table.render())
    }
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - Markdown

  private func markdown(_ entry: Entry) -> String {
    let diff = entry.diff
    var out: [String] = []
    out.append("### Stack `\(entry.stackName)`" + (entry.deployed ? "" : " (not deployed yet)"))
    out.append("")
    if diff.isEmpty {
      out.append("No differences.")
      return out.joined(separator: "\n") + "\n"
    }
    var summary = "**\(Self.summaryText(diff))**"
    if diff.broadensSecurity { summary += " · ⚠️ **broadens IAM or security-group access**" }
    out.append(summary)
    func code(_ s: String) -> String {
      s.isEmpty ? "" : "`" + s.replacingOccurrences(of: "`", with: "'") + "`"
    }
    if !diff.resources.isEmpty {
      out.append("")
      var table = TextTable(headers: ["", "Logical ID", "Type", "Impact"])
      for r in diff.resources {
        let sign = r.change == .added ? "➕" : r.change == .removed ? "➖" : "✏️"
        let impact =
          r.impact == .replace || r.impact == .destroy
          ? "**\(Self.impactText(r))**" : Self.impactText(r)
        table.rows.append([sign, code(r.logicalID), r.type, impact])
      }
      out.append(table.renderMarkdown())
      var details = TextTable(headers: ["Logical ID", "Property", "Before", "After", "Replacement"])
      for r in diff.resources {
        for p in r.attributes + r.properties {
          let replacement =
            p.replacement == .always ? "**yes**" : p.replacement == .conditional ? "maybe" : ""
          details.rows.append([
            code(r.logicalID), code(p.pathText), code(Self.valueText(p.before)),
            code(Self.valueText(p.after)), replacement,
          ])
        }
      }
      if !details.rows.isEmpty {
        out.append("")
        out.append("<details><summary>Property changes (\(details.rows.count))</summary>")
        out.append("")
        out.append(details.renderMarkdown())
        out.append("")
        out.append("</details>")
      }
    }
    let entries = diff.parameters + diff.outputs + diff.other
    if !entries.isEmpty {
      out.append("")
      var table = TextTable(headers: ["Section", "Name", "Before", "After"])
      for e in entries {
        table.rows.append([
          e.section, code(e.name), e.before == nil ? "" : code(Self.valueText(e.before)),
          e.after == nil ? "" : code(Self.valueText(e.after)),
        ])
      }
      out.append(table.renderMarkdown())
    }
    for section in Self.securityTables(diff) {
      out.append("")
      out.append("#### \(section.title)")
      out.append("")
      out.append(section.table.renderMarkdown())
    }
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - JSON

  private func json(_ entries: [Entry]) -> JSON {
    func value(_ v: JSON?) -> JSON { v ?? .null }
    func strings(_ list: [String]) -> JSON { .array(list.map(JSON.string)) }
    var stacks: [JSON] = []
    for entry in entries {
      let d = entry.diff
      var o = JSONObject()
      o["stackName"] = .string(entry.stackName)
      o["deployed"] = .bool(entry.deployed)
      o["hasDifferences"] = .bool(!d.isEmpty)
      o["broadensSecurity"] = .bool(d.broadensSecurity)
      o["summary"] = .object(
        JSONObject([
          ("added", .int(d.addedCount)), ("modified", .int(d.modifiedCount)),
          ("removed", .int(d.removedCount)), ("replaced", .int(d.replacedCount)),
        ]))
      o["resources"] = .array(
        d.resources.map { r in
          var ro = JSONObject()
          ro["logicalId"] = .string(r.logicalID)
          ro["type"] = .string(r.type)
          if let t = r.oldType, r.oldType != r.newType, r.newType != nil {
            ro["oldType"] = .string(t)
          }
          ro["change"] = .string(r.change.rawValue)
          ro["impact"] = .string(r.impact.rawValue)
          let changes = (r.attributes + r.properties).map { p -> JSON in
            .object(
              JSONObject([
                ("path", .string(p.pathText)), ("before", value(p.before)),
                ("after", value(p.after)), ("replacement", .string(p.replacement.rawValue)),
              ]))
          }
          if !changes.isEmpty { ro["changes"] = .array(changes) }
          return .object(ro)
        })
      func entryList(_ list: [EntryDifference]) -> JSON {
        .array(
          list.map { e in
            .object(
              JSONObject([
                ("section", .string(e.section)), ("name", .string(e.name)),
                ("change", .string(e.change.rawValue)), ("before", value(e.before)),
                ("after", value(e.after)),
              ]))
          })
      }
      o["parameters"] = entryList(d.parameters)
      o["outputs"] = entryList(d.outputs)
      o["other"] = entryList(d.other)
      func statement(_ s: IAMStatement) -> JSON {
        var so = JSONObject()
        so["source"] = .string(s.source)
        so["kind"] = .string(s.kind)
        so["effect"] = .string(s.effect)
        so["actions"] = strings(s.actionText)
        so["resources"] = strings(s.resourceText)
        so["principals"] = strings(s.principalText)
        if let c = s.condition { so["condition"] = .string(c) }
        return .object(so)
      }
      o["iam"] = .object(
        JSONObject([
          ("broadening", .bool(d.iam.broadensPermissions)),
          ("statementsAdded", .array(d.iam.statementsAdded.map(statement))),
          ("statementsRemoved", .array(d.iam.statementsRemoved.map(statement))),
          (
            "managedPoliciesAdded",
            .array(
              d.iam.managedPoliciesAdded.map {
                .object(
                  JSONObject([
                    ("identity", .string($0.identity)), ("policyArn", .string($0.policyARN)),
                  ]))
              })
          ),
          (
            "managedPoliciesRemoved",
            .array(
              d.iam.managedPoliciesRemoved.map {
                .object(
                  JSONObject([
                    ("identity", .string($0.identity)), ("policyArn", .string($0.policyARN)),
                  ]))
              })
          ),
        ]))
      func rule(_ r: SecurityGroupRule) -> JSON {
        .object(
          JSONObject([
            ("group", .string(r.group)), ("direction", .string(r.direction.rawValue)),
            ("protocol", .string(r.ipProtocol)), ("ports", .string(r.ports)),
            ("peer", .string(r.peer)),
          ]))
      }
      o["securityGroups"] = .object(
        JSONObject([
          ("broadening", .bool(d.securityGroups.broadensAccess)),
          ("added", .array(d.securityGroups.added.map(rule))),
          ("removed", .array(d.securityGroups.removed.map(rule))),
        ]))
      stacks.append(.object(o))
    }
    return .object(JSONObject([("stacks", .array(stacks))]))
  }
}
