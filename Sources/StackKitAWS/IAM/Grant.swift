import StackKit

extension IAM {
  /// The result of granting permissions: the statements added to the principal's policy, to the
  /// resource's policy, or both, with the same rules as AWS CDK's `Grant`.
  ///
  /// - ``addToPrincipal(grantee:actions:resourceARNs:conditions:)``: the principal's policy only.
  /// - ``addToPrincipalOrResource(grantee:actions:resourceARNs:resourceSelfARNs:resource:)``: the
  ///   principal's policy when the principal has one and is in the resource's account; otherwise
  ///   (a service, a principal of another account, a principal without a policy) the resource's.
  /// - `addToPrincipalAndResource(…)`: both.
  ///
  /// ```swift
  /// let grant = IAM.Grant.addToPrincipal(
  ///   grantee: role, actions: ["logs:PutLogEvents"], resourceARNs: [logGroup.logGroupArn])
  /// grant.applyBefore(function)
  /// ```
  public struct Grant {
    /// The statement added to the principal's policy.
    public let principalStatement: PolicyStatement?
    /// The statement added to the resource's policy.
    public let resourceStatement: PolicyStatement?
    /// The constructs that hold the statements (a role's default policy, a resource policy).
    public let dependables: [Construct]

    /// True when some policy took a statement.
    public var success: Bool { principalStatement != nil || resourceStatement != nil }

    /// Makes `constructs` depend on the policies that hold the permission, so they are created
    /// only once it is in place.
    public func applyBefore(_ constructs: Construct...) {
      for construct in constructs {
        for dependable in dependables { construct.node.addDependency(dependable) }
      }
    }

    /// Adds a statement with `actions` on `resourceARNs` to the grantee's own policy.
    public static func addToPrincipal(
      grantee: any Grantable, actions: [String], resourceARNs: [Value],
      conditions: [(String, Value)] = []
    ) -> Grant {
      let statement = PolicyStatement(
        actions: actions, resources: resourceARNs, conditions: conditions)
      let result = grantee.grantPrincipal.addToPrincipalPolicy(statement)
      guard result.statementAdded else {
        return Grant(principalStatement: nil, resourceStatement: nil, dependables: [])
      }
      return Grant(
        principalStatement: statement, resourceStatement: nil,
        dependables: result.policyDependable.map { [$0] } ?? [])
    }

    /// Adds the statement to the grantee's policy when that is enough (same account), else to
    /// the resource's policy, naming the grantee as principal.
    public static func addToPrincipalOrResource(
      grantee: any Grantable, actions: [String], resourceARNs: [Value],
      resourceSelfARNs: [Value]? = nil, resource: any ResourceWithPolicy
    ) -> Grant {
      let result = addToPrincipal(grantee: grantee, actions: actions, resourceARNs: resourceARNs)
      let sameAccount =
        grantee.grantPrincipal.principalAccount.map {
          Self.sameAccount(resource.resourceAccount, $0)
        } ?? false
      if result.success && sameAccount { return result }
      let statement = PolicyStatement(
        actions: actions, resources: resourceSelfARNs ?? resourceARNs,
        principals: [grantee.grantPrincipal])
      let added = resource.addToResourcePolicy(statement)
      return Grant(
        principalStatement: nil, resourceStatement: statement,
        dependables: added.statementAdded ? [added.policyDependable ?? resource.policyOwner] : [])
    }

    /// Adds the statement to the grantee's policy and to the resource's policy.
    public static func addToPrincipalAndResource(
      grantee: any Grantable, actions: [String], resourceARNs: [Value],
      resourceSelfARNs: [Value]? = nil, resource: any ResourceWithPolicy,
      resourcePolicyPrincipal: (any Principal)? = nil
    ) -> Grant {
      let result = addToPrincipal(grantee: grantee, actions: actions, resourceARNs: resourceARNs)
      let statement = PolicyStatement(
        actions: actions, resources: resourceSelfARNs ?? resourceARNs,
        principals: [resourcePolicyPrincipal ?? grantee.grantPrincipal])
      let added = resource.addToResourcePolicy(statement)
      return Grant(
        principalStatement: statement, resourceStatement: result.resourceStatement,
        dependables: result.dependables
          + (added.statementAdded ? [added.policyDependable ?? resource.policyOwner] : []))
    }

    /// Compares two account values as AWS CDK's `Token.compareStrings` does for grants: equal
    /// literals, or two values known only at deployment, count as the same account.
    static func sameAccount(_ a: Value, _ b: Value) -> Bool {
      switch (a.literalString, b.literalString) {
      case (let x?, let y?): x == y
      case (nil, nil): true
      default: false
      }
    }
  }
}
