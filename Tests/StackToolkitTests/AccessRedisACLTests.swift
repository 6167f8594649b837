import Foundation
import TestSupport
import Testing

@testable import StackToolkit

/// The Redis ACL reader of the access review: rules, simplification, summaries, and what an
/// access string allows, cross-checked with `ACL DRYRUN` on a real redis-server.
@Suite struct AccessRedisACLTests {
  // MARK: - Rules

  @Test func readsEveryKindOfRule() throws {
    #expect(try RedisACLRule.parse("ON") == .on)
    #expect(try RedisACLRule.parse("allkeys") == .allKeys)
    #expect(try RedisACLRule.parse("~*") == .allKeys)
    #expect(try RedisACLRule.parse("%RW~*") == .allKeys)
    #expect(try RedisACLRule.parse("%R~*") == .keys(pattern: "*", read: true, write: false))
    #expect(try RedisACLRule.parse("%W~out:*") == .keys(pattern: "out:*", read: false, write: true))
    #expect(try RedisACLRule.parse("%WR~x") == .keys(pattern: "x", read: true, write: true))
    #expect(try RedisACLRule.parse("&news.*") == .channel("news.*"))
    #expect(try RedisACLRule.parse("&*") == .allChannels)
    #expect(try RedisACLRule.parse("+GET") == .allow(.command("get")))
    #expect(try RedisACLRule.parse("+@READ") == .allow(.category("read")))
    #expect(try RedisACLRule.parse("-@all") == .noCommands)
    #expect(try RedisACLRule.parse("+@all") == .allCommands)
    #expect(try RedisACLRule.parse("-config|get") == .deny(.command("config|get")))
    #expect(try RedisACLRule.parse("+select|0") == .allow(.command("select|0")))
    #expect(
      try RedisACLRule.parse("(~x* +get)")
        == .selector([.keys(pattern: "x*", read: true, write: true), .allow(.command("get"))]))
    #expect(try RedisACLRule.parse(">s3cret-Passw0rd") == .addPassword)
  }

  @Test func refusesWhatRedisRefuses() {
    for bad in ["+@bogus", "%X~a", "%~a", "-select|0", "+acl|whoami|x", "(on)", "bogus", "#abc"] {
      #expect(throws: RedisACLRule.ParseError.self, "\(bad)") { try RedisACLRule.parse(bad) }
    }
    let afterAll = RedisACL("on ~* ~foo &* &bar +get")
    #expect(afterAll.problems.count == 2)
    #expect(afterAll.problems.allSatisfy { $0.reason.contains("has no effect") })
  }

  @Test func neverShowsAPassword() {
    let acl = RedisACL("on (>hunter2-password +get) <old-password")
    #expect(acl.problems.count == 1)
    let text = acl.problems.map(\.description).joined()
    #expect(!text.contains("hunter2"))
    #expect(text.contains(">***"))
    #expect(!acl.rules.description.contains("old-password"))
  }

  // MARK: - Commands

  @Test func categoriesAndCommandsSimplify() {
    #expect(RedisACL("on ~* -@all +SET").root.commands.summary == "SET")
    #expect(RedisACL("-@all +get").root.commands.ruleText == "-@all +get")
    #expect(RedisACL("+@read -keys").root.commands.summary == "@read except KEYS")
    #expect(
      RedisACL("+@read -keys +@write").root.commands.summary == "@read except KEYS, plus @write")
    #expect(
      RedisACL("+@all -@dangerous").root.commands.summary == "all commands except @dangerous")
    #expect(
      RedisACL("+@all -@dangerous +flushall").root.commands.summary
        == "all commands except @dangerous, plus FLUSHALL")
    // A later rule on the same target replaces the earlier one; a rule that changes nothing goes.
    #expect(RedisACL("+get +get -get +get").root.commands.ruleText == "-@all +get")
    #expect(RedisACL("-@all -get").root.commands.allowsNothing)
    #expect(RedisACL("+@read -@read").root.commands.allowsNothing)
    #expect(RedisACL("+SET +@all").root.commands.allowsEverything)
    #expect(RedisACL("+config -config|get").root.commands.summary == "CONFIG except CONFIG|GET")
  }

  @Test func allcommandsNocommandsAndReset() {
    let all = RedisACL("on allcommands allkeys")
    #expect(all.grantsAllCommands && all.grantsAllKeys)
    #expect(all.summary == "on · can run: all commands · keys: *")
    let none = RedisACL("on ~* allcommands nocommands")
    #expect(none.root.commands.allowsNothing)
    #expect(none.summary == "on · can run: nothing · keys: *")
    let reset = RedisACL("on nopass ~* &* +@all (+get ~x) reset")
    #expect(!reset.isEnabled && !reset.noPassword && reset.selectors.isEmpty)
    #expect(reset.root == RedisSelector())
    #expect(reset.summary == "off (cannot log in) · can run: nothing · keys: none")
  }

  @Test func evaluatesCommandsInOrder() {
    let acl = RedisACL("on ~* -@all +@read -get +get|x +@write -set")
    #expect(acl.allows("mget", categories: ["read", "string", "fast"], keys: [("a", false)]))
    #expect(!acl.allows("get", categories: ["read", "string", "fast"], keys: [("a", false)]))
    #expect(acl.allows("hset", categories: ["write", "hash", "fast"], keys: [("h", true)]))
    #expect(!acl.allows("set", categories: ["write", "string", "slow"], keys: [("a", true)]))
    // FLUSHALL is in @write, so +@write lets it in; CONFIG SET is in neither.
    #expect(acl.allows("flushall", categories: ["keyspace", "write", "slow", "dangerous"]))
    #expect(!acl.allows("config|set", categories: ["admin", "slow", "dangerous"]))
    let sub = RedisACL("on -@all +config|get")
    #expect(sub.allows("config|get", categories: ["admin", "slow", "dangerous"]))
    #expect(!sub.allows("config|set", categories: ["admin", "slow", "dangerous"]))
  }

  // MARK: - Keys and channels

  @Test func keysAndChannels() {
    let acl = RedisACL("on %R~cache:* %W~out:* ~app::* &news.* +@all")
    #expect(acl.root.canAccess(key: "cache:1", write: false))
    #expect(!acl.root.canAccess(key: "cache:1", write: true))
    #expect(acl.root.canAccess(key: "out:1", write: true))
    #expect(!acl.root.canAccess(key: "out:1", write: false))
    #expect(acl.root.canAccess(key: "app::x", write: true))
    #expect(!acl.root.canAccess(key: "other", write: false))
    #expect(acl.root.canUse(channel: "news.sport"))
    #expect(!acl.root.canUse(channel: "weather"))
    #expect(
      acl.root.keySummary == "cache:* (read only), out:* (write only), app::*")
    #expect(acl.summary.contains("channels: news.*"))
    let reset = RedisACL("on ~a* ~* resetkeys ~b* &x allchannels resetchannels &y")
    #expect(!reset.root.allKeys)
    #expect(reset.root.keyPatterns.map(\.pattern) == ["b*"])
    #expect(reset.root.channelPatterns == ["y"])
    #expect(reset.problems.isEmpty)
  }

  @Test func redisGlob() {
    #expect(RedisGlob.matches("*", "anything"))
    #expect(RedisGlob.matches("user:*", "user:42"))
    #expect(RedisGlob.matches("h?llo", "hallo"))
    #expect(RedisGlob.matches("h[ae]llo", "hello"))
    #expect(!RedisGlob.matches("h[^e]llo", "hello"))
    #expect(RedisGlob.matches("h[a-b]llo", "hbllo"))
    #expect(RedisGlob.matches("a\\*b", "a*b"))
    #expect(!RedisGlob.matches("a\\*b", "axb"))
    #expect(!RedisGlob.matches("keys*", "other"))
  }

  @Test func selectorsAreAlternatives() {
    let acl = RedisACL("on ~x* -@all +get (+set ~y*)")
    #expect(acl.selectors.count == 1)
    #expect(acl.allows("get", categories: ["read"], keys: [("x1", false)]))
    #expect(acl.allows("set", categories: ["write"], keys: [("y1", true)]))
    // SET on x1: the root has the key but not the command; the selector the command, not the key.
    #expect(!acl.allows("set", categories: ["write"], keys: [("x1", true)]))
    #expect(acl.summary.hasSuffix("or (can run: SET · keys: y* · (everything else denied))"))
  }

  @Test func theSeedAccessStrings() {
    let producer = RedisACL("on ~* -@all +SET")
    #expect(producer.summary == "on · can run: SET · keys: * · (everything else denied)")
    let consumer = RedisACL("on ~* -@all +GET")
    #expect(consumer.root.commands.summary == "GET" && consumer.isEnabled)
    let defaultUser = RedisACL("off +get ~keys*")
    #expect(!defaultUser.isEnabled)
    #expect(defaultUser.root.keySummary == "keys*")
  }

  // MARK: - Against a real redis-server

  /// Each access string and each probe: the reader's answer equals ACL DRYRUN's.
  @Test(.timeLimit(.minutes(1))) func agreesWithRedisDryRun() throws {
    guard let server = try RedisServer.startUnlessSkipped() else { return }
    defer { server.stop() }
    let accessStrings = [
      "on ~* -@all +SET", "on ~* -@all +GET", "off +get ~keys*", "on ~app::* -@all +@read",
      "on ~* +@all -@dangerous", "on %R~cache:* %W~out:* +@all", "on ~* &news.* -@all +publish",
      "on allkeys allchannels allcommands -flushall", "on ~a* resetkeys ~k* +@read -get +@write",
      "on ~* -@all +config|get", "on ~* +@all -config|set", "on ~x* -@all +get (+set ~y*)",
      "on ~* +@read -@string +get", "on ~* nocommands +@keyspace -del",
      "on ~* +@all -@write +set reset on ~k* +@string", "on %R~k* %W~k* -@all +incr +get",
      "on ~k* -@all +@hash -hget +@fast",
    ]
    struct Probe {
      var arguments: [String]
      var name: String
      var keys: [(name: String, write: Bool)] = []
      var channels: [String] = []
    }
    let probes = [
      Probe(arguments: ["GET", "k1"], name: "get", keys: [("k1", false)]),
      Probe(arguments: ["GET", "app::x"], name: "get", keys: [("app::x", false)]),
      Probe(arguments: ["GET", "cache:1"], name: "get", keys: [("cache:1", false)]),
      Probe(arguments: ["GET", "out:1"], name: "get", keys: [("out:1", false)]),
      Probe(arguments: ["GET", "keys1"], name: "get", keys: [("keys1", false)]),
      Probe(arguments: ["SET", "k1", "v"], name: "set", keys: [("k1", true)]),
      Probe(arguments: ["SET", "cache:1", "v"], name: "set", keys: [("cache:1", true)]),
      Probe(arguments: ["SET", "out:1", "v"], name: "set", keys: [("out:1", true)]),
      Probe(arguments: ["SET", "x1", "v"], name: "set", keys: [("x1", true)]),
      Probe(arguments: ["SET", "y1", "v"], name: "set", keys: [("y1", true)]),
      Probe(arguments: ["GET", "x1"], name: "get", keys: [("x1", false)]),
      Probe(arguments: ["INCR", "k1"], name: "incr", keys: [("k1", false), ("k1", true)]),
      Probe(arguments: ["DEL", "k1"], name: "del", keys: [("k1", true)]),
      Probe(arguments: ["HSET", "k1", "f", "v"], name: "hset", keys: [("k1", true)]),
      Probe(arguments: ["HGET", "k1", "f"], name: "hget", keys: [("k1", false)]),
      Probe(arguments: ["HLEN", "k1"], name: "hlen", keys: [("k1", false)]),
      Probe(arguments: ["EXISTS", "k1"], name: "exists", keys: [("k1", false)]),
      Probe(arguments: ["KEYS", "*"], name: "keys"),
      Probe(arguments: ["FLUSHALL"], name: "flushall"),
      Probe(arguments: ["PING"], name: "ping"),
      Probe(arguments: ["PUBLISH", "news.a", "m"], name: "publish", channels: ["news.a"]),
      Probe(arguments: ["PUBLISH", "weather", "m"], name: "publish", channels: ["weather"]),
      Probe(arguments: ["CONFIG", "GET", "maxmemory"], name: "config|get"),
      Probe(arguments: ["CONFIG", "SET", "maxmemory", "1"], name: "config|set"),
    ]
    var categories: [String: Set<String>] = [:]
    for name in Set(probes.map(\.name)) {
      let info = try server.run(["COMMAND", "INFO", name])
      categories[name] = Set(
        info.split(separator: "\n").filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) })
      #expect(!(categories[name] ?? []).isEmpty, "categories of \(name)")
    }
    var checked = 0
    for (index, text) in accessStrings.enumerated() {
      let acl = RedisACL(text)
      #expect(acl.problems.isEmpty, "\(text)")
      let user = "u\(index)"
      let rules = RedisACL.tokens(text)
      #expect(try server.run(["ACL", "SETUSER", user, "reset"] + rules) == "OK", "\(text)")
      let replies = try server.runBatch(probes.map { ["ACL", "DRYRUN", user] + $0.arguments })
      try #require(replies.count == probes.count, "\(replies)")
      for (probe, reply) in zip(probes, replies) {
        let redis = reply == "OK"
        let ours = acl.allows(
          probe.name, categories: categories[probe.name] ?? [], keys: probe.keys,
          channels: probe.channels)
        #expect(
          ours == redis,
          "\(text) — \(probe.arguments.joined(separator: " ")): redis says \(reply)")
        checked += 1
      }
    }
    #expect(checked == accessStrings.count * probes.count)
  }

  /// Redis refuses the same access strings the reader reports problems for.
  @Test(.timeLimit(.minutes(1))) func refusesLikeRedis() throws {
    guard let server = try RedisServer.startUnlessSkipped() else { return }
    defer { server.stop() }
    let strings = [
      "on ~* ~foo", "on &* &news", "on +@bogus", "on %X~a", "on -select|0", "on (on)",
      "on ~a %R~b +@read", "on allkeys resetkeys ~a", "on ~* +@all -@dangerous",
      "on +acl|whoami|x", "on #0123", "on (~x +get) clearselectors",
    ]
    for (index, text) in strings.enumerated() {
      let reply = try server.run(["ACL", "SETUSER", "r\(index)", "reset"] + RedisACL.tokens(text))
      let acl = RedisACL(text)
      #expect(acl.problems.isEmpty == (reply == "OK"), "\(text): redis says \(reply)")
    }
  }
}
