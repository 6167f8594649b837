/// Tags applied to every taggable resource below a construct, as AWS CDK's `Tags.of(scope)`.
///
/// Like CDK's tag aspects, the tags are applied at synthesis: a tag added on a scope reaches the
/// resources created below it before or after the call. Every taggable generated L1 type
/// (`EC2.CfnVPC`, `IAM.CfnRole`, `SSM.CfnParameter` …) renders its `Tags` property as its own
/// `tags` merged with the tags of ``Tags/of(_:)`` that apply to it:
///
/// - a tag has a priority (100 for ``add(_:_:priority:includeResourceTypes:excludeResourceTypes:)``,
///   200 for ``remove(_:priority:includeResourceTypes:excludeResourceTypes:)``, 50 for the tags
///   given to the resource itself); a tag set with a priority lower than the key's current one is
///   ignored;
/// - at equal priority the tag set closer to the resource wins, and on one scope the later call;
/// - `includeResourceTypes` limits a tag to some resource types, `excludeResourceTypes` keeps it
///   off some;
/// - the result is sorted by key as CDK sorts it (JavaScript's `localeCompare`).
///
/// ```swift
/// Tags.of(stack).add("team", "platform")
/// Tags.of(vpc).add("tier", "network", includeResourceTypes: ["AWS::EC2::Subnet"])
/// Tags.of(secrets).remove("team")
/// ```
public struct Tags {
  /// The construct the tags go on.
  public let scope: Construct

  /// The priority of ``add(_:_:priority:includeResourceTypes:excludeResourceTypes:)`` when none
  /// is given.
  public static let defaultAddPriority = 100
  /// The priority of ``remove(_:priority:includeResourceTypes:excludeResourceTypes:)`` when none
  /// is given.
  public static let defaultRemovePriority = 200
  /// The priority of the tags given to a resource itself (its L1 `tags` property).
  public static let initialTagPriority = 50

  /// The tags of `scope` and everything below it.
  public static func of(_ scope: Construct) -> Tags { Tags(scope: scope) }

  /// Adds (or replaces) a tag on every taggable resource below the scope, the scope included.
  ///
  /// ```swift
  /// Tags.of(stack).add("team", "platform")
  /// Tags.of(stack).add("cost-center", "42", priority: 300)  // wins over tags set closer
  /// Tags.of(stack).add("backup", "daily", excludeResourceTypes: ["AWS::EC2::Subnet"])
  /// ```
  ///
  /// - Parameters:
  ///   - priority: a tag replaces one of the same key only with an equal or higher priority.
  ///   - includeResourceTypes: when not empty, only resources of these types
  ///     (`"AWS::EC2::Subnet"`) get the tag.
  ///   - excludeResourceTypes: resources of these types do not get the tag.
  public func add(
    _ key: String, _ value: String, priority: Int = Tags.defaultAddPriority,
    includeResourceTypes: [String] = [], excludeResourceTypes: [String] = []
  ) {
    scope.node.tagOperations.append(
      Operation(
        key: key, value: value, priority: priority, includeResourceTypes: includeResourceTypes,
        excludeResourceTypes: excludeResourceTypes))
  }

  /// Removes a tag from every taggable resource below the scope, including a tag set closer to
  /// a resource or given to the resource itself, unless that tag has a higher priority.
  ///
  /// ```swift
  /// Tags.of(scratch).remove("backup")
  /// ```
  public func remove(
    _ key: String, priority: Int = Tags.defaultRemovePriority,
    includeResourceTypes: [String] = [], excludeResourceTypes: [String] = []
  ) {
    scope.node.tagOperations.append(
      Operation(
        key: key, value: nil, priority: priority, includeResourceTypes: includeResourceTypes,
        excludeResourceTypes: excludeResourceTypes))
  }

  /// One `add` (with a value) or `remove` (without) on a scope.
  struct Operation {
    let key: String
    let value: String?
    let priority: Int
    let includeResourceTypes: [String]
    let excludeResourceTypes: [String]

    /// CDK's `applyTagAspectHere`.
    func applies(to resourceType: String) -> Bool {
      if excludeResourceTypes.contains(resourceType) { return false }
      return includeResourceTypes.isEmpty || includeResourceTypes.contains(resourceType)
    }
  }

  // MARK: - Resolution

  /// The tags of a resource of type `resourceType` at `construct`: its `initial` tags merged with
  /// every ``Tags/of(_:)`` tag of its scopes (root first, then in the order they were set), by
  /// priority, sorted by key as CDK sorts them.
  ///
  /// ```swift
  /// let tags = Tags.resolve(initial: [("Name", "web")], resourceType: "AWS::EC2::VPC", at: vpc)
  /// ```
  public static func resolve(
    initial: [(key: String, value: Value)], resourceType: String, at construct: Construct
  ) -> [(key: String, value: Value)] {
    var values: [String: Value] = [:]
    var priorities: [String: Int] = [:]
    func set(_ key: String, _ value: Value?, _ priority: Int) {
      guard priority >= priorities[key, default: 0] else { return }
      values[key] = value
      priorities[key] = priority
    }
    // As CDK's TagManager given its initial tags when it is created: they come first, at
    // priority 50, so an aspect tag of priority 50 or more replaces them.
    for tag in initial { set(tag.key, tag.value, initialTagPriority) }
    for scope in construct.node.scopes {
      for operation in scope.node.tagOperations where operation.applies(to: resourceType) {
        set(operation.key, operation.value.map(Value.string), operation.priority)
      }
    }
    return values.sorted { PathCollation.precedes($0.key, $1.key) }.map {
      (key: $0.key, value: $0.value)
    }
  }

