import StackKit

extension SecretsManager {
  /// A Secrets Manager secret (`AWS::SecretsManager::Secret`), with AWS CDK's defaults: a value
  /// Secrets Manager generates (`GenerateSecretString: {}` when nothing else is given), deleted
  /// when it leaves the stack.
  ///
  /// With an ``encryptionKey``, the key policy lets Secrets Manager use the key on the account's
  /// behalf (`kms:ViaService` statements), and read grants add decrypt through Secrets Manager, as
  /// CDK does.
  ///
  /// ```swift
  /// let secret = SecretsManager.Secret(
  ///   stack, "secret",
  ///   generateSecretString: .init(secretStringTemplate: #"{"username": "app"}"#,
  ///                               generateStringKey: "password"),
  ///   encryptionKey: key)
  /// secret.grantRead(role)
  /// let password = secret.secretValueFromJson("password")
  /// ```
  public final class Secret: Construct, IAM.ResourceWithPolicy {
    /// The key that encrypts the secret; the account's default Secrets Manager key when `nil`.
    public let encryptionKey: KMS.Key?
    public let generateSecretString: SecretStringGenerator?
    public let givenSecretName: String?
    /// The resource policy, once a statement was added.
    public private(set) var policy: ResourcePolicy?
    private var resourceStorage: SecretsManager.CfnSecret!

    /// Creates a secret.
    ///
    /// - Parameters:
    ///   - secretStringValue: a value to store instead of a generated one (a dynamic reference).
    ///   - removalPolicy: deleted with the stack by default, as CDK does.
    public init(
      _ scope: Construct, _ id: String, secretName: String? = nil, description: String? = nil,
      generateSecretString: SecretStringGenerator? = nil, secretStringValue: SecretValue? = nil,
      encryptionKey: KMS.Key? = nil, removalPolicy: RemovalPolicy = .destroy
    ) {
      self.encryptionKey = encryptionKey
      self.generateSecretString = generateSecretString
      givenSecretName = secretName
      super.init(scope, id)
      resourceStorage = SecretsManager.CfnSecret(
        self, "Resource", description: description.map(Value.string),
        generateSecretString: generateSecretString?.cfnProperty
          ?? (secretStringValue == nil ? SecretsManager.CfnSecret.GenerateSecretString() : nil),
        kmsKeyId: encryptionKey?.keyArn, name: secretName.map(Value.string),
        secretString: secretStringValue)
      resourceStorage.applyRemovalPolicy(removalPolicy)
      if let encryptionKey {
        let stack = Stack.of(self)
        let principal = KMS.ViaServicePrincipal(
          viaSecretsManager, IAM.AccountPrincipal(stack?.account ?? .pseudo(.accountID)))
        encryptionKey.grantEncryptDecrypt(principal)
        encryptionKey.grant(principal, actions: ["kms:CreateGrant", "kms:DescribeKey"])
      }
      let both = generateSecretString != nil && secretStringValue != nil
      node.addValidation { [unowned self] in
        var problems = self.generateSecretString?.problems ?? []
        if both {
          problems.append(
            "the secret has both generateSecretString and secretStringValue. Give one: a generated value or a stored one."
          )
        }
        if let name = self.givenSecretName, !Self.isValidName(name) {
          problems.append(
            "the secret name \"\(name)\" is not valid. Use 1 to 512 letters, digits and the characters /_+=.@-."
          )
        }
        problems += self.policy?.document.validateForResourcePolicy() ?? []
        return problems
      }
    }

    /// The `AWS::SecretsManager::Secret` resource.
    public var resource: SecretsManager.CfnSecret { resourceStorage }

    /// `{"Ref": secret}`: the ARN.
    public var secretArn: Value { resource.ref }

    /// The ARN as policies name it (the full ARN, for a secret of this stack).
    public var arnForPolicies: Value { secretArn }

    /// The name, taken from the ARN at deployment as CDK takes it:
    /// `Fn::Select(0, Fn::Split("-", Fn::Select(6, Fn::Split(":", arn))))`.
    public var secretName: Value {
      Fn.select(0, Fn.split("-", Fn.select(6, Fn.split(":", secretArn))))
    }

