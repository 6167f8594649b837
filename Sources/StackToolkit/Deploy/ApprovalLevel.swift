/// When `stack deploy` asks before executing a change set (`--require-approval`).
///
/// ```swift
/// let level = ApprovalLevel(rawValue: "any-change") ?? .broadening
/// ```
public enum ApprovalLevel: String, Sendable, CaseIterable {
  /// Never ask.
  case never
  /// Ask before any change.
  case anyChange = "any-change"
  /// Ask when IAM permissions or security-group rules widen (the default).
  case broadening

  /// Whether a change needs a person's approval at this level.
  public func requiresApproval(_ summary: ChangeSummary) -> Bool {
    switch self {
    case .never: return false
    case .anyChange: return summary.hasChanges
    case .broadening: return summary.broadensSecurity
    }
  }
}
