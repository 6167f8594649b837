import StackKit

extension IAM {
  /// One statement of a policy: effect, actions, resources, principals and conditions.
  ///
  /// A value: copies are independent. It renders exactly as AWS CDK renders a statement: keys in
  /// the order `Action`, `NotAction`, `Condition`, `Effect`, `Principal`, `NotPrincipal`,
  /// `Resource`, `NotResource`, `Sid`; a list of one element is written as that element; repeated
  /// actions and resources are dropped; principals of the same kind are merged
  /// (`{"AWS": [a, b], "Service": s}`).
  ///
  /// ```swift
  /// var statement = IAM.PolicyStatement(
  ///   actions: ["secretsmanager:GetSecretValue"], resources: [secret.secretArn])
  /// statement.addPrincipals(role)
  /// statement.addCondition("StringEquals", ["aws:SourceAccount": Pseudo.accountID.cfnValue])
  /// ```
  public struct PolicyStatement {
    /// Allow (the default) or deny.
    public var effect: Effect
    /// The statement id.
    public var sid: String?
    public private(set) var actions: [String] = []
    public private(set) var notActions: [String] = []
    public private(set) var resources: [Value] = []
    public private(set) var notResources: [Value] = []
    public private(set) var principals: [any IAM.Principal] = []
    public private(set) var notPrincipals: [any IAM.Principal] = []
    /// Operator → object of condition keys, in the order they were added.
    public private(set) var conditions: [(String, Value)] = []
    /// What is wrong with the statement (mixing `Action` and `NotAction`, a malformed action …),
    /// each with its fix; reported by the policy that holds it.
    public private(set) var problems: [String] = []

    private var principalJSON: [(String, [Value])] = []
    private var notPrincipalJSON: [(String, [Value])] = []
    private var principalKeys: Set<String> = []
    private var principalConditionsKey: String?

    public init(
      effect: Effect = .allow, actions: [String] = [], notActions: [String] = [],
      resources: [Value] = [], notResources: [Value] = [], principals: [any IAM.Principal] = [],
      notPrincipals: [any IAM.Principal] = [], conditions: [(String, Value)] = [],
      sid: String? = nil
    ) {
      self.effect = effect
      self.sid = sid
      addActions(actions)
      addNotActions(notActions)
      addPrincipals(principals)
      addNotPrincipals(notPrincipals)
      addResources(resources)
      addNotResources(notResources)
      for (op, value) in conditions { addCondition(op, value) }
    }

    // MARK: Actions

    public mutating func addActions(_ actions: String...) { addActions(actions) }

    public mutating func addActions(_ actions: [String]) {
      if !actions.isEmpty && !notActions.isEmpty {
        problems.append(
          "the statement has both Action and NotAction. Use one of them per statement; split it in two."
        )
      }
      for action in actions {
        validate(action: action)
        if !self.actions.contains(action) { self.actions.append(action) }
      }
    }

    public mutating func addNotActions(_ actions: String...) { addNotActions(actions) }

    public mutating func addNotActions(_ actions: [String]) {
      if !actions.isEmpty && !self.actions.isEmpty {
        problems.append(
          "the statement has both Action and NotAction. Use one of them per statement; split it in two."
        )
      }
      for action in actions {
        validate(action: action)
        if !notActions.contains(action) { notActions.append(action) }
      }
    }

    private mutating func validate(action: String) {
      if !Self.isValidAction(action) {
        problems.append(
          "the action '\(action)' is invalid. An action is a service namespace, a colon and an action name, which may hold wildcards: \"s3:GetObject\", \"kms:*\", or \"*\"."
        )
      }
    }

    /// `^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*]+)$`, as AWS CDK checks actions.
    static func isValidAction(_ action: String) -> Bool {
      if action == "*" { return true }
      let parts = action.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
      let isAlnum: (UInt8) -> Bool = {
        ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A)
      }
      return parts[0].utf8.allSatisfy { isAlnum($0) || $0 == 0x2D }
        && parts[1].utf8.allSatisfy { isAlnum($0) || $0 == 0x2A }
    }

    // MARK: Resources

    public mutating func addResources(_ arns: Value...) { addResources(arns) }

    public mutating func addResources(_ arns: [Value]) {
      if !arns.isEmpty && !notResources.isEmpty {
        problems.append(
          "the statement has both Resource and NotResource. Use one of them per statement; split it in two."
        )
      }
      Self.appendUnique(arns, to: &resources)
    }

