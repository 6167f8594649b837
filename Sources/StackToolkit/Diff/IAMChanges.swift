import StackKit

/// The IAM statements and managed-policy attachments a change adds and removes.
///
/// ```swift
/// let changes = IAMChanges(old: deployed, new: local)
/// if changes.broadensPermissions { print("this change grants more access") }
/// ```
public struct IAMChanges: Sendable, Hashable {
  /// A managed policy attached to a role, user or group.
  public struct ManagedPolicyAttachment: Sendable, Hashable, Comparable {
    /// `${Role}`, rendered as in the template.
    public var identity: String
    public var policyARN: String

    public init(identity: String, policyARN: String) {
      self.identity = identity
      self.policyARN = policyARN
    }

    public static func < (a: Self, b: Self) -> Bool {
      (a.identity, a.policyARN) < (b.identity, b.policyARN)
    }
  }

  public var statementsAdded: [IAMStatement]
  public var statementsRemoved: [IAMStatement]
  public var managedPoliciesAdded: [ManagedPolicyAttachment]
  public var managedPoliciesRemoved: [ManagedPolicyAttachment]

  public init(
    statementsAdded: [IAMStatement] = [], statementsRemoved: [IAMStatement] = [],
    managedPoliciesAdded: [ManagedPolicyAttachment] = [],
    managedPoliciesRemoved: [ManagedPolicyAttachment] = []
  ) {
    self.statementsAdded = statementsAdded
    self.statementsRemoved = statementsRemoved
    self.managedPoliciesAdded = managedPoliciesAdded
    self.managedPoliciesRemoved = managedPoliciesRemoved
  }

  /// Compares the policies of two templates.
  public init(old: JSON, new: JSON) {
    let (added, removed) = Self.multisetDifference(
      IAMStatement.statements(in: old), IAMStatement.statements(in: new))
    let (attached, detached) = Self.multisetDifference(
      Self.attachments(in: old), Self.attachments(in: new))
    self.init(
      statementsAdded: added, statementsRemoved: removed, managedPoliciesAdded: attached,
      managedPoliciesRemoved: detached)
  }

  public var isEmpty: Bool {
    statementsAdded.isEmpty && statementsRemoved.isEmpty && managedPoliciesAdded.isEmpty
      && managedPoliciesRemoved.isEmpty
  }

  /// True when the change grants more: an `Allow` statement or a managed policy is added, or a
  /// `Deny` statement is removed.
  public var broadensPermissions: Bool {
    statementsAdded.contains(where: \.isAllow) || !managedPoliciesAdded.isEmpty
      || statementsRemoved.contains { !$0.isAllow }
  }

  /// Every `ManagedPolicyArns` entry of roles, users and groups, and every `Roles`/`Users`/
  /// `Groups` entry of managed policies.
  static func attachments(in template: JSON) -> [ManagedPolicyAttachment] {
    guard let resources = template["Resources"]?.objectValue else { return [] }
    var out: [ManagedPolicyAttachment] = []
    for (logicalID, resource) in resources {
      let properties = resource["Properties"]?.objectValue ?? JSONObject()
      switch resource["Type"]?.stringValue {
      case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group":
        for arn in properties["ManagedPolicyArns"]?.arrayValue ?? [] {
          out.append(
            ManagedPolicyAttachment(
              identity: "${\(logicalID)}", policyARN: IntrinsicText.render(arn)))
        }
      case "AWS::IAM::ManagedPolicy":
        for key in ["Roles", "Users", "Groups"] {
          for identity in properties[key]?.arrayValue ?? [] {
            out.append(
              ManagedPolicyAttachment(
                identity: IntrinsicText.render(identity), policyARN: "${\(logicalID)}"))
          }
        }
      default: break
      }
    }
    return out.sorted()
  }

  /// Items of `new` not matched in `old` (added) and of `old` not matched in `new` (removed),
  /// counting duplicates.
  static func multisetDifference<T: Hashable & Comparable>(_ old: [T], _ new: [T]) -> (
    added: [T], removed: [T]
  ) {
    var counts: [T: Int] = [:]
    for item in old { counts[item, default: 0] += 1 }
    var added: [T] = []
    for item in new {
      if let c = counts[item], c > 0 {
        counts[item] = c - 1
      } else {
        added.append(item)
      }
    }
    var removed: [T] = []
    var remaining = counts
    for item in old {
      if let c = remaining[item], c > 0 {
        removed.append(item)
        remaining[item] = c - 1
      }
    }
    return (added.sorted(), removed.sorted())
  }
}
