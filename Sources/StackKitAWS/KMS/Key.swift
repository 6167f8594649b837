import Foundation
import StackKit

extension KMS {
  /// A customer managed KMS key (`AWS::KMS::Key`), with AWS CDK v2's defaults: a key policy that
  /// gives the account root `kms:*` (so IAM policies in the account can grant use of the key),
  /// and the key retained when it leaves the stack.
  ///
  /// Grants follow CDK: a principal of the key's account with an identity policy (a role) gets
  /// the statement in its policy; any other principal (a service, a via-service principal, another
  /// account) is named in the key policy with `Resource: "*"`.
  ///
  /// ```swift
  /// let key = KMS.Key(stack, "commonCredentialKey", alias: "redisRbacUser/common",
  ///                   enableKeyRotation: true)
  /// key.grantDecrypt(role)
  /// ```
  public final class Key: Construct, IAM.ResourceWithPolicy {
    /// The key policy; grows with grants and ``addToResourcePolicy(_:)``.
    public let policy: IAM.PolicyDocument
    /// True when rotation is on (`EnableKeyRotation`), `nil` when left to the default (off).
    public let enableKeyRotation: Bool?
    public let rotationPeriodInDays: Int?
    public let pendingWindowInDays: Int?
    public let keySpec: KMS.CfnKey.KeySpec?
    /// The aliases, in the order they were added.
    public private(set) var aliases: [Alias] = []
    private var resourceStorage: KMS.CfnKey!

    /// Creates a key.
    ///
    /// - Parameters:
    ///   - alias: an alias for the key (`alias/` is added when missing), as the child `Alias`.
    ///   - policy: a key policy to start from instead of CDK's default root statement.
    ///   - admins: principals given the key administration actions.
    ///   - rotationPeriodInDays: 90 to 2560; turns rotation on unless `enableKeyRotation` is false.
    ///   - pendingWindowInDays: 7 to 30 days between deletion and removal.
    public init(
      _ scope: Construct, _ id: String, alias: String? = nil, description: String? = nil,
      enableKeyRotation: Bool? = nil, rotationPeriodInDays: Int? = nil, enabled: Bool? = nil,
      keySpec: KMS.CfnKey.KeySpec? = nil, keyUsage: KMS.CfnKey.KeyUsage? = nil,
      multiRegion: Bool? = nil, pendingWindowInDays: Int? = nil,
      policy: IAM.PolicyDocument? = nil, admins: [any IAM.Grantable] = [],
      removalPolicy: RemovalPolicy = .retain
    ) {
      self.enableKeyRotation =
        rotationPeriodInDays != nil && enableKeyRotation == nil ? true : enableKeyRotation
      self.rotationPeriodInDays = rotationPeriodInDays
      self.pendingWindowInDays = pendingWindowInDays
      self.keySpec = keySpec
      self.policy = policy ?? IAM.PolicyDocument()
      let givenPolicy = policy != nil
      let rotationWasGivenAsFalse = enableKeyRotation == false
      super.init(scope, id)
      let stack = Stack.of(self)
      if !givenPolicy {
        self.policy.addStatements(
          IAM.PolicyStatement(
            actions: ["kms:*"], resources: ["*"],
            principals: [IAM.AccountRootPrincipal(account: stack?.account ?? .pseudo(.accountID))]))
      }
      resourceStorage = KMS.CfnKey(
        self, "Resource", description: description.map(Value.string),
        enableKeyRotation: self.enableKeyRotation.map(Value.bool), enabled: enabled.map(Value.bool),
        keyPolicy: self.policy.cfnValue, keySpec: keySpec, keyUsage: keyUsage,
        multiRegion: multiRegion.map(Value.bool),
        pendingWindowInDays: pendingWindowInDays.map(Value.int),
        rotationPeriodInDays: rotationPeriodInDays.map(Value.int))
      resourceStorage.applyRemovalPolicy(removalPolicy)
      for admin in admins { grantAdmin(admin) }
      if let alias { addAlias(alias) }
      node.addValidation { [unowned self] in
        self.validateKey(rotationWasGivenAsFalse: rotationWasGivenAsFalse)
      }
    }

    /// The `AWS::KMS::Key` resource.
    public var resource: KMS.CfnKey { resourceStorage }

    /// `{"Fn::GetAtt": [key, "Arn"]}`.
    public var keyArn: Value { resource.attrArn }

    /// `{"Ref": key}`: the key id.
    public var keyID: Value { resource.ref }

