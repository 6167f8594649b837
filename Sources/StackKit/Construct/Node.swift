/// The tree side of a construct: identity, position, children, dependencies, metadata and
/// validation.
///
/// ```swift
/// fn.node.addDependency(table)
/// let all = stack.node.findAll()
/// ```
public final class Node {
  /// The separator of path components.
  public static let pathSeparator = "/"

  /// The construct this node belongs to.
  public unowned let host: Construct
  /// The parent construct; `nil` for the root.
  public let scope: Construct?
  /// The id, unique among siblings.
  public let id: String

  private(set) var childList: [Construct] = []
  private var childIndex: [String: Construct] = [:]
  private(set) var dependencyList: [any Dependable] = []
  private var validations: [() -> [String]] = []
  /// Problems found while the tree was built (bad or duplicate ids), reported at synthesis.
  private(set) var constructionErrors: [String] = []
  private var contextValues: [String: JSON] = [:]
  /// Metadata entries added to this node, kept in order.
  public private(set) var metadata: [(type: String, data: JSON)] = []
  /// The `Tags.of(host)` calls, in order, applied to the resources below at synthesis.
  var tagOperations: [Tags.Operation] = []
  private var cachedPath: String?

  init(host: Construct, scope: Construct?, id: String) {
    self.host = host
    self.scope = scope
    self.id = id
    if scope != nil {
      if id.isEmpty {
        constructionErrors.append("the construct id is empty. Give every construct a non-empty id.")
      } else if id.contains(Node.pathSeparator) {
        constructionErrors.append(
          "the construct id \"\(id)\" contains '/', which separates path components. Use another character, such as '-'."
        )
      }
    }
  }

  func attach(_ child: Construct) {
    let childID = child.node.id
    if childIndex[childID] != nil {
      child.node.constructionErrors.append(
        "there is already a construct with id \"\(childID)\" in \(host.node.path.isEmpty ? "the app" : host.node.path). Ids must be unique among siblings; rename one of them."
      )
    } else {
      childIndex[childID] = child
    }
    childList.append(child)
  }

  /// The path from the root: the ids of every ancestor below the app and of this construct, joined
  /// by `/`. Empty for the app itself.
  public var path: String {
    if let cachedPath { return cachedPath }
    let p: String
    if let scope {
      let parent = scope.node.path
      p = parent.isEmpty ? id : parent + Node.pathSeparator + id
    } else {
      p = ""
    }
    cachedPath = p
    return p
  }

  /// Every construct from the root down to this one, root first.
  public var scopes: [Construct] {
    var out: [Construct] = []
    var current: Construct? = host
    while let c = current {
      out.append(c)
      current = c.node.scope
    }
    return out.reversed()
  }

  /// The root of the tree (normally the ``App``).
  public var root: Construct {
    var current = host
    while let parent = current.node.scope { current = parent }
    return current
  }

  /// Children in the order they were created.
  public var children: [Construct] { childList }

  /// The child with the given id, if any.
  public func tryFindChild(_ id: String) -> Construct? { childIndex[id] }

  /// The child named `Resource`, else `Default`: the resource an L2 construct wraps.
  public var defaultChild: Construct? { childIndex["Resource"] ?? childIndex["Default"] }

  /// This construct and everything below it, parents before children, siblings in creation order.
  public func findAll() -> [Construct] {
    var out: [Construct] = []
    func visit(_ c: Construct) {
      out.append(c)
      for child in c.node.childList { visit(child) }
    }
    visit(host)
    return out
  }

  /// Makes every resource below this construct depend on every resource below each target. A
  /// target's ``Dependable/dependencyRoots`` are read at synthesis.
  public func addDependency(_ targets: any Dependable...) {
    for t in targets where !dependencyList.contains(where: { $0 === t }) {
      dependencyList.append(t)
    }
  }

  /// The constructs this one was made to depend on, in the order they were added, groups
  /// expanded to their members as they are now, each once.
  public var dependencies: [Construct] {
    var out: [Construct] = []
    for target in dependencyList {
      for c in target.dependencyRoots where !out.contains(where: { $0 === c }) { out.append(c) }
    }
    return out
  }

  /// Adds a check that runs at synthesis; each string it returns is one problem, with its fix.
  public func addValidation(_ check: @escaping () -> [String]) {
    validations.append(check)
  }

  func runValidations() -> [String] {
    constructionErrors + host.validate() + validations.flatMap { $0() }
  }

  /// Adds a metadata entry.
  public func addMetadata(_ type: String, _ data: JSON) {
    metadata.append((type, data))
  }

  /// Sets a context value on this node; it applies to this construct and everything below it.
  /// Set context before creating children that read it.
  public func setContext(_ key: String, _ value: JSON) {
    contextValues[key] = value
  }

  /// The context value for a key, looked up from this construct up to the app.
  public func tryGetContext(_ key: String) -> JSON? {
    var current: Construct? = host
    while let c = current {
      if let v = c.node.contextValues[key] { return v }
      current = c.node.scope
    }
    return nil
  }
}
