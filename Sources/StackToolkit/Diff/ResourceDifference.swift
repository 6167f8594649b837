import StackKit

/// How one resource differs between the deployed template and the local one.
///
/// ```swift
/// for resource in diff.resources where resource.impact == .replace {
///   print("\(resource.logicalID) (\(resource.type)) will be replaced")
/// }
/// ```
public struct ResourceDifference: Sendable, Hashable {
  /// Added, removed or changed.
  public enum Change: String, Sendable, Hashable {
    case added, removed, modified
  }

  /// What deploying the change does to the real resource.
  public enum Impact: String, Sendable, Hashable {
    /// A new resource is created.
    case create
    /// Updated in place.
    case update
    /// A create-only property changed: a new resource replaces the old one.
    case replace
    /// May be replaced: a create-only property refers to a resource that is replaced.
    case mayReplace = "may-replace"
    /// The resource is deleted.
    case destroy
    /// Removed from the stack but kept (`DeletionPolicy: Retain`).
    case orphan
    /// Only metadata changed; nothing happens to the resource.
    case none
  }

  public var logicalID: String
  public var change: Change
  /// The type before the change (nil when added).
  public var oldType: String?
  /// The type after the change (nil when removed).
  public var newType: String?
  public var impact: Impact
  /// Changes below `Properties`, one per changed leaf value.
  public var properties: [PropertyDifference]
  /// Changes of the resource's other keys (`DependsOn`, `Metadata`, `DeletionPolicy` …), with
  /// the key as the first path element.
  public var attributes: [PropertyDifference]

  public init(
    logicalID: String, change: Change, oldType: String?, newType: String?, impact: Impact,
    properties: [PropertyDifference] = [], attributes: [PropertyDifference] = []
  ) {
    self.logicalID = logicalID
    self.change = change
    self.oldType = oldType
    self.newType = newType
    self.impact = impact
    self.properties = properties
    self.attributes = attributes
  }

  /// The resource type (the new one when it changed).
  public var type: String { newType ?? oldType ?? "?" }
}
