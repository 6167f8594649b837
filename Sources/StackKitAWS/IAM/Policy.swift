import StackKit

extension IAM {
  /// An inline policy (`AWS::IAM::Policy`) attached to roles.
  ///
  /// Its `PolicyName` is, unless given, its logical ID (its last 128 characters), as AWS CDK names
  /// it. A policy with no statement or attached to nothing is left out of the template, as CDK
  /// leaves it out (unless `force` is set, which makes those an error instead).
  ///
  /// ```swift
  /// let policy = IAM.Policy(stack, "ReadBucket", statements: [
  ///   IAM.PolicyStatement(actions: ["s3:GetObject"], resources: ["arn:aws:s3:::bucket/*"])
  /// ], roles: [role])
  /// ```
  public final class Policy: Construct {
    /// The document; grows with ``addStatements(_:)``.
    public let document: PolicyDocument
    /// Renders the policy even when it is empty or unattached (which then is an error).
    public let force: Bool
    private let givenName: String?
    private(set) var roles: [Role] = []
    private var resourceStorage: IAMPolicyResource!

    public init(
      _ scope: Construct, _ id: String, policyName: String? = nil,
      document: PolicyDocument? = nil, statements: [PolicyStatement] = [], roles: [Role] = [],
      force: Bool = false
    ) {
      self.document = document ?? PolicyDocument()
      self.force = force
      givenName = policyName
      super.init(scope, id)
      let resource = IAMPolicyResource(
        self, "Resource", type: "AWS::IAM::Policy",
        properties: [
          ("PolicyDocument", self.document.cfnValue),
          ("PolicyName", .lazy(Lazy { [unowned self] in self.policyName })),
          (
            "Roles",
            .lazy(
              Lazy(optional: { [unowned self] in
                self.roles.isEmpty ? nil : .list(self.roles.map(\.roleName))
              }))
          ),
        ])
      resource.include = { [unowned self] in
        self.force || (!self.document.isEmpty && !self.roles.isEmpty)
      }
      resourceStorage = resource
      for role in roles { attachToRole(role) }
      for statement in statements { addStatements(statement) }
    }

    /// The `AWS::IAM::Policy` resource.
    public var resource: CfnResource { resourceStorage }

    /// The policy name: the one given, else the resource's logical ID (its last 128 characters).
    public var policyName: Value {
      if let givenName { return .string(givenName) }
      return .string(String(resourceStorage.logicalID.suffix(128)))
    }

    /// Adds statements.
    public func addStatements(_ statements: PolicyStatement...) {
      document.addStatements(statements)
    }

    /// Attaches the policy to a role (once).
    public func attachToRole(_ role: Role) {
      guard !roles.contains(where: { $0 === role }) else { return }
      roles.append(role)
      role.attachInlinePolicy(self)
    }

    public override func validate() -> [String] {
      var problems = super.validate()
      if force && document.isEmpty {
        problems.append(
          "the policy was created with force: true but has no statement. Add statements, or drop force."
        )
      }
      if force && roles.isEmpty {
        problems.append(
          "the policy was created with force: true but is attached to no role. Attach it with attachToRole(_:), or drop force."
        )
      }
      if force || (!document.isEmpty && !roles.isEmpty) {
        problems += document.validateForIdentityPolicy()
      }
      return problems
    }
  }
}

/// A resource that can leave itself out of the template.
final class IAMPolicyResource: CfnResource {
  var include: () -> Bool = { true }
  override var shouldSynthesize: Bool { include() }
}
