import StackKit

extension IAM {
  /// A customer managed policy (`AWS::IAM::ManagedPolicy`), or, through
  /// ``fromAwsManagedPolicyName(_:)``, a reference to a policy AWS manages.
  ///
  /// ```swift
  /// let policy = IAM.ManagedPolicy(stack, "ReadLogs", statements: [
  ///   IAM.PolicyStatement(actions: ["logs:GetLogEvents"], resources: ["*"])
  /// ], roles: [role])
  /// role.addManagedPolicy(IAM.ManagedPolicy.fromAwsManagedPolicyName("ReadOnlyAccess"))
  /// ```
  public final class ManagedPolicy: Construct, ManagedPolicyReference {
    /// The policy document; grows with ``addStatements(_:)``.
    public let document: PolicyDocument
    private var resourceStorage: IAM.CfnManagedPolicy!
    public let description: String?
    public let managedPolicyName: String?
    public let path: String?
    private var roles: [Role] = []

    /// An AWS managed policy by name: `service-role/AWSLambdaBasicExecutionRole`.
    public static func fromAwsManagedPolicyName(_ name: String) -> AwsManagedPolicy {
      AwsManagedPolicy(name)
    }

    /// A managed policy by ARN.
    public static func fromManagedPolicyArn(_ arn: Value) -> any ManagedPolicyReference {
      ArnManagedPolicy(managedPolicyArn: arn)
    }

    public init(
      _ scope: Construct, _ id: String, managedPolicyName: String? = nil,
      description: String? = nil, path: String? = nil, document: PolicyDocument? = nil,
      statements: [PolicyStatement] = [], roles: [Role] = []
    ) {
      self.document = document ?? PolicyDocument()
      self.description = description
      self.managedPolicyName = managedPolicyName
      self.path = path
      super.init(scope, id)
      self.document.addStatements(statements)
      resourceStorage = IAM.CfnManagedPolicy(
        self, "Resource", description: .string(description ?? ""),
        managedPolicyName: managedPolicyName.map(Value.string), path: .string(path ?? "/"),
        policyDocument: self.document.cfnValue,
        roles: .lazy(
          Lazy(optional: { [unowned self] in
            self.roles.isEmpty ? nil : .list(self.roles.map(\.roleName))
          })))
      for role in roles { attachToRole(role) }
    }

    /// The `AWS::IAM::ManagedPolicy` resource.
    public var resource: IAM.CfnManagedPolicy { resourceStorage }

    /// `{"Ref": …}`: the ARN.
    public var managedPolicyArn: Value { resource.ref }

    /// Adds statements to the document.
    public func addStatements(_ statements: PolicyStatement...) {
      document.addStatements(statements)
    }

    /// Attaches the policy to a role.
    public func attachToRole(_ role: Role) {
      guard !roles.contains(where: { $0 === role }) else { return }
      roles.append(role)
    }

    public override func validate() -> [String] {
      var problems = super.validate()
      if document.isEmpty {
        problems.append(
          "the managed policy has no statement; IAM refuses an empty policy. Add statements with addStatements(_:) or pass them at creation."
        )
      }
      problems += document.validateForIdentityPolicy()
      return problems
    }
  }

  /// A managed policy known by its ARN.
  struct ArnManagedPolicy: ManagedPolicyReference {
    let managedPolicyArn: Value
  }
}