    /// `secretsmanager.${AWS::Region}.amazonaws.com`: the service name of `kms:ViaService`.
    var viaSecretsManager: Value {
      "secretsmanager.\(Stack.of(self)?.region ?? .pseudo(.region)).amazonaws.com"
    }

    /// The whole secret string, as a dynamic reference.
    public var secretValue: SecretValue { SecretValue.secretsManager(secretArn) }

    /// One field of a JSON secret string, as a dynamic reference:
    /// `{{resolve:secretsmanager:<arn>:SecretString:<field>::}}`.
    public func secretValueFromJson(_ jsonField: String) -> SecretValue {
      SecretValue.secretsManager(secretArn, jsonField: jsonField)
    }

    // MARK: Resource policy

    public var resourceAccount: Value { Stack.of(self)?.account ?? .pseudo(.accountID) }
    public var policyOwner: Construct { self }

    /// Adds a statement to the secret's resource policy, creating it (the child `Policy`) on the
    /// first call.
    @discardableResult
    public func addToResourcePolicy(_ statement: IAM.PolicyStatement)
      -> IAM.AddToResourcePolicyResult
    {
      let policy = self.policy ?? ResourcePolicy(self, "Policy", secret: self)
      self.policy = policy
      policy.document.addStatements(statement)
      return IAM.AddToResourcePolicyResult(statementAdded: true, policyDependable: policy)
    }

    // MARK: Grants

    /// Lets `grantee` read the secret (`GetSecretValue`, `DescribeSecret`), and decrypt it
    /// through Secrets Manager with its key.
    ///
    /// - Parameter versionStages: limits reading to these staging labels.
    @discardableResult
    public func grantRead(_ grantee: any IAM.Grantable, versionStages: [String]? = nil)
      -> IAM.Grant
    {
      let result = IAM.Grant.addToPrincipalOrResource(
        grantee: grantee,
        actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        resourceARNs: [arnForPolicies], resource: self)
      if let versionStages {
        let condition: (String, Value) = (
          "ForAnyValue:StringEquals", ["secretsmanager:VersionStage": .strings(versionStages)]
        )
        if result.principalStatement != nil, let role = grantee.grantPrincipal as? IAM.Role,
          let document = role.defaultPolicy?.document
        {
          document.updateStatement(at: document.statementCount - 1) {
            $0.addCondition(condition.0, condition.1)
          }
        } else if result.resourceStatement != nil, let document = policy?.document {
          document.updateStatement(at: document.statementCount - 1) {
            $0.addCondition(condition.0, condition.1)
          }
        }
      }
      encryptionKey?.grantDecrypt(
        KMS.ViaServicePrincipal(viaSecretsManager, grantee.grantPrincipal))
      return result
    }

    /// Lets `grantee` change the secret (`PutSecretValue`, `UpdateSecret`,
    /// `UpdateSecretVersionStage`), and encrypt with its key through Secrets Manager.
    @discardableResult
    public func grantWrite(_ grantee: any IAM.Grantable) -> IAM.Grant {
      let result = IAM.Grant.addToPrincipalOrResource(
        grantee: grantee,
        actions: [
          "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret",
          "secretsmanager:UpdateSecretVersionStage",
        ],
        resourceARNs: [arnForPolicies], resource: self)
      encryptionKey?.grantEncrypt(
        KMS.ViaServicePrincipal(viaSecretsManager, grantee.grantPrincipal))
      return result
    }

    /// Sets `DeletionPolicy` and `UpdateReplacePolicy`.
    public func applyRemovalPolicy(_ policy: RemovalPolicy) {
      resource.applyRemovalPolicy(policy)
    }

    /// `[\w/+=.@-]{1,512}`: the names Secrets Manager accepts.
    static func isValidName(_ name: String) -> Bool {
      let allowed = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/+=.@-".utf8)
      return (1...512).contains(name.utf8.count) && name.utf8.allSatisfy(allowed.contains)
    }
  }
}
