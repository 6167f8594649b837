import StackKit

/// A change of a template entry that is not a resource: a parameter, output, condition, mapping,
/// or a top-level key such as `Description`.
///
/// ```swift
/// for output in diff.outputs { print(output.name, output.before == nil ? "added" : "changed") }
/// ```
public struct EntryDifference: Sendable, Hashable {
  /// The template section (`Parameters`, `Outputs`, `Conditions`, `Mappings`, or the top-level
  /// key itself such as `Description`).
  public var section: String
  /// The entry's name (empty for a top-level key).
  public var name: String
  public var before: JSON?
  public var after: JSON?

  public init(section: String, name: String, before: JSON?, after: JSON?) {
    self.section = section
    self.name = name
    self.before = before
    self.after = after
  }

  /// Added, removed or modified.
  public var change: ResourceDifference.Change {
    before == nil ? .added : after == nil ? .removed : .modified
  }
}
