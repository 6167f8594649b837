import StackKit

/// What a template holds that decides who can read which secret and what that allows in Redis:
/// IAM roles with their policies, secrets with their resource policies and KMS keys, key
/// policies, ElastiCache RBAC users, user groups and the replication groups that use them.
///
/// ```swift
/// let inventory = AccessInventory(template: try TemplateReader.read(text), stackName: "Demo")
/// for role in inventory.roles { print(role.logicalID, role.statements.count) }
/// ```
public struct AccessInventory: Sendable {
  /// An `AWS::IAM::Role` and every identity policy statement attached to it.
  public struct Role: Sendable, Hashable {
    public var logicalID: String
    /// `RoleName` when the template sets it.
    public var roleName: String?
    /// Who may assume the role: services, accounts, roles (rendered).
    public var trustedBy: [String]
    /// Resources that pass the role to a service (Lambda functions, flow logs …), by logical ID.
    public var usedBy: [String]
    /// Statements of its inline policies, attached `AWS::IAM::Policy`/`ManagedPolicy`
    /// resources and the AWS managed policies the review knows.
    public var statements: [PolicyStatement]
    /// The AWS managed policies attached, by name.
    public var managedPolicies: [String]
    /// Managed policies whose statements the review cannot see (not in the template, not known).
    public var unknownManagedPolicies: [String]
    /// The role's ARN as far as the template tells (pseudo parameters for the unknown parts).
    public var arn: String
  }

  /// Which KMS key encrypts a secret.
  public enum KeyReference: Sendable, Hashable {
    /// No `KmsKeyId`, or `alias/aws/secretsmanager`: the AWS managed key.
    case awsManaged
    /// A key of this template, by logical ID.
    case key(String)
    /// A key outside the template (rendered).
    case external(String)
  }

  /// An `AWS::SecretsManager::Secret` with its resource policies.
  public struct Secret: Sendable, Hashable {
    public var logicalID: String
    /// `Name` when the template sets it.
    public var name: String?
    public var key: KeyReference
    /// Logical IDs of its `AWS::SecretsManager::ResourcePolicy` resources.
    public var resourcePolicies: [String]
    public var statements: [PolicyStatement]
    public var arn: String
  }

  /// An `AWS::KMS::Key` and its key policy.
  public struct Key: Sendable, Hashable {
    public var logicalID: String
    public var statements: [PolicyStatement]
    /// Alias names pointing at it (`alias/app`).
    public var aliases: [String]
    public var arn: String
  }

  /// An `AWS::ElastiCache::User`.
  public struct RedisUser: Sendable, Hashable {
    public var logicalID: String
    public var userName: String
    public var userID: String
    /// The access string, when it is a plain string.
    public var accessString: String?
    public var acl: RedisACL?
    /// Logical IDs of the secrets its passwords come from.
    public var secrets: [String]
    /// `NoPasswordRequired: true` or `AuthenticationMode.Type: no-password-required`.
    public var noPasswordRequired: Bool
    /// `AuthenticationMode.Type` (`password`, `iam`, `no-password-required`), if set.
    public var authenticationType: String?
    /// Ids of the user groups it is in.
    public var userGroups: [String]
    /// Logical IDs of the replication groups (and serverless caches) using those groups.
    public var replicationGroups: [String]
  }

  /// An `AWS::ElastiCache::UserGroup`.
  public struct UserGroup: Sendable, Hashable {
    public var logicalID: String
    public var groupID: String
    /// Members: logical IDs of this template's users, or user ids from outside it (`default`).
    public var members: [String]
    /// User ids that are not users of this template (such as the built-in `default`).
    public var outsideUserIDs: [String]
    public var replicationGroups: [String]
  }

  public var stackName: String
  public var roles: [Role] = []
  public var secrets: [Secret] = []
  public var keys: [Key] = []
  public var redisUsers: [RedisUser] = []
  public var userGroups: [UserGroup] = []
  /// `${Logical}` / `${Logical.Attr}` → the ARN, name or id it stands for, for matching.
  var substitutions: [String: String] = [:]