    /// Adds an alias: the first is the child `Alias`, the next ones `Alias<name>` (with `/`
    /// written `--`), as CDK names them.
    @discardableResult
    public func addAlias(_ aliasName: String) -> Alias {
      let id =
        aliases.isEmpty ? "Alias" : "Alias" + aliasName.replacingOccurrences(of: "/", with: "--")
      let alias = Alias(self, id, aliasName: aliasName, targetKey: self)
      aliases.append(alias)
      return alias
    }

    // MARK: Resource policy

    public var resourceAccount: Value { Stack.of(self)?.account ?? .pseudo(.accountID) }
    public var policyOwner: Construct { self }

    /// Adds a statement to the key policy.
    @discardableResult
    public func addToResourcePolicy(_ statement: IAM.PolicyStatement)
      -> IAM.AddToResourcePolicyResult
    {
      policy.addStatements(statement)
      return IAM.AddToResourcePolicyResult(statementAdded: true, policyDependable: self)
    }

    // MARK: Grants

    /// Lets `grantee` perform `actions` with the key.
    @discardableResult
    public func grant(_ grantee: any IAM.Grantable, actions: [String]) -> IAM.Grant {
      let crossEnvironment = isFromAnotherEnvironment(grantee.grantPrincipal)
      if crossEnvironment {
        return IAM.Grant.addToPrincipalAndResource(
          grantee: grantee, actions: actions, resourceARNs: ["*"], resource: self)
      }
      return IAM.Grant.addToPrincipalOrResource(
        grantee: grantee, actions: actions, resourceARNs: [keyArn], resourceSelfARNs: ["*"],
        resource: self)
    }

    /// `kms:Decrypt`.
    @discardableResult
    public func grantDecrypt(_ grantee: any IAM.Grantable) -> IAM.Grant {
      grant(grantee, actions: Self.decryptActions)
    }

    /// `kms:Encrypt`, `kms:ReEncrypt*`, `kms:GenerateDataKey*`.
    @discardableResult
    public func grantEncrypt(_ grantee: any IAM.Grantable) -> IAM.Grant {
      grant(grantee, actions: Self.encryptActions)
    }

    /// Decrypt, then encrypt actions, as CDK lists them.
    @discardableResult
    public func grantEncryptDecrypt(_ grantee: any IAM.Grantable) -> IAM.Grant {
      grant(grantee, actions: Self.decryptActions + Self.encryptActions)
    }

    /// The key administration actions (create, describe, enable, list, put, update, revoke,
    /// disable, get, delete, tag, schedule and cancel deletion).
    @discardableResult
    public func grantAdmin(_ grantee: any IAM.Grantable) -> IAM.Grant {
      grant(grantee, actions: Self.adminActions)
    }

    static let decryptActions = ["kms:Decrypt"]
    static let encryptActions = ["kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"]
    static let adminActions = [
      "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
      "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
      "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
    ]

    /// True when the principal is a construct of a stack whose fixed account or region differs
    /// from this key's.
    private func isFromAnotherEnvironment(_ principal: any IAM.Principal) -> Bool {
      guard let owner = principal as? Construct, let theirs = Stack.of(owner),
        let mine = Stack.of(self), theirs !== mine
      else { return false }
      return theirs.environment.account != mine.environment.account
        || theirs.environment.region != mine.environment.region
    }

    /// Sets `DeletionPolicy` and `UpdateReplacePolicy`.
    public func applyRemovalPolicy(_ policy: RemovalPolicy) {
      resource.applyRemovalPolicy(policy)
    }

    private func validateKey(rotationWasGivenAsFalse: Bool) -> [String] {
      var problems = policy.validateForResourcePolicy()
      if let rotationPeriodInDays {
        if rotationWasGivenAsFalse {
          problems.append(
            "rotationPeriodInDays is set but enableKeyRotation is false. Drop the period, or turn rotation on."
          )
        }
        if !(90...2560).contains(rotationPeriodInDays) {
          problems.append(
            "rotationPeriodInDays is \(rotationPeriodInDays); KMS accepts 90 to 2560 days. Pick a value in that range."
          )
        }
      }
      if let pendingWindowInDays, !(7...30).contains(pendingWindowInDays) {
        problems.append(
          "pendingWindowInDays is \(pendingWindowInDays); KMS accepts 7 to 30 days. Pick a value in that range."
        )
      }
      if enableKeyRotation == true, let spec = keySpec?.cfnValue.literalString,
        spec != "SYMMETRIC_DEFAULT"
      {
        problems.append(
          "key rotation is on for a \(spec) key; KMS rotates only symmetric encryption keys. Turn rotation off or use SYMMETRIC_DEFAULT."
        )
      }
      return problems
    }
  }
}
