import StackKit

/// The differences between a deployed template and a local one: resources added, removed and
/// modified (property by property, with replacements), parameters, outputs and other sections,
/// and the IAM and security-group changes.
///
/// ```swift
/// let diff = TemplateDiff(old: deployedTemplate, new: assembly.stacks[0].template)
/// if diff.broadensSecurity { print("review the IAM and security-group tables") }
/// ```
public struct TemplateDiff: Sendable, Hashable {
  /// Changed resources, in the order of the new template then the removed ones.
  public var resources: [ResourceDifference]
  public var parameters: [EntryDifference]
  public var outputs: [EntryDifference]
  /// `Conditions`, `Mappings`, `Rules`, and top-level keys (`Description`, `Transform`, …).
  public var other: [EntryDifference]
  public var iam: IAMChanges
  public var securityGroups: SecurityGroupChanges

  public init(
    resources: [ResourceDifference] = [], parameters: [EntryDifference] = [],
    outputs: [EntryDifference] = [], other: [EntryDifference] = [], iam: IAMChanges = IAMChanges(),
    securityGroups: SecurityGroupChanges = SecurityGroupChanges()
  ) {
    self.resources = resources
    self.parameters = parameters
    self.outputs = outputs
    self.other = other
    self.iam = iam
    self.securityGroups = securityGroups
  }

  /// True when the templates mean the same.
  public var isEmpty: Bool {
    resources.isEmpty && parameters.isEmpty && outputs.isEmpty && other.isEmpty && iam.isEmpty
      && securityGroups.isEmpty
  }

  /// True when the change grants more IAM access or opens security groups further.
  public var broadensSecurity: Bool { iam.broadensPermissions || securityGroups.broadensAccess }

  public var addedCount: Int { resources.filter { $0.change == .added }.count }
  public var removedCount: Int { resources.filter { $0.change == .removed }.count }
  public var modifiedCount: Int { resources.filter { $0.change == .modified }.count }
  public var replacedCount: Int { resources.filter { $0.impact == .replace }.count }
}
