import StackKit

extension CfnResource {
  /// Renders the tags that apply to this resource through `Tags.of(scope)` (and `extra`) as its
  /// `Tags` property, computed at synthesis; nothing when there is none.
  func renderTagsOfScopes(extra: [(String, String)] = []) {
    addPropertyOverride("Tags", Tags.lazyValue(extra: extra) { [unowned self] in self })
  }
}
