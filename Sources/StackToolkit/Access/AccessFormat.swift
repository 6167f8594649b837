/// How `stack access` writes its review.
///
/// ```swift
/// let format = AccessFormat(rawValue: "markdown") ?? .text
/// ```
public enum AccessFormat: String, Sendable, CaseIterable {
  /// For a terminal: box-drawn tables.
  case text
  /// For a pull-request comment.
  case markdown
  /// For programs: one object with a `stacks` list.
  case json
}
