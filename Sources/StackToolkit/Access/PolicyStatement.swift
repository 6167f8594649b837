import StackKit

/// One statement of an IAM policy document, kept close to the template (resources, principals
/// and conditions stay template values) so it can be evaluated against a role, a secret or a key.
///
/// ```swift
/// let statements = PolicyStatement.statements(in: document, source: .identity("RolePolicy"))
/// let denies = statements.filter { $0.effect == .deny }
/// ```
public struct PolicyStatement: Sendable, Hashable {
  public enum Effect: String, Sendable, Hashable {
    case allow = "Allow"
    case deny = "Deny"
  }

  /// Where a statement comes from.
  public enum Source: Sendable, Hashable, CustomStringConvertible {
    /// An `AWS::IAM::Policy`, `ManagedPolicy` or `RolePolicy` resource.
    case identity(String)
    /// An inline policy of a role (`Policies`): the role's logical ID and the policy name.
    case inline(role: String, policy: String)
    /// An AWS managed policy, by name.
    case managed(String)
    /// An `AWS::SecretsManager::ResourcePolicy`.
    case secretPolicy(String)
    /// The `KeyPolicy` of an `AWS::KMS::Key`.
    case keyPolicy(String)

    public var description: String {
      switch self {
      case .identity(let id): "IAM policy \(id)"
      case .inline(let role, let policy): "inline policy \(policy) of \(role)"
      case .managed(let name): "managed policy \(name)"
      case .secretPolicy(let id): "secret policy \(id)"
      case .keyPolicy(let id): "key policy of \(id)"
      }
    }
  }

  public var sid: String?
  public var effect: Effect
  /// `Action` (nil when the statement has `NotAction`).
  public var actions: [String]?
  public var notActions: [String]?
  /// `Resource` (nil when absent).
  public var resources: [JSON]?
  public var notResources: [JSON]?
  /// `Principal`: `"*"` or an object such as `{"AWS": …}` (nil in identity policies).
  public var principal: JSON?
  public var notPrincipal: JSON?
  /// The `Condition` block, if any.
  public var condition: JSONObject?
  public var source: Source

  public init(
    sid: String? = nil, effect: Effect, actions: [String]? = nil, notActions: [String]? = nil,
    resources: [JSON]? = nil, notResources: [JSON]? = nil, principal: JSON? = nil,
    notPrincipal: JSON? = nil, condition: JSONObject? = nil, source: Source
  ) {
    self.sid = sid
    self.effect = effect
    self.actions = actions
    self.notActions = notActions
    self.resources = resources
    self.notResources = notResources
    self.principal = principal
    self.notPrincipal = notPrincipal
    self.condition = condition
    self.source = source
  }

  /// The statements of a policy document (an object, or a JSON string holding one).
  public static func statements(in document: JSON?, source: Source) -> [PolicyStatement] {
    guard var document else { return [] }
    if let text = document.stringValue, let parsed = try? JSONParser.parse(text) {
      document = parsed
    }
    let items: [JSON]
    switch document["Statement"] {
    case .array(let list)?: items = list
    case .object(let one)?: items = [.object(one)]
    default: items = []
    }
    return items.compactMap { item in
      guard item.objectValue != nil else { return nil }
      func strings(_ key: String) -> [String]? {
        switch item[key] {
        case .array(let list)?: return list.map(IntrinsicText.render)
        case let value?: return [IntrinsicText.render(value)]
        case nil: return nil
        }
      }
      func values(_ key: String) -> [JSON]? {
        switch item[key] {
        case .array(let list)?: return list
        case let value?: return [value]
        case nil: return nil
        }
      }
      let effect = item["Effect"]?.stringValue?.lowercased() == "deny" ? Effect.deny : .allow
      return PolicyStatement(
        sid: item["Sid"]?.stringValue, effect: effect, actions: strings("Action"),
        notActions: strings("NotAction"), resources: values("Resource"),
        notResources: values("NotResource"), principal: item["Principal"],
        notPrincipal: item["NotPrincipal"], condition: item["Condition"]?.objectValue,
        source: source)
    }
  }

  /// True when the statement's actions include `action` (`secretsmanager:GetSecretValue`),
  /// wildcards (`secretsmanager:Get*`, `*`) and `NotAction` included. Case-insensitive.
  public func covers(action: String) -> Bool {
    let matches = { (patterns: [String]) in
      patterns.contains { PolicyPattern.like($0.lowercased()).matches(action.lowercased()) }
    }
    if let actions { return matches(actions) }
    if let notActions { return !matches(notActions) }
    return false
  }

  /// The condition block as compact JSON, for display.
  public var conditionText: String? {
    condition.map { JSONWriter(indent: nil).write(.object($0)) }
  }
}
