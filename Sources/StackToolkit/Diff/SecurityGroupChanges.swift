import StackKit

/// The security-group rules a change adds and removes.
///
/// ```swift
/// let changes = SecurityGroupChanges(old: deployed, new: local)
/// for rule in changes.added where rule.peer == "0.0.0.0/0" { print("opens \(rule.ports)") }
/// ```
public struct SecurityGroupChanges: Sendable, Hashable {
  public var added: [SecurityGroupRule]
  public var removed: [SecurityGroupRule]

  public init(added: [SecurityGroupRule] = [], removed: [SecurityGroupRule] = []) {
    self.added = added
    self.removed = removed
  }

  /// Compares the rules of two templates.
  public init(old: JSON, new: JSON) {
    let (added, removed) = IAMChanges.multisetDifference(
      SecurityGroupRule.rules(in: old), SecurityGroupRule.rules(in: new))
    self.init(added: added, removed: removed)
  }

  public var isEmpty: Bool { added.isEmpty && removed.isEmpty }

  /// True when a rule is added: more traffic may flow.
  public var broadensAccess: Bool { !added.isEmpty }
}