  /// Reads a template (already parsed, long-form intrinsics).
  public init(template: JSON, stackName: String) {
    self.stackName = stackName
    let resources = template["Resources"]?.objectValue ?? JSONObject()
    func type(_ id: String) -> String? { resources[id]?["Type"]?.stringValue }
    func properties(_ id: String) -> JSONObject {
      resources[id]?["Properties"]?.objectValue ?? JSONObject()
    }
    func ids(of resourceType: String) -> [String] {
      resources.keys.filter { type($0) == resourceType }
    }
    func refs(_ value: JSON?, to resourceType: String) -> [String] {
      guard let value else { return [] }
      return IntrinsicText.references(in: value).filter { type($0) == resourceType }.sorted()
    }
    func list(_ value: JSON?) -> [JSON] {
      switch value {
      case .array(let items)?: return items
      case let one?: return [one]
      case nil: return []
      }
    }

    // KMS keys and aliases.
    var aliasesByKey: [String: [String]] = [:]
    var keyByAliasName: [String: String] = [:]
    for id in ids(of: "AWS::KMS::Alias") {
      let p = properties(id)
      guard let name = p["AliasName"]?.stringValue else { continue }
      substitutions["${\(id)}"] = name
      for key in refs(p["TargetKeyId"], to: "AWS::KMS::Key") {
        aliasesByKey[key, default: []].append(name)
        keyByAliasName[name] = key
      }
    }
    for id in ids(of: "AWS::KMS::Key") {
      let keyID = "\(id)-key-id"
      let arn = "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/\(keyID)"
      substitutions["${\(id)}"] = keyID
      substitutions["${\(id).KeyId}"] = keyID
      substitutions["${\(id).Arn}"] = arn
      var statements = PolicyStatement.statements(
        in: properties(id)["KeyPolicy"], source: .keyPolicy(id))
      if properties(id)["KeyPolicy"] == nil {
        // The default key policy: the account's IAM policies decide.
        statements = [
          PolicyStatement(
            effect: .allow, actions: ["kms:*"], resources: [.string("*")],
            principal: .object(
              JSONObject([("AWS", .string("arn:${AWS::Partition}:iam::${AWS::AccountId}:root"))])),
            source: .keyPolicy(id))
        ]
      }
      keys.append(
        Key(
          logicalID: id, statements: statements, aliases: aliasesByKey[id, default: []].sorted(),
          arn: arn))
    }

    // Secrets and their resource policies.
    var policiesBySecret: [String: [String]] = [:]
    var secretStatements: [String: [PolicyStatement]] = [:]
    for id in ids(of: "AWS::SecretsManager::ResourcePolicy") {
      let p = properties(id)
      for secret in refs(p["SecretId"], to: "AWS::SecretsManager::Secret") {
        policiesBySecret[secret, default: []].append(id)
        secretStatements[secret, default: []] += PolicyStatement.statements(
          in: p["ResourcePolicy"], source: .secretPolicy(id))
      }
    }
    for id in ids(of: "AWS::SecretsManager::Secret") {
      let p = properties(id)
      let name = p["Name"].map(IntrinsicText.render)
      let arn =
        "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:"
        + (name ?? "\(id)-Gn3rAtedNm12") + "-AbCdEf"
      substitutions["${\(id)}"] = arn
      substitutions["${\(id).Id}"] = arn
      var key = KeyReference.awsManaged
      if let keyValue = p["KmsKeyId"] {
        if let local = refs(keyValue, to: "AWS::KMS::Key").first {
          key = .key(local)
        } else if let alias = refs(keyValue, to: "AWS::KMS::Alias").first,
          let local = refs(properties(alias)["TargetKeyId"], to: "AWS::KMS::Key").first
        {
          key = .key(local)
        } else {
          let text = IntrinsicText.render(keyValue)
          if text == "alias/aws/secretsmanager" {
            key = .awsManaged
          } else if let local = keyByAliasName[text] {
            key = .key(local)
          } else {
            key = .external(text)
          }
        }
      }
      secrets.append(
        Secret(
          logicalID: id, name: name, key: key,
          resourcePolicies: policiesBySecret[id, default: []].sorted(),
          statements: secretStatements[id, default: []], arn: arn))
    }

    // Roles and the policies attached to them.
    var attached: [String: [PolicyStatement]] = [:]
    var roleByName: [String: String] = [:]
    for id in ids(of: "AWS::IAM::Role") {
      if let name = properties(id)["RoleName"]?.stringValue { roleByName[name] = id }
    }
    func rolesNamed(_ value: JSON?) -> [String] {
      list(value).flatMap { item -> [String] in
        let local = refs(item, to: "AWS::IAM::Role")
        if !local.isEmpty { return local }
        return item.stringValue.flatMap { roleByName[$0] }.map { [$0] } ?? []
      }
    }
    for policyType in ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"] {
      for id in ids(of: policyType) {
        let statements = PolicyStatement.statements(
          in: properties(id)["PolicyDocument"], source: .identity(id))
        for role in rolesNamed(properties(id)["Roles"]) {
          attached[role, default: []] += statements
        }
      }
    }
    for id in ids(of: "AWS::IAM::RolePolicy") {
      let statements = PolicyStatement.statements(
        in: properties(id)["PolicyDocument"], source: .identity(id))
      for role in rolesNamed(properties(id)["RoleName"]) {
        attached[role, default: []] += statements
      }
    }
    for id in ids(of: "AWS::IAM::Role") {
      let p = properties(id)
      let name = p["RoleName"].map(IntrinsicText.render)
      var path = p["Path"]?.stringValue ?? "/"
      if !path.hasPrefix("/") { path = "/" + path }
      if !path.hasSuffix("/") { path += "/" }
      let arn =
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role\(path)"
        + (name ?? "\(stackName)-\(id)-Gn3rAtedNm12")
      substitutions["${\(id)}"] = name ?? "\(stackName)-\(id)-Gn3rAtedNm12"
      substitutions["${\(id).Arn}"] = arn
      substitutions["${\(id).RoleId}"] = arn
      var trusted: [String] = []
      for statement in PolicyStatement.statements(
        in: p["AssumeRolePolicyDocument"], source: .inline(role: id, policy: "trust"))
      where statement.effect == .allow {
        trusted += Self.principalTexts(statement.principal)
      }
      var statements: [PolicyStatement] = []
      for policy in list(p["Policies"]) {
        statements += PolicyStatement.statements(
          in: policy["PolicyDocument"],
          source: .inline(role: id, policy: policy["PolicyName"]?.stringValue ?? "?"))
      }
      var managed: [String] = []
      var unknown: [String] = []
      for item in list(p["ManagedPolicyArns"]) {
        let local = refs(item, to: "AWS::IAM::ManagedPolicy")
        if !local.isEmpty {
          for policy in local
          where !(attached[id] ?? []).contains(where: {
            $0.source == .identity(policy)
          }) {
            statements += PolicyStatement.statements(
              in: properties(policy)["PolicyDocument"], source: .identity(policy))
          }
          continue
        }
        let text = IntrinsicText.render(item)
        let policyName = String(text.split(separator: "/").last ?? Substring(text))
        managed.append(policyName)
        if text.contains(":iam::aws:policy/"),
          let known = KnownManagedPolicies.statements(
            policyName)
        {
          statements += known
        } else {
          unknown.append(policyName)
        }
      }
      statements += attached[id] ?? []
      let policyTypes: Set<String> = [
        "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy",
        "AWS::KMS::Key", "AWS::SecretsManager::ResourcePolicy",
      ]
      let users = resources.keys.filter { other in
        guard let otherType = type(other), !policyTypes.contains(otherType) else { return false }
        return IntrinsicText.references(in: .object(properties(other))).contains(id)
      }
      roles.append(
        Role(
          logicalID: id, roleName: name, trustedBy: trusted, usedBy: users,
          statements: statements,
          managedPolicies: managed, unknownManagedPolicies: unknown, arn: arn))
    }

