import StackKit

extension ElastiCache {
  /// An ElastiCache RBAC user whose password lives only in Secrets Manager: a secret with a
  /// generated password (avoiding every character ElastiCache refuses), encrypted with a KMS key,
  /// and the `AWS::ElastiCache::User` that takes the password through a dynamic reference, so no
  /// password is ever written in the template.
  ///
  /// ``grantSecretRead(_:)`` ties an IAM principal to the user: it lists the principal in the one
  /// resource-policy statement of the secret (whose principal list grows with each grant), gives
  /// it `secretsmanager:DescribeSecret` and `GetSecretValue` in its own policy, and lets it decrypt
  /// with the key.
  ///
  /// ```swift
  /// let producer = ElastiCache.RedisRbacUser(
  ///   stack, "producerRBAC", userName: "producer", userID: "producer",
  ///   accessString: "on ~* -@all +SET", kmsKey: key, principals: [producerRole])
  /// ```
  public final class RedisRbacUser: Construct, UserReference {
    /// The access string ElastiCache's own guide gives a replacement `default` user: disabled,
    /// `GET` on `keys*` only.
    public static let defaultAccessString = "off +get ~keys*"

    /// The characters a generated password excludes by default, as the reference program
    /// excludes them: every character ElastiCache refuses (`,` `"` `/` `@`) and the punctuation
    /// that needs quoting in shells, URLs and connection strings.
    public static let defaultExcludedCharacters = "@%*()_+=`~{}|[]\\:\";'?,./"

    public let userName: String
    public let userID: String
    public let accessString: String
    /// The characters the generated password excludes.
    public let excludeCharacters: String
    public let passwordLength: Int?
    private var keyStorage: KMS.Key!
    private var secretStorage: SecretsManager.Secret!
    private var userStorage: ElastiCache.CfnUser!
    /// The index of the grant statement in the secret's resource policy, once made.
    private var grantStatementIndex: Int?

    /// Creates the key (unless given), the secret and the user.
    ///
    /// - Parameters:
    ///   - userName: the name clients authenticate with (`default` for a group's default user).
    ///   - userID: the ElastiCache user id, `^[a-zA-Z][a-zA-Z0-9-]*$`.
    ///   - accessString: Redis ACL rules, without passwords; ``defaultAccessString`` if not given.
    ///   - kmsKey: the key for the secret; a new key `kmsForSecret` (alias
    ///     `redisRbacUser/<userName>`, rotation on) when not given.
    ///   - principals: principals given read access at once, as ``grantSecretRead(_:)`` does.
    ///   - excludeCharacters: must contain `,`, `"`, `/` and `@`, which ElastiCache refuses.
    ///   - passwordLength: 16 to 128; Secrets Manager's default (32) when not given.
    public init(
      _ scope: Construct, _ id: String, userName: String, userID: String,
      accessString: String? = nil, kmsKey: KMS.Key? = nil, principals: [any IAM.Grantable] = [],
      engine: ElastiCache.CfnUser.Engine = .redis,
      excludeCharacters: String = RedisRbacUser.defaultExcludedCharacters,
      passwordLength: Int? = nil
    ) {
      self.userName = userName
      self.userID = userID
      self.accessString = accessString ?? Self.defaultAccessString
      self.excludeCharacters = excludeCharacters
      self.passwordLength = passwordLength
      super.init(scope, id)
      keyStorage =
        kmsKey
        ?? KMS.Key(
          self, "kmsForSecret", alias: "redisRbacUser/" + userName, enableKeyRotation: true)
      secretStorage = SecretsManager.Secret(
        self, "secret",
        generateSecretString: SecretsManager.SecretStringGenerator(
          secretStringTemplate:
            "{\(Self.pythonJSONString("username")): \(Self.pythonJSONString(userName))}",
          generateStringKey: "password", excludeCharacters: excludeCharacters,
          passwordLength: passwordLength),
        encryptionKey: keyStorage)
      userStorage = ElastiCache.CfnUser(
        self, "redisuser", accessString: .string(self.accessString), engine: engine,
        passwords: [secretStorage.secretValueFromJson("password")], userId: .string(userID),
        userName: .string(userName))
      userStorage.node.addDependency(secretStorage)
      for principal in principals { grantSecretRead(principal) }
      node.addValidation { [unowned self] in self.validateUser() }
    }

    /// The key that encrypts the secret: the one given, else the child `kmsForSecret`.
    public var kmsKey: KMS.Key { keyStorage }

    /// The secret: `{"username": <userName>, "password": <generated>}`.
    public var secret: SecretsManager.Secret { secretStorage }

    /// The `AWS::ElastiCache::User` resource.
    public var user: ElastiCache.CfnUser { userStorage }

    /// Lets `principal` read the user's credentials, on both sides: it is listed in the secret's
    /// resource policy (one statement for all grantees), gets `DescribeSecret` and
    /// `GetSecretValue` on the secret in its own policy, and may decrypt with the key.
    public func grantSecretRead(_ principal: any IAM.Grantable) {
      let grantee = principal.grantPrincipal
      if let index = grantStatementIndex, let document = secret.policy?.document {
        document.updateStatement(at: index) { $0.addPrincipals(grantee) }
      } else {
        secret.addToResourcePolicy(
          IAM.PolicyStatement(
            effect: .allow,
            actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
            resources: [secret.secretArn], principals: [grantee]))
        grantStatementIndex = (secret.policy?.document.statementCount ?? 1) - 1
      }
      kmsKey.grantDecrypt(principal)
      secret.grantRead(principal)
    }

    private func validateUser() -> [String] {
      var problems: [String] = []
      if let problem = RBACRules.idProblem(userID, what: "user id") { problems.append(problem) }
      if userName.isEmpty || userName.contains(where: \.isWhitespace) {
        problems.append(
          "the user name \"\(userName)\" is empty or has white space, which clients cannot send in AUTH. Use a name without spaces."
        )
      }
      problems += RBACRules.accessStringProblems(accessString)
      let missing = RBACRules.refusedPasswordCharacters.filter { !excludeCharacters.contains($0) }
      if !missing.isEmpty {
        problems.append(
          "excludeCharacters lets the generated password contain \(missing.map { "'\($0)'" }.joined(separator: " ")), which ElastiCache refuses in passwords. Add them to excludeCharacters."
        )
      }
      if let passwordLength, !RBACRules.passwordLengths.contains(passwordLength) {
        problems.append(
          "passwordLength is \(passwordLength); ElastiCache passwords are 16 to 128 characters. Pick a length in that range."
        )
      }
      return problems
    }

    /// A JSON string as Python's `json.dumps` writes it (non-ASCII as `\\u` escapes), so the
    /// template matches the reference program's `json.dumps({"username": name})`.
    static func pythonJSONString(_ text: String) -> String {
      var out = "\""
      for unit in text.utf16 {
        switch unit {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(unit)!)
        default: out += "\\u" + String(unit, radix: 16).leftPadded(to: 4)
        }
      }
      return out + "\""
    }
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: "0", count: length - count) + self
  }
}
