import StackKit

/// Who can read which secret of a stack, and what that lets them do in Redis: for each IAM role
/// and secret, whether `secretsmanager:GetSecretValue` is allowed and whether the secret's KMS
/// key lets the role decrypt it through Secrets Manager; plus findings of broad access.
///
/// Within one account a request is allowed when the identity policy *or* the secret's resource
/// policy allows it (the resource policy naming the role itself) and no policy denies it; a KMS
/// key policy must allow the role itself, or allow the account and leave it to an IAM policy.
///
/// ```swift
/// let review = AccessReview(inventory: AccessInventory(template: template, stackName: "Demo"))
/// for row in review.access where row.canRead { print(row.role, "reads", row.secret) }
/// ```
public struct AccessReview: Sendable {
  /// The answer to "is this allowed?".
  public enum Verdict: Sendable, Hashable {
    case allowed
    /// Allowed only when these conditions hold (or these denies do not apply).
    case conditional([String])
    /// An explicit Deny applies (the text says which).
    case denied(String)
    /// Nothing allows it (the text says what is missing).
    case notAllowed(String)
    /// The template does not say (a key outside it, for example).
    case unknown(String)

    /// True for `allowed`, `conditional` and `unknown`: a review shows what may be allowed.
    public var mayAllow: Bool {
      switch self {
      case .allowed, .conditional, .unknown: true
      case .denied, .notAllowed: false
      }
    }
  }

  /// One role and one secret it may call `GetSecretValue` on.
  public struct SecretAccess: Sendable, Hashable {
    public var role: String
    public var secret: String
    /// `secretsmanager:GetSecretValue`.
    public var read: Verdict
    /// The statements that allow it (`IAM policy X`, `secret policy Y`).
    public var readVia: [String]
    /// `kms:Decrypt` with the secret's key, through Secrets Manager.
    public var decrypt: Verdict
    public var decryptVia: [String]
    /// The logical ID of the RBAC user whose password the secret holds.
    public var redisUser: String?

    /// True when the role may get the secret's value in clear (or the template cannot tell
    /// otherwise, as with a key outside it).
    public var canRead: Bool { read.mayAllow && decrypt.mayAllow }
  }