    // ElastiCache RBAC users, user groups and what uses them.
    var userByID: [String: String] = [:]
    for id in ids(of: "AWS::ElastiCache::User") {
      let p = properties(id)
      let userID = p["UserId"].map(IntrinsicText.render) ?? id
      userByID[userID] = id
      let secretByName = Dictionary(
        secrets.compactMap { s in s.name.map { ($0, s.logicalID) } },
        uniquingKeysWith: { a, _ in a })
      var passwordValues = list(p["Passwords"])
      passwordValues += list(p["AuthenticationMode"]?["Passwords"])
      var userSecrets: [String] = []
      for value in passwordValues {
        userSecrets += refs(value, to: "AWS::SecretsManager::Secret")
        // A literal {{resolve:secretsmanager:NAME:…}} names the secret.
        let text = IntrinsicText.render(value)
        if let range = text.range(of: "{{resolve:secretsmanager:") {
          let rest = text[range.upperBound...]
          let name = String(rest.prefix { $0 != ":" && $0 != "}" })
          if let secret = secretByName[name] { userSecrets.append(secret) }
        }
      }
      var seen: Set<String> = []
      userSecrets = userSecrets.filter { seen.insert($0).inserted }
      let authType = p["AuthenticationMode"]?["Type"]?.stringValue
      let noPassword =
        p["NoPasswordRequired"] == .bool(true)
        || p["NoPasswordRequired"]?.stringValue?.lowercased() == "true"
        || authType == "no-password-required"
      let access = p["AccessString"]?.stringValue
      redisUsers.append(
        RedisUser(
          logicalID: id, userName: p["UserName"].map(IntrinsicText.render) ?? userID,
          userID: userID, accessString: access, acl: access.map { RedisACL($0) },
          secrets: userSecrets, noPasswordRequired: noPassword, authenticationType: authType,
          userGroups: [], replicationGroups: []))
    }
    var groupByID: [String: String] = [:]
    for id in ids(of: "AWS::ElastiCache::UserGroup") {
      let p = properties(id)
      let groupID = p["UserGroupId"].map(IntrinsicText.render) ?? id
      groupByID[groupID] = id
      var members: [String] = []
      var outside: [String] = []
      for item in list(p["UserIds"]) {
        if let local = refs(item, to: "AWS::ElastiCache::User").first {
          members.append(local)
        } else if let text = item.stringValue, let local = userByID[text] {
          members.append(local)
        } else {
          outside.append(IntrinsicText.render(item))
        }
      }
      userGroups.append(
        UserGroup(
          logicalID: id, groupID: groupID, members: members, outsideUserIDs: outside,
          replicationGroups: []))
    }
    for cacheType in ["AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::ServerlessCache"] {
      for id in ids(of: cacheType) {
        let p = properties(id)
        for item in list(p["UserGroupIds"]) + list(p["UserGroupId"]) {
          let local =
            refs(item, to: "AWS::ElastiCache::UserGroup").first
            ?? item.stringValue.flatMap { groupByID[$0] }
          guard let local, let index = userGroups.firstIndex(where: { $0.logicalID == local })
          else { continue }
          userGroups[index].replicationGroups.append(id)
        }
      }
    }
    for index in redisUsers.indices {
      let groups = userGroups.filter { $0.members.contains(redisUsers[index].logicalID) }
      redisUsers[index].userGroups = groups.map(\.groupID)
      redisUsers[index].replicationGroups = groups.flatMap(\.replicationGroups)
    }
  }

  /// Principal entries as text: `lambda.amazonaws.com`, `${Role.Arn}`, `*`.
  static func principalTexts(_ principal: JSON?) -> [String] {
    guard let principal else { return [] }
    if let text = principal.stringValue { return [text] }
    var out: [String] = []
    for (_, value) in principal.objectValue ?? JSONObject() {
      switch value {
      case .array(let items): out += items.map(IntrinsicText.render)
      default: out.append(IntrinsicText.render(value))
      }
    }
    return out
  }

  /// `text` with every `${Logical}` / `${Logical.Attr}` of a role, secret, key or alias
  /// replaced by what it stands for (an ARN, name or id); pseudo parameters are kept.
  public func resolve(_ text: String) -> String {
    guard text.contains("${") else { return text }
    var out = ""
    var rest = Substring(text)
    while let start = rest.range(of: "${") {
      out += rest[..<start.lowerBound]
      let after = rest[start.lowerBound...]
      guard let end = after.firstIndex(of: "}") else {
        out += after
        return out
      }
      let token = String(after[...end])
      out += substitutions[token] ?? token
      rest = after[after.index(after: end)...]
    }
    return out + rest
  }

  public func role(_ logicalID: String) -> Role? { roles.first { $0.logicalID == logicalID } }
  public func secret(_ logicalID: String) -> Secret? {
    secrets.first { $0.logicalID == logicalID }
  }
  public func key(_ logicalID: String) -> Key? { keys.first { $0.logicalID == logicalID } }
  /// The RBAC user whose password is this secret, if any.
  public func redisUser(withSecret secret: String) -> RedisUser? {
    redisUsers.first { $0.secrets.contains(secret) }
  }
}
