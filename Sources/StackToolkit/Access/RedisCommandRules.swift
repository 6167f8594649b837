/// The command permissions of a Redis ACL user or selector: what every command starts as
/// (after the last `+@all` or `-@all`), then the `+`/`-` rules that still matter, in order.
///
/// Rules are simplified as they are applied: a rule replaces an earlier one on the same target,
/// and a rule that cannot change anything (`-get` when nothing allowed GET) is dropped.
///
/// ```swift
/// var rules = RedisCommandRules()
/// rules.apply(.allow(.category("read")))
/// rules.apply(.deny(.command("keys")))
/// rules.summary   // "@read except KEYS"
/// ```
public struct RedisCommandRules: Sendable, Hashable {
  /// One remaining rule.
  public struct Entry: Sendable, Hashable {
    public var allow: Bool
    public var target: RedisCommandTarget
  }

  /// True after `+@all`/`allcommands`: every command is allowed unless a later rule removes it.
  public private(set) var allowsAllByDefault = false
  public private(set) var entries: [Entry] = []

  public init() {}

  /// Applies `+@all`, `-@all`, `+x` or `-x`; other rules are ignored.
  public mutating func apply(_ rule: RedisACLRule) {
    switch rule {
    case .allCommands: reset(allowing: true)
    case .noCommands: reset(allowing: false)
    case .allow(let target): add(Entry(allow: true, target: target))
    case .deny(let target): add(Entry(allow: false, target: target))
    default: break
    }
  }

  private mutating func reset(allowing: Bool) {
    allowsAllByDefault = allowing
    entries = []
  }

  private mutating func add(_ entry: Entry) {
    entries.removeAll { $0.target == entry.target }
    let changesSomething = entries.contains {
      $0.allow != entry.allow && $0.target.mayOverlap(entry.target)
    }
    if entry.allow == allowsAllByDefault && !changesSomething { return }
    entries.append(entry)
  }

  /// True when the command `name` (lower case; `config|get` for a subcommand) with first argument
  /// `argument` may run, given the categories Redis puts it in.
  public func allows(_ name: String, argument: String? = nil, categories: Set<String>) -> Bool {
    var allowed = allowsAllByDefault
    for entry in entries
    where entry.target.covers(name.lowercased(), argument: argument, categories: categories) {
      allowed = entry.allow
    }
    return allowed
  }

  /// True when nothing can run.
  public var allowsNothing: Bool { !allowsAllByDefault && entries.isEmpty }

  /// True when every command can run (`+@all` and nothing removed).
  public var allowsEverything: Bool { allowsAllByDefault && entries.isEmpty }

  /// The commands in words: `SET`, `@read except KEYS`, `all commands except @dangerous`,
  /// `nothing`.
  public var summary: String {
    if allowsNothing { return "nothing" }
    var text = allowsAllByDefault ? "all commands" : ""
    var index = 0
    var first = true
    while index < entries.count {
      let allow = entries[index].allow
      var run: [String] = []
      while index < entries.count && entries[index].allow == allow {
        run.append(entries[index].target.displayName)
        index += 1
      }
      let list = run.joined(separator: ", ")
      if !allow {
        text += " except " + list
      } else if first && !allowsAllByDefault {
        text = list
      } else {
        text += ", plus " + list
      }
      first = false
    }
    return text
  }

  /// The rules in ACL syntax, simplified: `-@all +set`, `+@all -@dangerous`.
  public var ruleText: String {
    ([allowsAllByDefault ? "+@all" : "-@all"]
      + entries.map { ($0.allow ? "+" : "-") + $0.target.ruleName })
      .joined(separator: " ")
  }
}
