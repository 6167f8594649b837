/// Something a construct can depend on, as AWS CDK's `IDependable`: a construct, or a group of
/// constructs that may still grow (`EC2.DependencyGroup`).
///
/// ``Node/addDependency(_:)`` keeps the dependable itself and reads its roots at synthesis, so
/// members added after the dependency was taken count, as CDK resolves `Dependable.of(x)` late.
///
/// ```swift
/// final class Ready: Dependable {
///   var members: [Construct] = []
///   var dependencyRoots: [Construct] { members }
/// }
/// fn.node.addDependency(ready)  // ready.members can still grow
/// ```
public protocol Dependable: AnyObject {
  /// The constructs a dependency on this stands for: every resource below them is depended on.
  var dependencyRoots: [Construct] { get }
}

extension Construct: Dependable {
  /// The construct itself.
  public var dependencyRoots: [Construct] { [self] }
}
