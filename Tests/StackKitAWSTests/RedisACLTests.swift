import Foundation
import StackKit
import TestSupport
import Testing

/// Proves, on a real redis-server 7, what the committed RedisRbacStack template lets each RBAC user
/// do: the access strings of its `AWS::ElastiCache::User` resources are loaded as ACL users, and
/// each user connects with its own password and tries SET and GET, as the seed's Lambda functions
/// do. Also checks from the template that only the producer and consumer roles can read their own
/// user's secret, and the outsider role none.
@Suite(.serialized) struct RedisACLTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  struct RBACUser {
    let logicalID: String
    let userName: String
    let accessString: String
    let secretLogicalID: String?
  }

  static func loadTemplate() throws -> JSON {
    let path = repositoryRoot + "/templates/RedisRbacStack.template.yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try YAMLParser.parse(text)
  }

  static func users(in template: JSON) -> [RBACUser] {
    guard let resources = template["Resources"]?.objectValue else { return [] }
    return resources.compactMap { entry -> RBACUser? in
      guard entry.value["Type"] == .string("AWS::ElastiCache::User"),
        let properties = entry.value["Properties"],
        let name = properties["UserName"]?.stringValue,
        let access = properties["AccessString"]?.stringValue
      else { return nil }
      let secret = JSONWriter(indent: nil).write(properties["Passwords"] ?? .null)
        .split(separator: "\"").first { resources[String($0)] != nil }.map(String.init)
      return RBACUser(
        logicalID: entry.key, userName: name, accessString: access, secretLogicalID: secret)
    }
  }

  @Test func producerCanOnlySetConsumerCanOnlyGetDefaultIsOff() throws {
    let template = try Self.loadTemplate()
    let users = Self.users(in: template)
    #expect(Set(users.map(\.userName)) == ["producer", "consumer", "default"])
    guard let server = try RedisServer.startUnlessSkipped() else { return }
    defer { server.stop() }
    // An administrator first, so the default user can be switched off like the template does.
    #expect(
      try server.admin(["ACL", "SETUSER", "admin", "on", ">admin-pass-123456", "~*", "&*", "+@all"])
        == "OK")
    for user in users {
      let rules = user.accessString.split(separator: " ").map(String.init)
      let reply = try server.admin(
        ["ACL", "SETUSER", user.userName, "reset"] + rules + [
          ">\(Self.password(for: user.userName))"
        ])
      #expect(reply == "OK", "access string of \(user.logicalID): \(user.accessString)")
    }
    let producer = try server.run(
      user: "producer", password: Self.password(for: "producer"), ["SET", "time", "12:00"])
    #expect(producer == "OK")
    let producerGet = try server.run(
      user: "producer", password: Self.password(for: "producer"), ["GET", "time"])
    #expect(producerGet.contains("NOPERM"))
    let consumerGet = try server.run(
      user: "consumer", password: Self.password(for: "consumer"), ["GET", "time"])
    #expect(consumerGet == "12:00")
    let consumerSet = try server.run(
      user: "consumer", password: Self.password(for: "consumer"), ["SET", "time", "13:00"])
    #expect(consumerSet.contains("NOPERM"))
    // ACL DRYRUN agrees, command by command.
    #expect(try server.admin(["ACL", "DRYRUN", "producer", "SET", "k", "v"]) == "OK")
    #expect(try server.admin(["ACL", "DRYRUN", "producer", "GET", "k"]).contains("no permissions"))
    #expect(try server.admin(["ACL", "DRYRUN", "consumer", "GET", "k"]) == "OK")
    #expect(try server.admin(["ACL", "DRYRUN", "consumer", "DEL", "k"]).contains("no permissions"))
    // The default user is off: a connection without credentials can do nothing.
    let anonymous = try server.run(user: nil, password: nil, ["GET", "time"])
    #expect(anonymous.contains("NOAUTH"))
    let asDefault = try server.run(
      user: "default", password: Self.password(for: "default"), ["GET", "time"])
    #expect(
      asDefault.contains("WRONGPASS") || asDefault.contains("NOAUTH")
        || asDefault.contains("disabled"))
  }

  @Test func onlyTheGrantedRolesCanReadEachSecret() throws {
    let template = try Self.loadTemplate()
    guard let resources = template["Resources"]?.objectValue else {
      Issue.record("no resources")
      return
    }
    // Which roles may read which secret, from both halves of the grant.
    var identityReaders: [String: Set<String>] = [:]
    var resourceReaders: [String: Set<String>] = [:]
    for (_, resource) in resources {
      let type = resource["Type"]?.stringValue
      if type == "AWS::IAM::Policy", let properties = resource["Properties"] {
        let roles = Self.refs(properties["Roles"] ?? .null)
        for statement in properties["PolicyDocument"]?["Statement"]?.arrayValue ?? [] {
          guard Self.actions(statement).contains("secretsmanager:GetSecretValue") else { continue }
          for secret in Self.refs(statement["Resource"] ?? .null) {
            identityReaders[secret, default: []].formUnion(roles)
          }
        }
      }
      if type == "AWS::SecretsManager::ResourcePolicy", let properties = resource["Properties"] {
        let secret = Self.refs(properties["SecretId"] ?? .null).first ?? "?"
        for statement in properties["ResourcePolicy"]?["Statement"]?.arrayValue ?? [] {
          guard Self.actions(statement).contains("secretsmanager:GetSecretValue") else { continue }
          resourceReaders[secret, default: []].formUnion(Self.refs(statement["Principal"] ?? .null))
        }
      }
    }
    let users = Self.users(in: template)
    func secret(of name: String) -> String? { users.first { $0.userName == name }?.secretLogicalID }
    let roleIDs = resources.keys.filter { resources[$0]?["Type"] == .string("AWS::IAM::Role") }
    func role(_ prefix: String) -> String? { roleIDs.first { $0.hasPrefix(prefix + "Role") } }
    let producerSecret = try #require(secret(of: "producer"))
    let consumerSecret = try #require(secret(of: "consumer"))
    let defaultSecret = try #require(secret(of: "default"))
    let producerRole = try #require(role("producer"))
    let consumerRole = try #require(role("consumer"))
    let outsiderRole = try #require(role("outsider"))
    #expect(identityReaders[producerSecret] == [producerRole])
    #expect(resourceReaders[producerSecret] == [producerRole])
    #expect(identityReaders[consumerSecret] == [consumerRole])
    #expect(resourceReaders[consumerSecret] == [consumerRole])
    #expect(identityReaders[defaultSecret] == nil && resourceReaders[defaultSecret] == nil)
    for readers in identityReaders.values { #expect(!readers.contains(outsiderRole)) }
    for readers in resourceReaders.values { #expect(!readers.contains(outsiderRole)) }
  }

  static func password(for user: String) -> String { "test-\(user)-Password-1234567890" }

  static func actions(_ statement: JSON) -> [String] {
    switch statement["Action"] {
    case .string(let s)?: [s]
    case .array(let items)?: items.compactMap(\.stringValue)
    default: []
    }
  }

  /// Logical IDs a value refers to through Ref or Fn::GetAtt.
  static func refs(_ value: JSON) -> Set<String> {
    switch value {
    case .object(let o):
      if let r = o["Ref"]?.stringValue { return [r] }
      if let a = o["Fn::GetAtt"]?.arrayValue, let id = a.first?.stringValue { return [id] }
      return o.reduce(into: Set<String>()) { $0.formUnion(refs($1.value)) }
    case .array(let items): return items.reduce(into: Set<String>()) { $0.formUnion(refs($1)) }
    default: return []
    }
  }
}
