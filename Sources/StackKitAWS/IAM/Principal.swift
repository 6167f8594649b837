import StackKit

extension IAM {
  /// An identity that can appear in a policy: a role, a service, an account, an ARN.
  ///
  /// Conforming types describe how they appear in a statement's `Principal` (``policyFragment``)
  /// and, when they have an identity policy of their own (a role), take statements into it.
  ///
  /// ```swift
  /// let statement = IAM.PolicyStatement(
  ///   actions: ["sts:AssumeRole"], principals: [IAM.ServicePrincipal("lambda.amazonaws.com")])
  /// ```
  public protocol Principal: IAM.Grantable {
    /// How the principal appears in a statement: the `Principal` entries and any conditions.
    var policyFragment: IAM.PrincipalPolicyFragment { get }
    /// The account of the principal, when known (a template value); `nil` for services.
    var principalAccount: Value? { get }
    /// The action the principal uses in a trust policy (`sts:AssumeRole` for most).
    var assumeRoleAction: String { get }
    /// Adds a statement to the principal's own identity policy; principals without one return
    /// `statementAdded: false`.
    func addToPrincipalPolicy(_ statement: IAM.PolicyStatement) -> IAM.AddToPrincipalPolicyResult
    /// The trust-policy statements that let this principal assume a role: one statement with
    /// ``assumeRoleAction`` naming the principal, for most.
    func assumeRoleStatements() -> [IAM.PolicyStatement]
  }
}

extension IAM.Principal {
  public var grantPrincipal: any IAM.Principal { self }
  public var principalAccount: Value? { nil }
  public var assumeRoleAction: String { "sts:AssumeRole" }

  public func addToPrincipalPolicy(_ statement: IAM.PolicyStatement)
    -> IAM.AddToPrincipalPolicyResult
  {
    IAM.AddToPrincipalPolicyResult(statementAdded: false)
  }

  public func assumeRoleStatements() -> [IAM.PolicyStatement] {
    [IAM.PolicyStatement(actions: [assumeRoleAction], principals: [self])]
  }

  /// This principal with extra conditions in every statement it appears in.
  ///
  /// ```swift
  /// let principal = IAM.ServicePrincipal("sns.amazonaws.com")
  ///   .withConditions([("ArnLike", ["aws:SourceArn": topicArn])])
  /// ```
  public func withConditions(_ conditions: [(String, Value)]) -> IAM.PrincipalWithConditions {
    IAM.PrincipalWithConditions(self, conditions: conditions)
  }

  /// A key that is equal for principals that render the same.
  var dedupeKey: String {
    let fragment = policyFragment
    return ValueIdentity.key(
      .list([
        .object(fragment.principalJSON.map { ($0.0, .list($0.1)) }), .object(fragment.conditions),
      ]))
  }
}
