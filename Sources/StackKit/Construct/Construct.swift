/// The building block of an app: every resource, stack and higher-level pattern is a construct in
/// one tree, rooted at an ``App``.
///
/// Subclasses keep their own namespace: the tree logic lives on ``node``.
///
/// ```swift
/// final class Bucket: Construct {
///   init(_ scope: Construct, _ id: String) {
///     super.init(scope, id)
///     _ = S3.CfnBucket(self, "Resource")
///   }
/// }
/// ```
open class Construct {
  /// The tree node: id, path, children, dependencies, validation.
  public private(set) var node: Node! = nil

  /// Creates a construct as the child `id` of `scope`.
  ///
  /// An empty id, an id with `/`, or an id a sibling already has is reported when the app is
  /// synthesized, with the construct's path.
  public init(_ scope: Construct, _ id: String) {
    node = Node(host: self, scope: scope, id: id)
    scope.node.attach(self)
  }

  /// Creates a root construct: only ``App`` does this.
  init(rootID: String) {
    node = Node(host: self, scope: nil, id: rootID)
  }

  /// Problems with this construct's configuration, each with how to fix it. Called once, at
  /// synthesis, after every construct exists. Override and call `super`.
  open func validate() -> [String] { [] }
}