    public mutating func addNotResources(_ arns: Value...) { addNotResources(arns) }

    public mutating func addNotResources(_ arns: [Value]) {
      if !arns.isEmpty && !resources.isEmpty {
        problems.append(
          "the statement has both Resource and NotResource. Use one of them per statement; split it in two."
        )
      }
      Self.appendUnique(arns, to: &notResources)
    }

    /// `Resource: "*"`.
    public mutating func addAllResources() { addResources("*") }

    private static func appendUnique(_ items: [Value], to list: inout [Value]) {
      var keys = Set(list.map(ValueIdentity.key))
      for item in items where keys.insert(ValueIdentity.key(item)).inserted { list.append(item) }
    }

    // MARK: Principals

    public mutating func addPrincipals(_ principals: any IAM.Principal...) {
      addPrincipals(principals)
    }

    public mutating func addPrincipals(_ principals: [any IAM.Principal]) {
      if !principals.isEmpty && !notPrincipals.isEmpty {
        problems.append(
          "the statement has both Principal and NotPrincipal. Use one of them per statement; split it in two."
        )
      }
      for principal in principals where principalKeys.insert(principal.dedupeKey).inserted {
        self.principals.append(principal)
        let fragment = principal.policyFragment
        Self.merge(fragment.principalJSON, into: &principalJSON, problems: &problems)
        addPrincipalConditions(fragment.conditions)
      }
    }

    public mutating func addNotPrincipals(_ principals: any IAM.Principal...) {
      addNotPrincipals(principals)
    }

    public mutating func addNotPrincipals(_ principals: [any IAM.Principal]) {
      if !principals.isEmpty && !self.principals.isEmpty {
        problems.append(
          "the statement has both Principal and NotPrincipal. Use one of them per statement; split it in two."
        )
      }
      for principal in principals where principalKeys.insert("not" + principal.dedupeKey).inserted {
        notPrincipals.append(principal)
        let fragment = principal.policyFragment
        Self.merge(fragment.principalJSON, into: &notPrincipalJSON, problems: &problems)
        addPrincipalConditions(fragment.conditions)
      }
    }

    /// `{"AWS": "arn:${AWS::Partition}:iam::ACCOUNT:root"}`.
    public mutating func addAccountRootPrincipal(account: Value = .pseudo(.accountID)) {
      addPrincipals(AccountRootPrincipal(account: account))
    }

    /// `{"Service": …}`.
    public mutating func addServicePrincipal(_ service: String) {
      addPrincipals(ServicePrincipal(service))
    }

    /// `{"AWS": arn}`.
    public mutating func addArnPrincipal(_ arn: Value) { addPrincipals(ArnPrincipal(arn)) }

    /// True when the statement names principals (a resource or trust policy statement).
    public var hasPrincipal: Bool { !principals.isEmpty || !notPrincipals.isEmpty }

    /// True when the statement names resources.
    public var hasResource: Bool { !resources.isEmpty }

    private static func merge(
      _ source: [(String, [Value])], into target: inout [(String, [Value])],
      problems: inout [String]
    ) {
      let literal = PrincipalPolicyFragment.literalStringKey
      let sourceHasLiteral = source.contains { $0.0 == literal }
      let targetHasLiteral = target.contains { $0.0 == literal }
      if (sourceHasLiteral && target.contains { $0.0 != literal })
        || (targetHasLiteral && source.contains { $0.0 != literal })
      {
        problems.append(
          "a literal principal (\"*\") cannot be combined with other principals in one statement. Use two statements."
        )
      }
      for (kind, values) in source {
        if let index = target.firstIndex(where: { $0.0 == kind }) {
          target[index].1.append(contentsOf: values)
        } else {
          target.append((kind, values))
        }
      }
    }

    private mutating func addPrincipalConditions(_ conditions: [(String, Value)]) {
      let key = ValueIdentity.key(.object(conditions))
      if let existing = principalConditionsKey, existing != key {
        problems.append(
          "all principals of a statement must have the same conditions. Use one statement per principal instead."
        )
      }
      principalConditionsKey = principalConditionsKey ?? key
      for (op, value) in conditions { addCondition(op, value) }
    }

    // MARK: Conditions

    /// Adds a condition: `addCondition("StringEquals", ["kms:ViaService": service])`. The keys of
    /// an operator already present are merged into it.
    public mutating func addCondition(_ op: String, _ value: Value) {
      Self.mergeCondition(op, value, into: &conditions)
    }

