import StackKit

extension EC2 {
  /// The tags that apply to a resource created now as a child of `parent` (everything set with
  /// ``Tags/of(_:)`` on `parent` and its scopes), with `extra` tags of the resource's own, sorted
  /// by key as CDK sorts them; `nil` when there is none.
  static func inheritedTags(_ parent: Construct, extra: [(String, String)] = []) -> [CfnTag]? {
    var merged: [(String, String)] = extra
    for tag in Tags.applying(to: parent) {
      if let i = merged.firstIndex(where: { $0.0 == tag.key }) {
        merged[i].1 = tag.value
      } else {
        merged.append((tag.key, tag.value))
      }
    }
    if merged.isEmpty { return nil }
    return merged.sorted { PathCollation.precedes($0.0, $1.0) }.map {
      CfnTag(key: .string($0.0), value: .string($0.1))
    }
  }
}