  /// The resource type a stack has for `includeResourceTypes` and `excludeResourceTypes`, as in
  /// CDK.
  public static let stackResourceType = "aws:cdk:stack"

  /// The tags of a stack itself, which deployment gives CloudFormation (it applies them to every
  /// resource that supports tags): the stack's `tags` (priority 50) merged with the tags of
  /// ``Tags/of(_:)`` on the stack and the scopes above it, sorted by key, as CDK's stack tags.
  ///
  /// ```swift
  /// let stack = Stack(app, "Api", tags: [("team", "web")])
  /// Tags.of(app).add("cost-center", "42")
  /// Tags.stackTags(of: stack)  // [("cost-center", "42"), ("team", "web")]
  /// ```
  public static func stackTags(of stack: Stack) -> [(String, String)] {
    resolve(
      initial: stack.tags.map { (key: $0.0, value: .string($0.1)) },
      resourceType: stackResourceType, at: stack
    ).compactMap { tag in tag.value.literalString.map { (tag.key, $0) } }
  }

  /// The `Tags` property of a resource that takes a list of `{Key, Value}` (CDK's standard tag
  /// type): `initial` merged with the tags of ``Tags/of(_:)`` that apply to `resource`; `nil`
  /// when there is none. Generated L1 types call it when they render.
  ///
  /// A tag whose key is not a literal string cannot be merged: it is kept, after the others, as
  /// CDK keeps tags it cannot parse.
  ///
  /// ```swift
  /// if let v = Tags.renderedList(tags, of: self) { p.append(("Tags", v)) }
  /// ```
  public static func renderedList(_ initial: [CfnTag]?, of resource: CfnResource) -> Value? {
    var literal: [(key: String, value: Value)] = []
    var dynamic: [Value] = []
    for tag in initial ?? [] {
      if case .string(let key) = tag.key {
        literal.append((key, tag.value))
      } else {
        dynamic.append(tag.cfnValue)
      }
    }
    let merged = resolve(initial: literal, resourceType: resource.cfnResourceType, at: resource)
    let items = merged.map { CfnTag(key: .string($0.key), value: $0.value).cfnValue } + dynamic
    return items.isEmpty ? nil : .list(items)
  }

  /// The `Tags` property of a resource that takes a map of key to value (CDK's `MAP` tag type,
  /// as `AWS::SSM::Parameter`): `initial` merged with the tags of ``Tags/of(_:)`` that apply to
  /// `resource`, sorted by key; `nil` when there is none.
  ///
  /// An `initial` value that is not an object literal (a token such as `Fn::If`) is rendered as
  /// it is; ``mapProblems(_:of:)`` reports it when tags of ``Tags/of(_:)`` apply too.
  ///
  /// ```swift
  /// if let v = Tags.renderedMap(tags, of: self) { p.append(("Tags", v)) }
  /// ```
  public static func renderedMap(_ initial: Value?, of resource: CfnResource) -> Value? {
    var pairs: [(key: String, value: Value)] = []
    switch initial {
    case .object(let entries)?: pairs = entries.map { (key: $0.0, value: $0.1) }
    case let other?: return other
    case nil: break
    }
    let merged = resolve(initial: pairs, resourceType: resource.cfnResourceType, at: resource)
    return merged.isEmpty ? nil : .object(merged.map { ($0.key, $0.value) })
  }

  /// The problem of a map `Tags` property given as a token while tags of ``Tags/of(_:)`` apply
  /// to the resource too: they cannot be merged into a value known only at deployment (CDK
  /// refuses it too). Generated L1 types with map tags report it from `validate()`.
  ///
  /// ```swift
  /// public override func validate() -> [String] {
  ///   super.validate() + Tags.mapProblems(tags, of: self)
  /// }
  /// ```
  public static func mapProblems(_ initial: Value?, of resource: CfnResource) -> [String] {
    guard let initial else { return [] }
    if case .object = initial { return [] }
    let applying = resolve(initial: [], resourceType: resource.cfnResourceType, at: resource)
    guard !applying.isEmpty else { return [] }
    let keys = applying.map(\.key).joined(separator: ", ")
    return [
      "the Tags property is a value known only at deployment (such as Fn::If), and Tags.of(…) "
        + "adds \(keys) to this resource; they cannot be merged. Give the tags as an object of "
        + "key → value, or keep the Tags.of(…) tags off this resource type with "
        + "excludeResourceTypes: [\"\(resource.cfnResourceType)\"]."
    ]
  }
}