    /// Adds several conditions.
    public mutating func addConditions(_ conditions: [(String, Value)]) {
      for (op, value) in conditions { addCondition(op, value) }
    }

    static func mergeCondition(
      _ op: String, _ value: Value, into conditions: inout [(String, Value)]
    ) {
      guard let index = conditions.firstIndex(where: { $0.0 == op }) else {
        conditions.append((op, value))
        return
      }
      guard case .object(var existing) = conditions[index].1, case .object(let incoming) = value
      else {
        conditions[index].1 = value
        return
      }
      for (key, v) in incoming {
        if let i = existing.firstIndex(where: { $0.0 == key }) {
          existing[i].1 = v
        } else {
          existing.append((key, v))
        }
      }
      conditions[index].1 = .object(existing)
    }

    // MARK: Rendering

    /// The statement as it goes in a policy document.
    public func toJSON() -> Value {
      var out: [(String, Value)] = []
      func put(_ key: String, _ value: Value?) { if let value { out.append((key, value)) } }
      put("Action", Self.collapse(actions.map(Value.string)))
      put("NotAction", Self.collapse(notActions.map(Value.string)))
      put("Condition", conditions.isEmpty ? nil : .object(conditions))
      put("Effect", .string(effect.rawValue))
      put("Principal", Self.render(principalJSON))
      put("NotPrincipal", Self.render(notPrincipalJSON))
      put("Resource", Self.collapse(resources))
      put("NotResource", Self.collapse(notResources))
      put("Sid", sid.map(Value.string))
      return .object(out)
    }

    private static func collapse(_ values: [Value]) -> Value? {
      switch values.count {
      case 0: nil
      case 1: values[0]
      default: .list(values)
      }
    }

    private static func render(_ json: [(String, [Value])]) -> Value? {
      if json.isEmpty { return nil }
      if let literal = json.first(where: { $0.0 == PrincipalPolicyFragment.literalStringKey }) {
        return literal.1.first
      }
      let pairs = json.compactMap { kind, values in collapse(values).map { (kind, $0) } }
      return pairs.isEmpty ? nil : .object(pairs)
    }

    // MARK: Validation

    /// Problems of any statement: no action.
    public func validateForAnyPolicy() -> [String] {
      var errors = problems
      if actions.isEmpty && notActions.isEmpty {
        errors.append(
          "a policy statement must name at least one action or notAction. Add the actions it allows or denies."
        )
      }
      return errors
    }

    /// Problems of a statement in a resource policy: no principal, no resource.
    public func validateForResourcePolicy(skipResourceValidation: Bool = false) -> [String] {
      var errors = validateForAnyPolicy()
      if principals.isEmpty && notPrincipals.isEmpty {
        errors.append(
          "a statement in a resource policy must name at least one principal. Add the principal it applies to."
        )
      }
      if !skipResourceValidation && resources.isEmpty && notResources.isEmpty {
        errors.append(
          "a statement in a resource policy must name at least one resource. Add the resource ARN (or \"*\" for the resource itself)."
        )
      }
      return errors
    }

    /// Problems of a statement in a trust policy: no principal.
    public func validateForTrustPolicy() -> [String] {
      var errors = validateForAnyPolicy()
      if principals.isEmpty && notPrincipals.isEmpty {
        errors.append(
          "a statement in a trust policy must name at least one principal. Add the principal that may assume the role."
        )
      }
      return errors
    }

    /// Problems of a statement in an identity policy: a principal, no resource, a non-alphanumeric
    /// sid.
    public func validateForIdentityPolicy() -> [String] {
      var errors = validateForAnyPolicy()
      if !principals.isEmpty || !notPrincipals.isEmpty {
        errors.append(
          "a statement in an identity-based policy cannot name principals: the policy applies to whoever it is attached to. Remove the principals, or use a resource policy."
        )
      }
      if resources.isEmpty && notResources.isEmpty {
        errors.append(
          "a statement in an identity-based policy must name at least one resource. Add the resource ARNs (or \"*\")."
        )
      }
      if let sid,
        !sid.utf8.allSatisfy({
          ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A)
        })
      {
        errors.append(
          "the statement id '\(sid)' must be alphanumeric (A-Z, a-z, 0-9) in an identity-based policy. Remove the other characters."
        )
      }
      return errors
    }
  }
}

extension IAM.PolicyStatement: ValueConvertible {
  public var cfnValue: Value { toJSON() }
}
