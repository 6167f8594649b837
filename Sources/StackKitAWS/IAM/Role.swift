import StackKit

extension IAM {
  /// An IAM role (`AWS::IAM::Role`): trusted by a principal, with managed and inline policies, and
  /// a `DefaultPolicy` (`AWS::IAM::Policy`) created on the first grant, as AWS CDK creates it.
  ///
  /// ```swift
  /// let role = IAM.Role(
  ///   stack, "producerRole", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"),
  ///   description: "Role to be assumed by producer lambda")
  /// role.addManagedPolicy(
  ///   IAM.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaBasicExecutionRole"))
  /// _ = role.addToPrincipalPolicy(
  ///   IAM.PolicyStatement(actions: ["kms:Decrypt"], resources: [key.keyArn]))
  /// // producerRoleC5EA914E and producerRoleDefaultPolicyFEA4A548
  /// ```
  public final class Role: Construct, IAM.Principal {
    /// The trust policy.
    public let assumeRolePolicy: PolicyDocument
    /// The principal the role trusts.
    public let assumedBy: any IAM.Principal
    public let roleDescription: String?
    public let maxSessionDuration: Int?
    public let path: String?
    public let givenRoleName: String?
    public let permissionsBoundary: (any ManagedPolicyReference)?
    /// Inline policies given at creation, by name.
    public let inlinePolicies: [(String, PolicyDocument)]
    /// The managed policies attached, in order.
    public private(set) var managedPolicies: [any ManagedPolicyReference] = []
    /// The policy that grants add statements to; created on the first one.
    public private(set) var defaultPolicy: Policy?
    /// Inline `IAM.Policy` constructs attached to the role.
    public private(set) var attachedPolicies: [Policy] = []
    private var resourceStorage: IAM.CfnRole!

    /// Creates a role.
    ///
    /// - Parameters:
    ///   - assumedBy: the principal that may assume the role (`sts:AssumeRole` in the trust
    ///     policy).
    ///   - externalIDs: values of `sts:ExternalId` the trust policy requires.
    ///   - maxSessionDuration: seconds, 3600 to 43200.
    ///   - path: `/` or `/…/`.
    public init(
      _ scope: Construct, _ id: String, assumedBy: any IAM.Principal,
      description: String? = nil, managedPolicies: [any ManagedPolicyReference] = [],
      inlinePolicies: [(String, PolicyDocument)] = [], maxSessionDuration: Int? = nil,
      path: String? = nil, roleName: String? = nil,
      permissionsBoundary: (any ManagedPolicyReference)? = nil, externalIDs: [String] = []
    ) {
      self.assumedBy = assumedBy
      roleDescription = (description?.isEmpty ?? true) ? nil : description
      self.maxSessionDuration = maxSessionDuration
      self.path = path
      givenRoleName = roleName
      self.permissionsBoundary = permissionsBoundary
      self.inlinePolicies = inlinePolicies
      assumeRolePolicy = PolicyDocument()
      super.init(scope, id)
      for var statement in assumedBy.assumeRoleStatements() {
        if !externalIDs.isEmpty {
          let ids: Value = externalIDs.count == 1 ? .string(externalIDs[0]) : .strings(externalIDs)
          statement.addCondition("StringEquals", ["sts:ExternalId": ids])
        }
        assumeRolePolicy.addStatements(statement)
      }
      for policy in managedPolicies { addManagedPolicy(policy) }

      let resource = IAM.CfnRole(
        self, "Resource", assumeRolePolicyDocument: assumeRolePolicy.cfnValue,
        description: roleDescription.map(Value.string),
        managedPolicyArns: .lazy(
          Lazy(optional: { [unowned self] in
            self.managedPolicies.isEmpty ? nil : .list(self.managedPolicies.map(\.managedPolicyArn))
          })),
        maxSessionDuration: maxSessionDuration.map(Value.int), path: path.map(Value.string),
        permissionsBoundary: permissionsBoundary?.managedPolicyArn,
        policies: inlinePolicies.isEmpty
          ? nil
          : inlinePolicies.map {
            IAM.CfnRole.Policy(policyDocument: $0.1.cfnValue, policyName: .string($0.0))
          },
        roleName: roleName.map(Value.string))
      resourceStorage = resource
      node.addValidation { [unowned self] in self.validateRole() }
    }

    /// The `AWS::IAM::Role` resource.
    public var resource: IAM.CfnRole { resourceStorage }

    /// `{"Fn::GetAtt": [role, "Arn"]}`.
    public var roleArn: Value { resource.attrArn }
    /// `{"Ref": role}`: the role name.
    public var roleName: Value { resource.ref }
    /// `{"Fn::GetAtt": [role, "RoleId"]}`.
    public var roleId: Value { resource.attrRoleId }

    // MARK: Principal

