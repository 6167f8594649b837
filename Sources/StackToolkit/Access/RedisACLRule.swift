/// One rule of a Redis ACL access string (`on`, `~app:*`, `-@all`, `+get`, `(…)` …), as
/// `ACL SETUSER` reads it. Passwords are never kept: `>secret` becomes ``addPassword``.
///
/// ```swift
/// let rule = try RedisACLRule.parse("%R~cache:*")
/// // .keys(pattern: "cache:*", read: true, write: false)
/// ```
public enum RedisACLRule: Sendable, Hashable {
  case on
  case off
  /// `nopass`: any password (or none) logs in.
  case noPass
  case resetPass
  /// `>password`; the password itself is dropped.
  case addPassword
  /// `<password`.
  case removePassword
  /// `#sha256-hex`.
  case addPasswordHash
  /// `!sha256-hex`.
  case removePasswordHash
  /// `allkeys` or `~*`.
  case allKeys
  case resetKeys
  /// `~pattern`, `%R~pattern`, `%W~pattern`, `%RW~pattern`.
  case keys(pattern: String, read: Bool, write: Bool)
  /// `allchannels` or `&*`.
  case allChannels
  case resetChannels
  /// `&pattern`.
  case channel(String)
  /// `allcommands` or `+@all`.
  case allCommands
  /// `nocommands` or `-@all`.
  case noCommands
  /// `+command`, `+command|subcommand`, `+@category`.
  case allow(RedisCommandTarget)
  /// `-command`, `-command|subcommand`, `-@category`.
  case deny(RedisCommandTarget)
  /// `(rules…)`: a Redis 7 selector, an alternative set of permissions.
  case selector([RedisACLRule])
  case clearSelectors
  /// `reset`: back to a new user (off, no passwords, keys, channels or commands).
  case reset
  case sanitizePayload
  case skipSanitizePayload

  /// A rule that cannot be read, with Redis's reason.
  public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let rule: String
    public let reason: String
    public var description: String { "'\(rule)': \(reason)" }
  }

  /// The command categories of Redis 7 (`ACL CAT`).
  public static let categories: Set<String> = [
    "keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap",
    "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous",
    "connection", "transaction", "scripting", "all",
  ]

  /// Reads one rule. Keywords and command names are case-insensitive, patterns are not.
  public static func parse(_ token: String) throws(ParseError) -> RedisACLRule {
    func fail(_ reason: String) -> ParseError { ParseError(rule: redacted(token), reason: reason) }
    switch token.lowercased() {
    case "on": return .on
    case "off": return .off
    case "nopass": return .noPass
    case "resetpass": return .resetPass
    case "allkeys": return .allKeys
    case "resetkeys": return .resetKeys
    case "allchannels": return .allChannels
    case "resetchannels": return .resetChannels
    case "allcommands": return .allCommands
    case "nocommands": return .noCommands
    case "clearselectors": return .clearSelectors
    case "reset": return .reset
    case "sanitize-payload": return .sanitizePayload
    case "skip-sanitize-payload": return .skipSanitizePayload
    default: break
    }
    guard let first = token.first else { throw fail("empty rule") }
    let rest = String(token.dropFirst())
    switch first {
    case ">": return .addPassword
    case "<": return .removePassword
    case "#", "!":
      let hex = rest.allSatisfy { $0.isHexDigit }
      guard rest.count == 64, hex else {
        throw fail("the password hash must be 64 hexadecimal characters (SHA-256)")
      }
      return first == "#" ? .addPasswordHash : .removePasswordHash
    case "~":
      return rest == "*" ? .allKeys : .keys(pattern: rest, read: true, write: true)
    case "%":
      guard let tilde = rest.firstIndex(of: "~") else { throw fail("Syntax error") }
      var read = false
      var write = false
      for flag in rest[..<tilde] {
        switch flag {
        case "R", "r": read = true
        case "W", "w": write = true
        default: throw fail("Syntax error")
        }
      }
      guard read || write else { throw fail("Syntax error") }
      let pattern = String(rest[rest.index(after: tilde)...])
      if pattern == "*" && read && write { return .allKeys }
      return .keys(pattern: pattern, read: read, write: write)
    case "&":
      return rest == "*" ? .allChannels : .channel(rest)
    case "+", "-":
      let target = try commandTarget(rest, token: token)
      if target == .category("all") { return first == "+" ? .allCommands : .noCommands }
      if first == "-", case .command(let name) = target, name.split(separator: "|").count > 1,
        !RedisCommandTarget.containerCommands.contains(String(name.split(separator: "|")[0]))
      {
        throw fail("Unknown command or category name in ACL (a first argument can only be added)")
      }
      return first == "+" ? .allow(target) : .deny(target)
    case "(":
      guard token.hasSuffix(")"), token.count >= 2 else { throw fail("Syntax error") }
      let inner = String(token.dropFirst().dropLast())
      var rules: [RedisACLRule] = []
      for part in inner.split(separator: " ", omittingEmptySubsequences: true) {
        let rule = try parse(String(part))
        guard rule.isSelectorRule else { throw fail("Syntax error") }
        rules.append(rule)
      }
      return .selector(rules)
    default:
      throw fail("Syntax error")
    }
  }

  /// True for rules a selector may hold: commands, keys and channels.
  public var isSelectorRule: Bool {
    switch self {
    case .allKeys, .resetKeys, .keys, .allChannels, .resetChannels, .channel, .allCommands,
      .noCommands, .allow, .deny:
      return true
    default:
      return false
    }
  }

  /// True for the rules that set or remove passwords.
  public var isPasswordRule: Bool {
    switch self {
    case .noPass, .resetPass, .addPassword, .removePassword, .addPasswordHash,
      .removePasswordHash:
      return true
    default:
      return false
    }
  }

  private static func commandTarget(_ text: String, token: String) throws(ParseError)
    -> RedisCommandTarget
  {
    func fail(_ reason: String) -> ParseError { ParseError(rule: redacted(token), reason: reason) }
    if text.hasPrefix("@") {
      let name = text.dropFirst().lowercased()
      guard categories.contains(name) else {
        throw fail("Unknown command or category name in ACL (no category @\(name))")
      }
      return .category(name)
    }
    let name = text.lowercased()
    let parts = name.split(separator: "|", omittingEmptySubsequences: false)
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.:")
    guard !name.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }),
      parts[0].allSatisfy({ allowed.contains($0) })
    else {
      throw fail("Unknown command or category name in ACL")
    }
    return .command(name)
  }

  /// A token for messages: password rules never show the password, in a selector neither.
  static func redacted(_ token: String) -> String {
    if token.hasPrefix("(") {
      return token.split(separator: " ", omittingEmptySubsequences: false).map {
        $0.hasPrefix("(") ? "(" + redacted(String($0.dropFirst())) : redacted(String($0))
      }.joined(separator: " ")
    }
    guard let first = token.first, ">#<!".contains(first) else { return token }
    return "\(first)***" + (token.hasSuffix(")") && token.count > 1 ? ")" : "")
  }
}
