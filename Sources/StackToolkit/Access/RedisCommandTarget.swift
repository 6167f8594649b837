/// What a `+`/`-` ACL rule names: a command (`get`, `config|get`, `select|0`) or a category
/// (`read`, `dangerous`). Names are lower-cased.
///
/// ```swift
/// RedisCommandTarget.command("set").displayName        // "SET"
/// RedisCommandTarget.category("read").displayName     // "@read"
/// ```
public enum RedisCommandTarget: Sendable, Hashable {
  case command(String)
  case category(String)

  /// Commands with subcommands in Redis 7: `+config|get` names a subcommand; for any other
  /// command `+select|0` allows one first argument.
  public static let containerCommands: Set<String> = [
    "acl", "client", "cluster", "command", "config", "function", "latency", "memory", "module",
    "object", "pubsub", "script", "slowlog", "xgroup", "xinfo",
  ]

  /// `SET`, `CONFIG|GET`, `@read`.
  public var displayName: String {
    switch self {
    case .command(let name): name.uppercased()
    case .category(let name): "@" + name
    }
  }

  /// The name as written in a rule: `set`, `@read`.
  public var ruleName: String {
    switch self {
    case .command(let name): name
    case .category(let name): "@" + name
    }
  }

  /// The command before any `|`.
  var baseCommand: String? {
    guard case .command(let name) = self else { return nil }
    return String(name.split(separator: "|", maxSplits: 1)[0])
  }

  /// True when a rule on this target decides for the command `name` (`get`, `config|get`),
  /// called with the first argument `argument`, whose categories are `categories`.
  func covers(_ name: String, argument: String?, categories: Set<String>) -> Bool {
    switch self {
    case .category(let category): return categories.contains(category)
    case .command(let target):
      if target == name { return true }
      // `+config` covers `config|get`; `+config|get` does not cover `config|set`.
      if !target.contains("|") { return name.hasPrefix(target + "|") }
      // `+select|0` covers `SELECT 0`.
      if let argument { return target == name + "|" + argument.lowercased() }
      return false
    }
  }

  /// False only when rules on the two targets can never touch the same command (two different
  /// commands); categories may overlap anything.
  func mayOverlap(_ other: RedisCommandTarget) -> Bool {
    guard let a = baseCommand, let b = other.baseCommand else { return true }
    return a == b
  }
}