    public var policyFragment: IAM.PrincipalPolicyFragment {
      ArnPrincipal(roleArn).policyFragment
    }

    /// The account of the role's stack.
    public var principalAccount: Value? { Stack.of(self)?.account ?? .pseudo(.accountID) }

    /// Adds a statement to the role's `DefaultPolicy`, created (as the child `DefaultPolicy`) on
    /// the first call.
    public func addToPrincipalPolicy(_ statement: IAM.PolicyStatement)
      -> IAM.AddToPrincipalPolicyResult
    {
      let policy: Policy
      if let defaultPolicy {
        policy = defaultPolicy
      } else {
        policy = Policy(self, "DefaultPolicy")
        defaultPolicy = policy
        attachInlinePolicy(policy)
      }
      policy.addStatements(statement)
      return IAM.AddToPrincipalPolicyResult(statementAdded: true, policyDependable: policy)
    }

    /// ``addToPrincipalPolicy(_:)``, returning whether the statement was added.
    @discardableResult
    public func addToPolicy(_ statement: IAM.PolicyStatement) -> Bool {
      addToPrincipalPolicy(statement).statementAdded
    }

    /// Attaches a managed policy (once per ARN).
    public func addManagedPolicy(_ policy: any ManagedPolicyReference) {
      let key = ValueIdentity.key(policy.managedPolicyArn)
      guard !managedPolicies.contains(where: { ValueIdentity.key($0.managedPolicyArn) == key })
      else { return }
      managedPolicies.append(policy)
    }

    /// Attaches an inline policy construct.
    public func attachInlinePolicy(_ policy: Policy) {
      guard !attachedPolicies.contains(where: { $0 === policy }) else { return }
      attachedPolicies.append(policy)
      policy.attachToRole(self)
    }

    /// Lets `grantee` perform `actions` on this role.
    @discardableResult
    public func grant(_ grantee: any IAM.Grantable, actions: [String]) -> IAM.Grant {
      IAM.Grant.addToPrincipal(grantee: grantee, actions: actions, resourceARNs: [roleArn])
    }

    /// Lets `grantee` pass this role to a service (`iam:PassRole`).
    @discardableResult
    public func grantPassRole(_ grantee: any IAM.Grantable) -> IAM.Grant {
      grant(grantee, actions: ["iam:PassRole"])
    }

    /// Lets `grantee` assume this role (`sts:AssumeRole`).
    @discardableResult
    public func grantAssumeRole(_ grantee: any IAM.Grantable) -> IAM.Grant {
      grant(grantee, actions: ["sts:AssumeRole"])
    }

    /// Sets `DeletionPolicy` and `UpdateReplacePolicy` on the role.
    public func applyRemovalPolicy(_ policy: RemovalPolicy) {
      resource.applyRemovalPolicy(policy)
    }

    private func validateRole() -> [String] {
      var problems = assumeRolePolicy.validateForTrustPolicy()
      if let composite = assumedBy as? CompositePrincipal { problems += composite.problems }
      for (name, document) in inlinePolicies {
        problems += document.validateForIdentityPolicy().map { "inline policy \(name): \($0)" }
      }
      if let maxSessionDuration, !(3600...43200).contains(maxSessionDuration) {
        problems.append(
          "maxSessionDuration is \(maxSessionDuration) seconds; IAM accepts 3600 (1 hour) to 43200 (12 hours). Pick a value in that range."
        )
      }
      if let roleDescription, roleDescription.count > 1000 {
        problems.append(
          "the role description is \(roleDescription.count) characters; IAM accepts at most 1000. Shorten it."
        )
      }
      if let path, !Self.isValidPath(path) {
        problems.append(
          "the role path \"\(path)\" is not valid. Use \"/\" or 1 to 512 printable ASCII characters that start and end with \"/\" (\"/app/\")."
        )
      }
      if let givenRoleName, !Self.isValidRoleName(givenRoleName) {
        problems.append(
          "the role name \"\(givenRoleName)\" is not valid. Use 1 to 64 letters, digits and the characters +=,.@_-."
        )
      }
      return problems
    }

    /// `^(\/|\/[\u0021-\u007F]+\/)$`, 1 to 512 characters, as CDK checks role paths.
    static func isValidPath(_ path: String) -> Bool {
      guard (1...512).contains(path.utf8.count) else { return false }
      if path == "/" { return true }
      return path.utf8.count >= 3 && path.hasPrefix("/") && path.hasSuffix("/")
        && path.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7F }
    }

    /// `[\w+=,.@-]{1,64}`: the names IAM accepts.
    static func isValidRoleName(_ name: String) -> Bool {
      guard (1...64).contains(name.utf8.count) else { return false }
      return name.utf8.allSatisfy {
        ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A)
          || Array("_+=,.@-".utf8).contains($0)
      }
    }
  }
}
