/// Tags applied to every taggable resource below a construct, as AWS CDK's `Tags.of(scope)`.
///
/// A tag added on a scope applies to the resources created below it before or after the call;
/// a tag set closer to a resource wins over one set higher up. Taggable constructs render the
/// tags that apply to them sorted by key, as CDK sorts them.
///
/// ```swift
/// Tags.of(flowLog).add("Name", flowLog.node.path)
/// Tags.of(stack).add("team", "platform")
/// ```
public struct Tags {
  /// The construct the tags go on.
  public let scope: Construct

  static let addType = "stackkit:tag"
  static let removeType = "stackkit:tag-remove"

  /// The tags of `scope` and everything below it.
  public static func of(_ scope: Construct) -> Tags { Tags(scope: scope) }

  /// Adds (or replaces) a tag.
  public func add(_ key: String, _ value: String) {
    scope.node.addMetadata(Tags.addType, .object(JSONObject([(key, .string(value))])))
  }

  /// Removes a tag set higher up (or earlier on this scope).
  public func remove(_ key: String) {
    scope.node.addMetadata(Tags.removeType, .string(key))
  }

  /// The tags that apply to a construct, from its scopes and itself, sorted by key the way CDK
  /// sorts them (JavaScript's `localeCompare`).
  public static func applying(to construct: Construct) -> [(key: String, value: String)] {
    var tags: [String: String] = [:]
    for scope in construct.node.scopes {
      for entry in scope.node.metadata {
        if entry.type == addType, case .object(let pairs) = entry.data {
          for (k, v) in pairs { if case .string(let s) = v { tags[k] = s } }
        } else if entry.type == removeType, case .string(let k) = entry.data {
          tags[k] = nil
        }
      }
    }
    return tags.sorted { PathCollation.precedes($0.key, $1.key) }.map {
      (key: $0.key, value: $0.value)
    }
  }

  /// The tags that apply to a construct, as a `Tags` property value: a list of `{Key, Value}`,
  /// or `nil` when there is none. `extra` tags (given to the construct itself) are overridden by
  /// tags set with `Tags.of`.
  public static func rendered(for construct: Construct, extra: [(String, String)] = []) -> Value? {
    var merged: [String: String] = [:]
    for (k, v) in extra { merged[k] = v }
    for tag in applying(to: construct) { merged[tag.key] = tag.value }
    if merged.isEmpty { return nil }
    let sorted = merged.sorted { PathCollation.precedes($0.key, $1.key) }
    return .list(sorted.map { CfnTag(key: .string($0.key), value: .string($0.value)).cfnValue })
  }

  /// ``rendered(for:extra:)`` computed at synthesis, so tags added later count.
  ///
  /// ```swift
  /// properties.append(("Tags", Tags.lazyValue { [unowned self] in self.resource }))
  /// ```
  public static func lazyValue(
    extra: [(String, String)] = [], for construct: @escaping () -> Construct
  ) -> Value {
    .lazy(Lazy(optional: { rendered(for: construct(), extra: extra) }))
  }
}
