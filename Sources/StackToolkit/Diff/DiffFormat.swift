/// How `stack diff` writes its result.
///
/// ```swift
/// let format = DiffFormat(rawValue: "markdown") ?? .text
/// ```
public enum DiffFormat: String, Sendable, CaseIterable {
  /// For a terminal: trees of changes and box-drawn tables.
  case text
  /// For a pull-request comment: headings, tables and collapsible details.
  case markdown
  /// For programs: one object with a `stacks` list.
  case json
}
