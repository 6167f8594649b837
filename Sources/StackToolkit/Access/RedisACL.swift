/// A Redis ACL access string (an ElastiCache RBAC user's `AccessString`), read rule by rule as
/// `ACL SETUSER` applies them to a new user.
///
/// ```swift
/// let acl = RedisACL("on ~* -@all +SET")
/// acl.isEnabled                                     // true
/// acl.allows("set", categories: ["write"], keys: [("k", true)])   // true
/// acl.summary   // "on · can run: SET · keys: * · (everything else denied)"
/// ```
public struct RedisACL: Sendable, Hashable {
  /// The access string as written.
  public let text: String
  /// The rules read, in order (passwords dropped).
  public private(set) var rules: [RedisACLRule] = []
  /// Rules Redis would refuse, each with the reason. Redis refuses the whole string then.
  public private(set) var problems: [RedisACLRule.ParseError] = []
  /// `on`: the user can log in. A new user, and an access string without `on`, is off.
  public private(set) var isEnabled = false
  /// `nopass`: any password logs in.
  public private(set) var noPassword = false
  /// How many passwords the rules leave (`>…`, `#…`); ElastiCache sets them apart.
  public private(set) var passwordCount = 0
  public private(set) var root = RedisSelector()
  /// Redis 7 selectors `(…)`.
  public private(set) var selectors: [RedisSelector] = []

  /// Reads `text`; rules that cannot be read go to ``problems`` and are skipped.
  public init(_ text: String) {
    self.text = text
    for token in Self.tokens(text) {
      do {
        let rule = try RedisACLRule.parse(token)
        try apply(rule)
        rules.append(rule)
      } catch {
        problems.append(error)
      }
    }
  }

  /// Splits an access string at spaces, keeping a selector `( … )` together.
  static func tokens(_ text: String) -> [String] {
    var out: [String] = []
    var current = ""
    var depth = 0
    for character in text {
      if character == "(" { depth += 1 }
      if character == ")" { depth = max(0, depth - 1) }
      if (character == " " || character == "\t" || character == "\n") && depth == 0 {
        if !current.isEmpty { out.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  private mutating func apply(_ rule: RedisACLRule) throws(RedisACLRule.ParseError) {
    switch rule {
    case .on: isEnabled = true
    case .off: isEnabled = false
    case .noPass:
      noPassword = true
      passwordCount = 0
    case .resetPass:
      noPassword = false
      passwordCount = 0
    case .addPassword, .addPasswordHash:
      noPassword = false
      passwordCount += 1
    case .removePassword, .removePasswordHash:
      passwordCount = max(0, passwordCount - 1)
    case .selector(let inner):
      var selector = RedisSelector()
      for r in inner { try selector.apply(r) }
      selectors.append(selector)
    case .clearSelectors: selectors = []
    case .reset:
      isEnabled = false
      noPassword = false
      passwordCount = 0
      root = RedisSelector()
      selectors = []
    case .sanitizePayload, .skipSanitizePayload: break
    default: try root.apply(rule)
    }
  }

  /// True when the user may run the command (lower-case name, `config|get` for a subcommand)
  /// on these keys and channels: the root permissions or one selector allow all of it.
  /// `categories` are the command's ACL categories (`COMMAND INFO`).
  public func allows(
    _ command: String, argument: String? = nil, categories: Set<String>,
    keys: [(name: String, write: Bool)] = [], channels: [String] = []
  ) -> Bool {
    ([root] + selectors).contains {
      $0.allows(
        command, argument: argument, categories: categories, keys: keys, channels: channels)
    }
  }

  /// True when some selector allows every command (`+@all`, nothing removed).
  public var grantsAllCommands: Bool {
    ([root] + selectors).contains { $0.commands.allowsEverything }
  }

  /// True when some selector allows every key (`allkeys`, `~*`).
  public var grantsAllKeys: Bool { ([root] + selectors).contains { $0.allKeys } }

  /// What the user may do, in one line:
  /// `on · can run: SET · keys: * · (everything else denied)`.
  public var summary: String { summaryParts.joined(separator: " · ") }

  /// The parts of ``summary``, for a table cell with one per line.
  public var summaryParts: [String] {
    var parts = [isEnabled ? "on" : "off (cannot log in)"]
    if noPassword { parts[0] += ", no password" }
    parts += root.summaryParts
    for selector in selectors { parts.append("or (" + selector.summary + ")") }
    return parts
  }
}
