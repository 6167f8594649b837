import Foundation
import StackKit
import Testing

@testable import StackToolkit

/// The access review on the committed seed template, and its policy evaluation on small
/// templates: wildcards, Deny wins, resource policies, KMS key policies and kms:ViaService.
@Suite struct AccessReviewTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  static func seedReview() throws -> AccessReview {
    let path = repositoryRoot + "/templates/RedisRbacStack.template.yaml"
    let template = try TemplateReader.read(try String(contentsOfFile: path, encoding: .utf8))
    return AccessReview(
      inventory: AccessInventory(template: template, stackName: "RedisRbacStack"))
  }

  static func logicalID(_ review: AccessReview, _ prefix: String, _ type: String) throws -> String {
    let ids: [String]
    switch type {
    case "role": ids = review.inventory.roles.map(\.logicalID)
    case "secret": ids = review.inventory.secrets.map(\.logicalID)
    default: ids = review.inventory.redisUsers.map(\.logicalID)
    }
    return try #require(ids.first { $0.hasPrefix(prefix) }, "no \(type) \(prefix)* in \(ids)")
  }

  // MARK: - The seed stack

  @Test func seedProducerReadsOnlyItsSecretAndMaySetAnyKey() throws {
    let review = try Self.seedReview()
    let role = try Self.logicalID(review, "producerRole", "role")
    let readable = review.secretsReadable(by: role)
    #expect(readable.map(\.secret) == [try Self.logicalID(review, "producerRBACsecret", "secret")])
    let entry = try #require(readable.first)
    #expect(entry.read == .allowed && entry.decrypt == .allowed)
    #expect(entry.readVia.contains { $0.hasPrefix("IAM policy producerRoleDefaultPolicy") })
    #expect(entry.readVia.contains { $0.hasPrefix("secret policy producerRBACsecretPolicy") })
    #expect(
      entry.decryptVia.contains {
        $0.hasPrefix("key policy of commonCredentialKey") && $0.hasSuffix("(via Secrets Manager)")
      })
    let user = try #require(review.inventory.redisUsers.first { $0.logicalID == entry.redisUser })
    #expect(user.userName == "producer")
    let acl = try #require(user.acl)
    #expect(acl.isEnabled && acl.root.allKeys && acl.root.commands.summary == "SET")
    #expect(acl.summary == "on · can run: SET · keys: * · (everything else denied)")
    #expect(user.userGroups == ["mock-app-user-group"])
    #expect(user.replicationGroups == ["RedisReplicationGroup"])
  }

  @Test func seedConsumerReadsOnlyItsSecretAndMayGet() throws {
    let review = try Self.seedReview()
    let role = try Self.logicalID(review, "consumerRole", "role")
    let readable = review.secretsReadable(by: role)
    #expect(readable.map(\.secret) == [try Self.logicalID(review, "consumerRBACsecret", "secret")])
    let user = try #require(
      review.inventory.redisUsers.first { $0.logicalID == readable.first?.redisUser })
    #expect(user.userName == "consumer")
    #expect(user.acl?.isEnabled == true && user.acl?.root.allKeys == true)
    #expect(user.acl?.root.commands.summary == "GET")
  }

  @Test func seedOutsiderAndFlowLogRoleReadNothingDefaultSecretHasNoReader() throws {
    let review = try Self.seedReview()
    let outsider = try Self.logicalID(review, "outsiderRole", "role")
    #expect(review.access.filter { $0.role == outsider }.isEmpty)
    let flowLog = try Self.logicalID(review, "VpcFlowLogIAMRole", "role")
    #expect(review.secretsReadable(by: flowLog).isEmpty)
    let defaultSecret = try Self.logicalID(review, "groupDefaultUserRBACsecret", "secret")
    #expect(review.readers(of: defaultSecret).isEmpty)
    #expect(review.access.filter { $0.secret == defaultSecret }.isEmpty)
    #expect(review.inventory.redisUser(withSecret: defaultSecret)?.userName == "default")
    #expect(review.inventory.redisUser(withSecret: defaultSecret)?.acl?.isEnabled == false)
    // Exactly two role → secret pairs in the whole stack.
    #expect(review.access.count == 2 && review.access.allSatisfy(\.canRead))
  }

  @Test func seedFindingsAreTheAllKeysUsersOnly() throws {
    let review = try Self.seedReview()
    let kinds = review.findings.map(\.kind)
    #expect(kinds == [.redisAllKeys, .redisAllKeys])
    #expect(
      Set(review.findings.map(\.subject))
        == [
          try Self.logicalID(review, "producerRBACredisuser", "user"),
          try Self.logicalID(review, "consumerRBACredisuser", "user"),
        ])
    #expect(review.notes.isEmpty)
  }

  @Test func seedRendersAsTextMarkdownAndJSON() throws {
    let review = try Self.seedReview()
    let outsider = try Self.logicalID(review, "outsiderRole", "role")
    let text = AccessRenderer(format: .text).render([review])
    #expect(text.hasPrefix("RedisRbacStack: 4 IAM roles, 3 secrets, 3 Redis users\n"))
    let outsiderLine = try #require(text.split(separator: "\n").first { $0.contains(outsider) })
    #expect(outsiderLine.contains("no secret"))
    #expect(text.contains("Secrets no role can read:\n  groupDefaultUserRBACsecret"))
    #expect(text.contains("Broad access (2):"))

    let markdown = AccessRenderer(format: .markdown).render([review])
    #expect(markdown.hasPrefix("### Access review: RedisRbacStack\n"))
    let outsiderFunction = try #require(
      review.inventory.role(outsider)?.usedBy.first { $0.hasPrefix("outsiderFn") })
    #expect(
      markdown.contains(
        "| `\(outsider)`<br>assumed by lambda.amazonaws.com<br>used by \(outsiderFunction) "
          + "| no secret |"))
    #expect(
      markdown.contains(
        #"| `producer` | on<br>can run: SET<br>keys: \*<br>(everything else denied) |"#))

    let json = try JSONParser.parse(AccessRenderer(format: .json).render([review]))
    let stack = try #require(json["stacks"]?.arrayValue?.first)
    let roles = try #require(stack["roles"]?.arrayValue)
    let producer = try #require(
      roles.first { $0["logicalId"]?.stringValue?.hasPrefix("producerRole") == true })
    let grant = try #require(producer["secrets"]?.arrayValue?.first)
    #expect(grant["canRead"] == .bool(true))
    #expect(grant["getSecretValue"] == .string("allowed"))
    let outsiderJSON = try #require(roles.first { $0["logicalId"] == .string(outsider) })
    #expect(outsiderJSON["secrets"] == .array([]))
    let users = try #require(stack["redisUsers"]?.arrayValue)
    let consumer = try #require(users.first { $0["userName"] == .string("consumer") })
    #expect(consumer["commands"] == .string("GET"))
    #expect(consumer["keys"] == .array([.string("*")]))
  }

  // MARK: - Small templates

  static let lambdaTrust = statement(
    action: #""sts:AssumeRole""#, resource: nil,
    principal: #"{"Service": "lambda.amazonaws.com"}"#)

  /// A policy statement in JSON; arguments are JSON text.
  static func statement(
    _ effect: String = "Allow", action: String? = nil, notAction: String? = nil,
    resource: String? = #""*""#, principal: String? = nil, notPrincipal: String? = nil,
    condition: String? = nil
  ) -> String {
    var parts = [#""Effect": "\#(effect)""#]
    if let action { parts.append(#""Action": \#(action)"#) }
    if let notAction { parts.append(#""NotAction": \#(notAction)"#) }
    if let resource { parts.append(#""Resource": \#(resource)"#) }
    if let principal { parts.append(#""Principal": \#(principal)"#) }
    if let notPrincipal { parts.append(#""NotPrincipal": \#(notPrincipal)"#) }
    if let condition { parts.append(#""Condition": \#(condition)"#) }
    return "{" + parts.joined(separator: ", ") + "}"
  }

  static func resource(_ id: String, _ type: String, _ properties: String) -> String {
    #""\#(id)": {"Type": "\#(type)", "Properties": \#(properties)}"#
  }

  static func role(_ id: String, extra: String = "") -> String {
    resource(
      id, "AWS::IAM::Role",
      #"{"AssumeRolePolicyDocument": {"Statement": [\#(lambdaTrust)]}\#(extra)}"#)
  }

  static func policy(_ id: String, role: String, _ statements: String...) -> String {
    resource(
      id, "AWS::IAM::Policy",
      #"{"PolicyName": "\#(id)", "Roles": [{"Ref": "\#(role)"}], "PolicyDocument": "#
        + #"{"Statement": [\#(statements.joined(separator: ", "))]}}"#)
  }

  static func secret(_ id: String, _ properties: String = "{}") -> String {
    resource(id, "AWS::SecretsManager::Secret", properties)
  }

  static func secretPolicy(_ id: String, secret: String, _ statements: String...) -> String {
    resource(
      id, "AWS::SecretsManager::ResourcePolicy",
      #"{"SecretId": {"Ref": "\#(secret)"}, "ResourcePolicy": "#
        + #"{"Statement": [\#(statements.joined(separator: ", "))]}}"#)
  }

  static func key(_ id: String, _ statements: String...) -> String {
    resource(
      id, "AWS::KMS::Key",
      #"{"KeyPolicy": {"Statement": [\#(statements.joined(separator: ", "))]}}"#)
  }

  static func arn(of id: String) -> String { #"{"AWS": {"Fn::GetAtt": ["\#(id)", "Arn"]}}"# }

  static func join(_ parts: String...) -> String {
    #"{"Fn::Join": ["", [\#(parts.joined(separator: ", "))]]}"#
  }

  static let rootARN = join(
    #""arn:""#, #"{"Ref": "AWS::Partition"}"#, #"":iam::""#, #"{"Ref": "AWS::AccountId"}"#,
    #"":root""#)
  static let root = #"{"AWS": \#(rootARN)}"#
  static let getSecretValue = #""secretsmanager:GetSecretValue""#
  static let readS = statement(action: getSecretValue, resource: #"{"Ref": "S"}"#)
  static let decryptK = statement(
    action: #""kms:Decrypt""#, resource: #"{"Fn::GetAtt": ["K", "Arn"]}"#)
  static let encrypted = #"{"KmsKeyId": {"Fn::GetAtt": ["K", "Arn"]}}"#
  static let rootKey = key("K", statement(action: #""kms:*""#, principal: root))

  static func viaService(_ service: String) -> String {
    let value = join(#""\#(service).""#, #"{"Ref": "AWS::Region"}"#, #"".amazonaws.com""#)
    return #"{"StringEquals": {"kms:ViaService": \#(value)}}"#
  }

  static func review(_ resources: String...) throws -> AccessReview {
    let template = try JSONParser.parse(
      "{\"Resources\": {" + resources.joined(separator: ", ") + "}}")
    return AccessReview(inventory: AccessInventory(template: template, stackName: "Test"))
  }

  static func canRead(_ review: AccessReview, _ role: String, _ secret: String) -> Bool {
    review.secretsReadable(by: role).contains { $0.secret == secret }
  }

  @Test func wildcardActionsAndNotAction() throws {
    for action in [
      #""secretsmanager:*""#, #""secretsmanager:Get*""#, #""*""#,
      #""SecretsManager:getsecret?alue""#, #"["s3:GetObject", "secretsmanager:GetSecretValue"]"#,
    ] {
      let review = try Self.review(
        Self.role("R"), Self.secret("S"),
        Self.policy("P", role: "R", Self.statement(action: action, resource: #"{"Ref": "S"}"#)))
      #expect(Self.canRead(review, "R", "S"), "\(action)")
    }
    for action in [
      #""secretsmanager:Describe*""#, #""secretsmanager:GetSecretValues""#, #""kms:*""#,
    ] {
      let review = try Self.review(
        Self.role("R"), Self.secret("S"),
        Self.policy("P", role: "R", Self.statement(action: action)))
      #expect(!Self.canRead(review, "R", "S"), "\(action)")
    }
    let notAction = try Self.review(
      Self.role("R"), Self.secret("S"),
      Self.policy("P", role: "R", Self.statement(notAction: #"["iam:*"]"#)))
    #expect(Self.canRead(notAction, "R", "S"))
    #expect(notAction.findings.map(\.kind) == [.getSecretValueOnAll])
    let notSecrets = try Self.review(
      Self.role("R"), Self.secret("S"),
      Self.policy("P", role: "R", Self.statement(notAction: #""secretsmanager:*""#)))
    #expect(!Self.canRead(notSecrets, "R", "S"))
  }

  @Test func resourcesMatchByReferenceAndByARNPattern() throws {
    let read = { (resource: String) in
      Self.statement(action: Self.getSecretValue, resource: resource)
    }
    let named = try Self.review(
      Self.role("R"), Self.secret("App", #"{"Name": "app/db"}"#),
      Self.secret("Other", #"{"Name": "other/db"}"#),
      Self.policy("P", role: "R", read(#""arn:aws:secretsmanager:*:*:secret:app/*""#)))
    #expect(Self.canRead(named, "R", "App"))
    #expect(!Self.canRead(named, "R", "Other"))
    #expect(named.findings.isEmpty)
    let byRef = try Self.review(
      Self.role("R"), Self.secret("A"), Self.secret("B"),
      Self.policy("P", role: "R", read(#"{"Ref": "A"}"#)))
    #expect(Self.canRead(byRef, "R", "A") && !Self.canRead(byRef, "R", "B"))
    let everything = try Self.review(
      Self.role("R"), Self.secret("A"), Self.secret("B"),
      Self.policy("P", role: "R", read(#""*""#)))
    #expect(Self.canRead(everything, "R", "A") && Self.canRead(everything, "R", "B"))
    #expect(everything.findings.map(\.kind) == [.getSecretValueOnAll])
    #expect(everything.findings.first?.subject == "R")
  }

  @Test func anExplicitDenyWins() throws {
    let allow = Self.statement(action: #""secretsmanager:*""#)
    let identityDeny = try Self.review(
      Self.role("R"), Self.secret("S"),
      Self.policy(
        "P", role: "R", allow,
        Self.statement("Deny", action: Self.getSecretValue, resource: #"{"Ref": "S"}"#)))
    #expect(!Self.canRead(identityDeny, "R", "S"))
    #expect(identityDeny.access.isEmpty)
    let resourceDeny = try Self.review(
      Self.role("R"), Self.secret("S"), Self.policy("P", role: "R", allow),
      Self.secretPolicy(
        "SP", secret: "S", Self.statement("Deny", action: Self.getSecretValue, principal: #""*""#)))
    #expect(!Self.canRead(resourceDeny, "R", "S"))
    // A Deny for everyone but the role leaves the role alone.
    let exceptRole = try Self.review(
      Self.role("R"), Self.role("Other"), Self.secret("S"), Self.policy("P", role: "R", allow),
      Self.policy("P2", role: "Other", allow),
      Self.secretPolicy(
        "SP", secret: "S",
        Self.statement(
          "Deny", action: #""secretsmanager:*""#, notPrincipal: Self.arn(of: "R"))))
    #expect(Self.canRead(exceptRole, "R", "S"))
    #expect(!Self.canRead(exceptRole, "Other", "S"))
    // A Deny on a condition the template cannot decide leaves the access conditional.
    let conditional = try Self.review(
      Self.role("R"), Self.secret("S"), Self.policy("P", role: "R", allow),
      Self.secretPolicy(
        "SP", secret: "S",
        Self.statement(
          "Deny", action: Self.getSecretValue, principal: #""*""#,
          condition: #"{"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}"#)))
    let entry = try #require(conditional.access.first)
    guard case .conditional(let conditions) = entry.read else {
      Issue.record("expected a conditional read, got \(entry.read)")
      return
    }
    #expect(conditions.first?.contains("aws:SourceVpce") == true)
  }

  @Test func aResourcePolicyAloneGrantsTheRoleItNames() throws {
    let grant = { (principal: String) in
      Self.secretPolicy(
        "SP", secret: "S", Self.statement(action: Self.getSecretValue, principal: principal))
    }
    let direct = try Self.review(
      Self.role("R"), Self.role("Outsider"), Self.secret("S"), grant(Self.arn(of: "R")))
    #expect(Self.canRead(direct, "R", "S"))
    #expect(direct.access.first?.readVia == ["secret policy SP"])
    #expect(!Self.canRead(direct, "Outsider", "S"))
    // The account root hands the decision to IAM: no identity policy, no access.
    let account = try Self.review(Self.role("R"), Self.secret("S"), grant(Self.root))
    #expect(!Self.canRead(account, "R", "S"))
    // A literal ARN of a named role in the same template.
    let literal = try Self.review(
      Self.role("R", extra: #", "RoleName": "app-reader""#), Self.secret("S"),
      grant(#"{"AWS": "arn:aws:iam::123456789012:role/app-reader"}"#))
    #expect(Self.canRead(literal, "R", "S"))
    #expect(literal.findings.isEmpty)
    // Principal "*" without a condition: anyone.
    let open = try Self.review(Self.role("R"), Self.secret("S"), grant(#""*""#))
    #expect(Self.canRead(open, "R", "S"))
    #expect(open.findings.map(\.kind) == [.publicSecretPolicy])
    // A principal outside the template.
    let other = try Self.review(
      Self.role("R"), Self.secret("S"), grant(#"{"AWS": "arn:aws:iam::210987654321:role/ops"}"#))
    #expect(other.findings.map(\.kind) == [.otherPrincipal])
  }

  @Test func kmsKeyPolicyAndIdentityPolicy() throws {
    // The key trusts the account; the role's IAM policy must allow kms:Decrypt.
    let noDecrypt = try Self.review(
      Self.role("R"), Self.secret("S", Self.encrypted), Self.rootKey,
      Self.policy("P", role: "R", Self.readS))
    let entry = try #require(noDecrypt.access.first)
    #expect(entry.read == .allowed && !entry.canRead)
    #expect(entry.decrypt == .notAllowed("no IAM policy of the role allows kms:Decrypt on K"))
    #expect(noDecrypt.readers(of: "S").isEmpty)
    let withDecrypt = try Self.review(
      Self.role("R"), Self.secret("S", Self.encrypted), Self.rootKey,
      Self.policy("P", role: "R", Self.readS, Self.decryptK))
    #expect(Self.canRead(withDecrypt, "R", "S"))
    #expect(
      withDecrypt.access.first?.decryptVia == [
        "IAM policy P (the key policy of K lets IAM policies decide)"
      ])
    // A key policy that names neither the role nor the account.
    let closed = try Self.review(
      Self.role("R"), Self.role("Admin"), Self.secret("S", Self.encrypted),
      Self.key("K", Self.statement(action: #""kms:*""#, principal: Self.arn(of: "Admin"))),
      Self.policy("P", role: "R", Self.readS, Self.decryptK))
    #expect(!Self.canRead(closed, "R", "S"))
    // An explicit Deny in the key policy.
    let denied = try Self.review(
      Self.role("R"), Self.secret("S", Self.encrypted),
      Self.key(
        "K", Self.statement(action: #""kms:*""#, principal: Self.root),
        Self.statement("Deny", action: #""kms:Decrypt""#, principal: #""*""#)),
      Self.policy("P", role: "R", Self.readS, Self.decryptK))
    guard case .denied = try #require(denied.access.first).decrypt else {
      Issue.record("expected a denied decrypt")
      return
    }
  }

  @Test func kmsViaServiceCondition() throws {
    let grantRole = { (condition: String) in
      Self.key(
        "K",
        Self.statement(
          action: #"["kms:Decrypt", "kms:DescribeKey"]"#, principal: Self.arn(of: "R"),
          condition: condition))
    }
    let viaSM = try Self.review(
      Self.role("R"), Self.secret("S", Self.encrypted),
      grantRole(Self.viaService("secretsmanager")), Self.policy("P", role: "R", Self.readS))
    #expect(Self.canRead(viaSM, "R", "S"))
    #expect(viaSM.access.first?.decryptVia == ["key policy of K (via Secrets Manager)"])
    let like = try Self.review(
      Self.role("R"), Self.secret("S", Self.encrypted),
      grantRole(#"{"StringLike": {"kms:ViaService": "secretsmanager.*.amazonaws.com"}}"#),
      Self.policy("P", role: "R", Self.readS))
    #expect(Self.canRead(like, "R", "S"))
    let literalRegion = try Self.review(
      Self.role("R"), Self.secret("S", Self.encrypted),
      grantRole(
        #"{"StringEquals": {"kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com"}}"#),
      Self.policy("P", role: "R", Self.readS))
    #expect(Self.canRead(literalRegion, "R", "S"))
    let viaEC2 = try Self.review(
      Self.role("R"), Self.secret("S", Self.encrypted), grantRole(Self.viaService("ec2")),
      Self.policy("P", role: "R", Self.readS))
    #expect(!Self.canRead(viaEC2, "R", "S"))
    let unknown = try Self.review(
      Self.role("R"), Self.secret("S", Self.encrypted),
      grantRole(#"{"StringEquals": {"aws:SourceVpce": "vpce-1"}}"#),
      Self.policy("P", role: "R", Self.readS))
    let entry = try #require(unknown.access.first)
    guard case .conditional = entry.decrypt else {
      Issue.record("expected a conditional decrypt, got \(entry.decrypt)")
      return
    }
    #expect(entry.canRead)
  }

  @Test func awsManagedKeyAndManagedPolicies() throws {
    let administrator = Self.join(
      #""arn:""#, #"{"Ref": "AWS::Partition"}"#, #"":iam::aws:policy/AdministratorAccess""#)
    let admin = try Self.review(
      Self.role(
        "R",
        extra: #", "ManagedPolicyArns": [\#(administrator), "arn:aws:iam::1:policy/team"]"#),
      Self.secret("S"))
    let entry = try #require(admin.access.first)
    #expect(entry.canRead)
    #expect(entry.readVia == ["managed policy AdministratorAccess"])
    #expect(entry.decryptVia == ["AWS managed key aws/secretsmanager"])
    #expect(admin.findings.map(\.kind) == [.getSecretValueOnAll])
    #expect(admin.notes.count == 1 && admin.notes[0].contains("team"))
    let readWrite = try Self.review(
      Self.role(
        "R",
        extra: #", "ManagedPolicyArns": ["arn:aws:iam::aws:policy/SecretsManagerReadWrite"]"#),
      Self.secret("S", Self.encrypted), Self.rootKey)
    // secretsmanager:* but no kms:Decrypt: the value stays encrypted.
    #expect(readWrite.access.count == 1 && !Self.canRead(readWrite, "R", "S"))
  }

  @Test func redisFindings() throws {
    let user = { (id: String, access: String, extra: String) in
      Self.resource(
        id, "AWS::ElastiCache::User",
        #"{"Engine": "redis", "UserId": "\#(id.lowercased())", "UserName": "\#(id.lowercased())", "#
          + #""AccessString": "\#(access)"\#(extra)}"#)
    }
    let reference = "{{resolve:secretsmanager:admin-pw:SecretString:password::}}"
    let review = try Self.review(
      user("Admin", "on ~* +@all", #", "Passwords": ["\#(reference)"]"#),
      user("Open", "on ~app:* -@all +get", #", "NoPasswordRequired": true"#),
      user("Nopass", "on nopass ~app:* -@all +get", ""),
      user("Broken", "on ~* ~more >pw-in-string", ""),
      Self.secret("AdminSecret", #"{"Name": "admin-pw"}"#),
      Self.resource(
        "Group", "AWS::ElastiCache::UserGroup",
        #"{"Engine": "redis", "UserGroupId": "g", "UserIds": ["default", {"Ref": "Admin"}]}"#))
    let kinds = review.findings.map { "\($0.kind.rawValue) \($0.subject)" }
    #expect(
      kinds == [
        "redis-all-commands Admin", "redis-all-keys Admin", "redis-no-password Open",
        "redis-no-password Nopass", "redis-invalid-access-string Broken",
        "redis-invalid-access-string Broken", "redis-all-keys Broken",
        "redis-built-in-default-user Group",
      ])
    #expect(!review.findings.map(\.message).joined().contains("pw-in-string"))
    // The literal dynamic reference names the secret.
    #expect(review.inventory.redisUser(withSecret: "AdminSecret")?.userName == "admin")
    #expect(review.inventory.userGroups.first?.outsideUserIDs == ["default"])
  }
}

/// `stack access` end to end: an app that writes the committed templates, reviewed through
/// ``AccessTask``.
@Suite struct AccessTaskTests {
  static func project() throws -> TestProject {
    let templates = AccessReviewTests.repositoryRoot + "/templates"
    return try TestProject(app: "cp '\(templates)'/* \"$STACK_OUTDIR\"/")
  }

  @Test func reviewsTheChosenStacks() async throws {
    let project = try Self.project()
    let captured = CapturedConsole()
    try await AccessTask(stacks: ["Redis*"], format: .markdown).run(
      config: try project.config, console: captured.console)
    #expect(captured.output.hasPrefix("### Access review: RedisRbacStack\n"))
    #expect(!captured.output.contains("SharedNetwork"))
    #expect(captured.output.contains("| no secret |"))
    #expect(captured.errors.contains("Running the app"))
    #expect(project.snapshot().isEmpty)
  }

  @Test func everyStackByDefaultAndUnknownNamesFail() async throws {
    let project = try Self.project()
    let captured = CapturedConsole()
    try await AccessTask(format: .text).run(config: try project.config, console: captured.console)
    #expect(captured.output.contains("RedisRbacStack: 4 IAM roles, 3 secrets, 3 Redis users"))
    #expect(captured.output.contains("SharedNetwork: 0 IAM roles, 0 secrets, 0 Redis users"))
    await #expect(throws: SynthFailure.self) {
      try await AccessTask(stacks: ["Nope"]).run(
        config: try project.config, console: CapturedConsole().console)
    }
  }
}
