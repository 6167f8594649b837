import StackKit

extension IAMStatement {
  /// Every statement of every policy in a template: identity policies (`AWS::IAM::Policy`,
  /// `ManagedPolicy`, inline `Policies` of roles, users and groups), trust policies, and resource
  /// policies (S3 buckets, KMS keys, secrets, SQS queues, SNS topics, Lambda permissions).
  public static func statements(in template: JSON) -> [IAMStatement] {
    guard let resources = template["Resources"]?.objectValue else { return [] }
    var out: [IAMStatement] = []
    for (logicalID, resource) in resources {
      guard let type = resource["Type"]?.stringValue else { continue }
      let properties = resource["Properties"]?.objectValue ?? JSONObject()
      out += statements(logicalID: logicalID, type: type, properties: properties)
    }
    return out.sorted()
  }

  /// The statements one resource contributes.
  static func statements(logicalID: String, type: String, properties: JSONObject)
    -> [IAMStatement]
  {
    func identities() -> [String] {
      var names: [String] = []
      for key in ["Roles", "Users", "Groups"] {
        for item in properties[key]?.arrayValue ?? [] {
          names.append("AWS:" + IntrinsicText.render(item))
        }
      }
      return names
    }
    switch type {
    case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
      return parse(
        properties["PolicyDocument"], source: logicalID, kind: "identity policy",
        identities: identities())
    case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group":
      var out: [IAMStatement] = []
      let me = "AWS:${\(logicalID)}"
      if type == "AWS::IAM::Role" {
        out += parse(
          properties["AssumeRolePolicyDocument"], source: logicalID, kind: "trust policy",
          identities: nil, defaultResources: ["${\(logicalID).Arn}"])
      }
      for policy in properties["Policies"]?.arrayValue ?? [] {
        out += parse(
          policy["PolicyDocument"], source: logicalID, kind: "identity policy", identities: [me])
      }
      return out
    case "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy":
      let kind =
        type == "AWS::S3::BucketPolicy"
        ? "bucket policy" : type == "AWS::SQS::QueuePolicy" ? "queue policy" : "topic policy"
      return parse(properties["PolicyDocument"], source: logicalID, kind: kind, identities: nil)
    case "AWS::KMS::Key":
      return parse(
        properties["KeyPolicy"], source: logicalID, kind: "key policy", identities: nil,
        defaultResources: ["${\(logicalID).Arn}"])
    case "AWS::SecretsManager::ResourcePolicy":
      let secret = properties["SecretId"].map(IntrinsicText.render) ?? "?"
      return parse(
        properties["ResourcePolicy"], source: logicalID, kind: "secret policy", identities: nil,
        defaultResources: [secret])
    case "AWS::Lambda::Permission":
      var principal = properties["Principal"].map(IntrinsicText.render) ?? "?"
      if principal.hasSuffix(".amazonaws.com") {
        principal = "Service:" + principal
      } else if principal != "*" {
        principal = "AWS:" + principal
      }
      var condition = JSONObject()
      if let arn = properties["SourceArn"] {
        condition["ArnLike"] = .object(
          JSONObject([("AWS:SourceArn", .string(IntrinsicText.render(arn)))]))
      }
      if let account = properties["SourceAccount"] {
        condition["StringEquals"] = .object(
          JSONObject([("AWS:SourceAccount", .string(IntrinsicText.render(account)))]))
      }
      return [
        IAMStatement(
          effect: "Allow", actions: [properties["Action"].map(IntrinsicText.render) ?? "?"],
          resources: [properties["FunctionName"].map(IntrinsicText.render) ?? "?"],
          principals: [principal],
          condition: condition.isEmpty ? nil : JSONWriter(indent: nil).write(.object(condition)),
          source: logicalID, kind: "lambda permission")
      ]
    default:
      return []
    }
  }

  /// Parses a policy document. A document can be an object or (rarely) a JSON string.
  static func parse(
    _ document: JSON?, source: String, kind: String, identities: [String]?,
    defaultResources: [String] = []
  ) -> [IAMStatement] {
    guard var document else { return [] }
    if let text = document.stringValue, let parsed = try? JSONParser.parse(text) {
      document = parsed
    }
    var statements: [JSON] = []
    switch document["Statement"] {
    case .array(let items)?: statements = items
    case .object(let one)?: statements = [.object(one)]
    default: break
    }
    return statements.map { statement in
      func list(_ key: String) -> [String] {
        switch statement[key] {
        case .array(let items)?: return items.map(IntrinsicText.render)
        case let value?: return [IntrinsicText.render(value)]
        case nil: return []
        }
      }
      var resources = list("Resource")
      let notResources = list("NotResource")
      if resources.isEmpty && notResources.isEmpty { resources = defaultResources }
      let principals = identities ?? principalList(statement["Principal"])
      return IAMStatement(
        effect: statement["Effect"]?.stringValue ?? "Allow", actions: list("Action"),
        notActions: list("NotAction"), resources: resources, notResources: notResources,
        principals: principals, notPrincipals: principalList(statement["NotPrincipal"]),
        condition: statement["Condition"].map { JSONWriter(indent: nil).write($0) },
        source: source, kind: kind)
    }
  }

  /// `{"AWS": ["a", "b"], "Service": "s"}` → `["AWS:a", "AWS:b", "Service:s"]`; `"*"` → `["*"]`.
  static func principalList(_ principal: JSON?) -> [String] {
    switch principal {
    case nil: return []
    case .object(let object)?:
      var out: [String] = []
      for (kind, value) in object {
        let values = value.arrayValue ?? [value]
        out += values.map { "\(kind):\(IntrinsicText.render($0))" }
      }
      return out
    case let value?: return [IntrinsicText.render(value)]
    }
  }
}