  /// Broad access worth a reviewer's attention.
  public struct Finding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
      case getSecretValueOnAll = "get-secret-value-on-all"
      case publicSecretPolicy = "public-secret-policy"
      case publicKeyPolicy = "public-key-policy"
      case otherPrincipal = "principal-outside-template"
      case redisAllCommands = "redis-all-commands"
      case redisAllKeys = "redis-all-keys"
      case redisNoPassword = "redis-no-password"
      case redisBuiltInDefaultUser = "redis-built-in-default-user"
      case redisInvalidAccessString = "redis-invalid-access-string"
    }

    public var kind: Kind
    /// The logical ID the finding is about.
    public var subject: String
    public var message: String
  }

  public let inventory: AccessInventory
  /// Every role/secret pair where `GetSecretValue` is allowed or may be, in role then secret
  /// order (including pairs whose decryption is refused).
  public private(set) var access: [SecretAccess] = []
  public private(set) var findings: [Finding] = []
  /// What the review could not evaluate.
  public private(set) var notes: [String] = []

  public init(inventory: AccessInventory) {
    self.inventory = inventory
    let evaluator = PolicyEvaluator(inventory: inventory)
    for role in inventory.roles {
      for secret in inventory.secrets {
        let read = Self.readVerdict(role: role, secret: secret, evaluator: evaluator)
        guard read.verdict.mayAllow else { continue }
        let decrypt = Self.decryptVerdict(role: role, secret: secret, evaluator: evaluator)
        access.append(
          SecretAccess(
            role: role.logicalID, secret: secret.logicalID, read: read.verdict, readVia: read.via,
            decrypt: decrypt.verdict, decryptVia: decrypt.via,
            redisUser: inventory.redisUser(withSecret: secret.logicalID)?.logicalID))
      }
    }
    collectFindings(evaluator: evaluator)
  }

  /// The secrets a role can read in clear.
  public func secretsReadable(by role: String) -> [SecretAccess] {
    access.filter { $0.role == role && $0.canRead }
  }

  /// The roles that can read a secret in clear.
  public func readers(of secret: String) -> [SecretAccess] {
    access.filter { $0.secret == secret && $0.canRead }
  }

  // MARK: - Evaluation

  /// What Secrets Manager knows about a `GetSecretValue` call by the role.
  static func readContext(role: AccessInventory.Role, secret: AccessInventory.Secret)
    -> PolicyContext
  {
    PolicyContext(
      values: [
        "aws:PrincipalArn": [role.arn], "aws:PrincipalAccount": ["${AWS::AccountId}"],
        "aws:PrincipalType": ["AssumedRole"], "aws:SecureTransport": ["true"],
        "secretsmanager:SecretId": [secret.arn],
      ],
      absent: ["kms:ViaService", "aws:CalledVia", "aws:ViaAWSService"])
  }

  /// What KMS knows about the `Decrypt` call Secrets Manager makes for the role.
  static func decryptContext(role: AccessInventory.Role, secret: AccessInventory.Secret)
    -> PolicyContext
  {
    PolicyContext(
      values: [
        "kms:ViaService": ["secretsmanager.${AWS::Region}.amazonaws.com"],
        "kms:CallerAccount": ["${AWS::AccountId}"], "aws:PrincipalArn": [role.arn],
        "aws:PrincipalAccount": ["${AWS::AccountId}"], "aws:PrincipalType": ["AssumedRole"],
        "aws:SecureTransport": ["true"], "kms:EncryptionContext:SecretARN": [secret.arn],
        "kms:EncryptionContextKeys": ["SecretARN", "SecretVersionId"],
        "aws:ViaAWSService": ["true"],
      ])
  }

  /// Statements sorted by what they do to one request.
  struct Tally {
    var allows: [String] = []
    var maybeAllows: [String] = []
    var denies: [String] = []
    var maybeDenies: [String] = []

    mutating func add(_ statement: PolicyStatement, _ outcome: PolicyContext.Outcome) {
      var source = statement.source.description
      if statement.conditionText?.lowercased().contains("kms:viaservice") == true {
        source += " (via Secrets Manager)"
      }
      switch (statement.effect, outcome) {
      case (.allow, .met): if !allows.contains(source) { allows.append(source) }
      case (.allow, .unknown(let c)): maybeAllows.append("\(source) if \(c)")
      case (.deny, .met): if !denies.contains(source) { denies.append(source) }
      case (.deny, .unknown(let c)): maybeDenies.append("unless Deny in \(source) applies (\(c))")
      default: break
      }
    }

    /// The verdict once every statement was added.
    func verdict(missing: String) -> (verdict: Verdict, via: [String]) {
      if !denies.isEmpty {
        return (.denied("explicit Deny in " + denies.joined(separator: ", ")), [])
      }
      if !allows.isEmpty {
        return (maybeDenies.isEmpty ? .allowed : .conditional(maybeDenies), allows)
      }
      if !maybeAllows.isEmpty { return (.conditional(maybeAllows + maybeDenies), maybeAllows) }
      return (.notAllowed(missing), [])
    }
  }

  static func readVerdict(
    role: AccessInventory.Role, secret: AccessInventory.Secret, evaluator: PolicyEvaluator
  ) -> (verdict: Verdict, via: [String]) {
    let action = "secretsmanager:GetSecretValue"
    let context = readContext(role: role, secret: secret)
    var tally = Tally()
    for statement in role.statements {
      tally.add(
        statement,
        evaluator.outcome(statement, action: action, resource: secret.arn, context: context))
    }
    for statement in secret.statements {
      let principal = evaluator.principalMatch(statement, role: role)
      // An Allow for the account only hands the decision to the account's IAM policies.
      let applies =
        statement.effect == .deny
        ? principal != .none : principal == .role || principal == .everyone
      guard applies else { continue }
      tally.add(
        statement,
        evaluator.outcome(statement, action: action, resource: secret.arn, context: context))
    }
    return tally.verdict(missing: "no policy allows secretsmanager:GetSecretValue")
  }

  static func decryptVerdict(
    role: AccessInventory.Role, secret: AccessInventory.Secret, evaluator: PolicyEvaluator
  ) -> (verdict: Verdict, via: [String]) {
    let keyID: String
    switch secret.key {
    case .awsManaged:
      return (.allowed, ["AWS managed key aws/secretsmanager"])
    case .external(let text):
      return (.unknown("the key \(text) is not in this template"), [])
    case .key(let id):
      keyID = id
    }
    guard let key = evaluator.inventory.key(keyID) else {
      return (.unknown("the key \(keyID) is not in this template"), [])
    }
    let action = "kms:Decrypt"
    let context = decryptContext(role: role, secret: secret)
    var direct = Tally()
    var account = Tally()
    for statement in key.statements {
      let outcome = evaluator.outcome(
        statement, action: action, resource: key.arn, context: context)
      switch evaluator.principalMatch(statement, role: role) {
      case .role, .everyone: direct.add(statement, outcome)
      case .account:
        if statement.effect == .deny {
          direct.add(statement, outcome)
        } else {
          account.add(statement, outcome)
        }
      case .none: break
      }
    }
    var identity = Tally()
    for statement in role.statements {
      identity.add(
        statement, evaluator.outcome(statement, action: action, resource: key.arn, context: context)
      )
    }
    var combined = Tally()
    combined.denies = direct.denies + identity.denies
    combined.maybeDenies = direct.maybeDenies + identity.maybeDenies
    combined.allows = direct.allows
    combined.maybeAllows = direct.maybeAllows
    // The key policy lets the account's IAM policies decide: the role's own policy must allow.
    let delegation = " (the key policy of \(keyID) lets IAM policies decide)"
    if !account.allows.isEmpty {
      combined.allows += identity.allows.map { $0 + delegation }
      combined.maybeAllows += identity.maybeAllows.map { $0 + delegation }
    } else if !account.maybeAllows.isEmpty {
      combined.maybeAllows += (identity.allows + identity.maybeAllows).map {
        $0 + delegation + ", " + account.maybeAllows.joined(separator: "; ")
      }
    }
    let missing =
      account.allows.isEmpty && account.maybeAllows.isEmpty
      ? "the key policy of \(keyID) allows neither the role nor its account kms:Decrypt"
      : "no IAM policy of the role allows kms:Decrypt on \(keyID)"
    return combined.verdict(missing: missing)
  }

  // MARK: - Findings

  private mutating func collectFindings(evaluator: PolicyEvaluator) {
    for role in inventory.roles {
      for statement in role.statements where statement.effect == .allow {
        guard statement.covers(action: "secretsmanager:GetSecretValue") else { continue }
        let resources = (statement.resources ?? []).map {
          inventory.resolve(IntrinsicText.render($0))
        }
        let everySecret =
          statement.notResources != nil
          || resources.contains {
            $0 == "*"
              || PolicyPattern.like($0).matches("arn:x:secretsmanager:r:1:secret:any")
                && $0.hasSuffix(":*")
          }
        guard everySecret else { continue }
        let shown = statement.notResources != nil ? "NotResource" : "*"
        findings.append(
          Finding(
            kind: .getSecretValueOnAll, subject: role.logicalID,
            message:
              "\(role.logicalID) may call secretsmanager:GetSecretValue on \(shown) "
              + "(\(statement.source)): every secret of the account, not just this stack's"
              + (statement.condition == nil ? "" : " when \(statement.conditionText ?? "")")))
      }
      for name in role.unknownManagedPolicies {
        notes.append(
          "\(role.logicalID): the managed policy \(name) is not in the template and not known; "
            + "its statements were not evaluated")
      }
    }
    for secret in inventory.secrets {
      for statement in secret.statements where statement.effect == .allow {
        if PolicyEvaluator.isEveryone(statement.principal) && statement.condition == nil {
          findings.append(
            Finding(
              kind: .publicSecretPolicy, subject: secret.logicalID,
              message:
                "\(statement.source) allows Principal \"*\" without a condition: anyone, in any "
                + "account, may \(statement.actionText) \(secret.logicalID)"))
        }
        for text in AccessInventory.principalTexts(
          statement.principal?["AWS"].map { .object(JSONObject([("AWS", $0)])) })
        where text != "*" {
          let resolved = inventory.resolve(text)
          let isTemplateRole = inventory.roles.contains {
            PolicyPattern.exact(resolved).matches($0.arn)
          }
          if !isTemplateRole && !PolicyEvaluator.isAccount(resolved) {
            findings.append(
              Finding(
                kind: .otherPrincipal, subject: secret.logicalID,
                message:
                  "\(statement.source) allows \(text), which is not a role of this template, to "
                  + "\(statement.actionText) \(secret.logicalID)"))
          }
        }
      }
      if case .external(let text) = secret.key {
        notes.append(
          "\(secret.logicalID) is encrypted with \(text), outside the template: decryption "
            + "was not evaluated")
      }
    }
    for key in inventory.keys {
      for statement in key.statements
      where statement.effect == .allow && PolicyEvaluator.isEveryone(statement.principal)
        && statement.condition == nil
      {
        findings.append(
          Finding(
            kind: .publicKeyPolicy, subject: key.logicalID,
            message:
              "the key policy of \(key.logicalID) allows Principal \"*\" without a condition to "
              + statement.actionText))
      }
    }
    for user in inventory.redisUsers {
      let name = "Redis user \(user.userName) (\(user.logicalID))"
      guard let acl = user.acl else {
        notes.append("\(name): the access string is not a plain string and was not read")
        continue
      }
      for problem in acl.problems {
        findings.append(
          Finding(
            kind: .redisInvalidAccessString, subject: user.logicalID,
            message: "\(name): Redis refuses the access string at \(problem)"))
      }
      let refused: [RedisACLRule] = [
        .addPassword, .removePassword, .addPasswordHash, .removePasswordHash, .reset,
      ]
      for rule in acl.rules where refused.contains(rule) {
        findings.append(
          Finding(
            kind: .redisInvalidAccessString, subject: user.logicalID,
            message:
              "\(name): ElastiCache does not accept "
              + (rule == .reset ? "reset" : "passwords (>, <, #, !)")
              + " in an access string; set passwords with Passwords or NoPasswordRequired"))
        break
      }
      if acl.grantsAllCommands {
        findings.append(
          Finding(
            kind: .redisAllCommands, subject: user.logicalID,
            message: "\(name) may run every command (+@all), the dangerous ones included"))
      }
      if acl.grantsAllKeys {
        findings.append(
          Finding(
            kind: .redisAllKeys, subject: user.logicalID,
            message: "\(name) may touch every key (allkeys / ~*)"))
      }
      if acl.isEnabled && (acl.noPassword || user.noPasswordRequired) {
        findings.append(
          Finding(
            kind: .redisNoPassword, subject: user.logicalID,
            message: "\(name) is on and needs no password: any client can log in as it"))
      }
    }
    for group in inventory.userGroups where group.outsideUserIDs.contains("default") {
      findings.append(
        Finding(
          kind: .redisBuiltInDefaultUser, subject: group.logicalID,
          message:
            "user group \(group.groupID) includes ElastiCache's built-in user \"default\" "
            + "(on ~* +@all, no password); add a user named default that is off instead"))
    }
  }
}

extension PolicyStatement {
  /// The actions in words, for findings.
  var actionText: String {
    if let actions { return actions.joined(separator: ", ") }
    return "anything but " + (notActions ?? []).joined(separator: ", ")
  }
}
