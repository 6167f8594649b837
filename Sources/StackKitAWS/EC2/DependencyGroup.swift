import StackKit

extension EC2 {
  /// A set of constructs something can depend on as a whole, as CDK's `DependencyGroup`: groups
  /// nest, and depending on a group depends on every resource below every member, including
  /// members added after the dependency was taken (they are read at synthesis).
  ///
  /// ```swift
  /// fn.node.addDependency(vpc.selectSubnets().internetConnectivityEstablished)
  /// ```
  public final class DependencyGroup: Dependable {
    private var members: [Member] = []

    private enum Member {
      case construct(Construct)
      case group(DependencyGroup)
    }

    public init() {}

    /// Adds a construct.
    public func add(_ construct: Construct) { members.append(.construct(construct)) }

    /// Adds every member of another group, including those it gets later.
    public func add(_ group: DependencyGroup) { members.append(.group(group)) }

    /// Every construct in the group and its nested groups, in the order added, each once.
    public var roots: [Construct] {
      var out: [Construct] = []
      var visited: [ObjectIdentifier] = []
      func visit(_ g: DependencyGroup) {
        guard !visited.contains(ObjectIdentifier(g)) else { return }
        visited.append(ObjectIdentifier(g))
        for m in g.members {
          switch m {
          case .construct(let c): if !out.contains(where: { $0 === c }) { out.append(c) }
          case .group(let inner): visit(inner)
          }
        }
      }
      visit(self)
      return out
    }

    /// ``roots``, when a dependency on the group is resolved.
    public var dependencyRoots: [Construct] { roots }
  }
}
