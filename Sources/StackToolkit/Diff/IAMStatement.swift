import StackKit

/// One IAM policy statement, normalized for comparison and display: lists sorted, intrinsics
/// rendered as `${Logical.Attr}`, the principal of an identity policy set to the identity it is
/// attached to.
///
/// ```swift
/// let statements = IAMStatement.statements(in: template)
/// let broad = statements.filter { $0.effect == "Allow" && $0.actions.contains("*") }
/// ```
public struct IAMStatement: Sendable, Hashable, Comparable {
  public var effect: String
  public var actions: [String]
  public var notActions: [String]
  public var resources: [String]
  public var notResources: [String]
  public var principals: [String]
  public var notPrincipals: [String]
  /// The condition block as compact JSON, or nil.
  public var condition: String?
  /// The logical ID of the resource whose policy holds the statement.
  public var source: String
  /// What the statement is part of: `identity policy`, `trust policy`, `bucket policy` …
  public var kind: String

  public init(
    effect: String, actions: [String] = [], notActions: [String] = [], resources: [String] = [],
    notResources: [String] = [], principals: [String] = [], notPrincipals: [String] = [],
    condition: String? = nil, source: String, kind: String
  ) {
    self.effect = effect
    self.actions = actions.sorted()
    self.notActions = notActions.sorted()
    self.resources = resources.sorted()
    self.notResources = notResources.sorted()
    self.principals = principals.sorted()
    self.notPrincipals = notPrincipals.sorted()
    self.condition = condition
    self.source = source
    self.kind = kind
  }

  /// The resource column: resources, or `NOT r` for NotResource.
  public var resourceText: [String] { resources + notResources.map { "NOT \($0)" } }
  /// The action column.
  public var actionText: [String] { actions + notActions.map { "NOT \($0)" } }
  /// The principal column.
  public var principalText: [String] { principals + notPrincipals.map { "NOT \($0)" } }

  /// True for an `Allow` statement (adding one grants more; adding a `Deny` narrows).
  public var isAllow: Bool { effect.lowercased() != "deny" }

  public static func < (a: IAMStatement, b: IAMStatement) -> Bool {
    (a.resourceText.joined(), a.source, a.effect, a.actionText.joined(), a.principalText.joined())
      < (
        b.resourceText.joined(), b.source, b.effect, b.actionText.joined(),
        b.principalText.joined()
      )
  }
}
