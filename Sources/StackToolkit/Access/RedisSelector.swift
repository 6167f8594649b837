/// One set of Redis ACL permissions: the commands, keys and channels it allows. A user has a
/// root selector and, since Redis 7, any number of extra selectors `(…)`; a command runs when
/// one of them allows the command together with all its keys and channels.
///
/// ```swift
/// var selector = RedisSelector()
/// try selector.apply(.keys(pattern: "app:*", read: true, write: false))
/// selector.canAccess(key: "app:1", write: false)   // true
/// ```
public struct RedisSelector: Sendable, Hashable {
  /// A key pattern and what it allows.
  public struct KeyPattern: Sendable, Hashable {
    public var pattern: String
    public var read: Bool
    public var write: Bool

    /// `~x`, `%R~x`, `%W~x`.
    public var ruleText: String {
      (read && write ? "" : read ? "%R" : "%W") + "~" + pattern
    }
  }

  public var commands = RedisCommandRules()
  /// `allkeys` / `~*`: every key, read and write.
  public private(set) var allKeys = false
  public private(set) var keyPatterns: [KeyPattern] = []
  /// `allchannels` / `&*`.
  public private(set) var allChannels = false
  public private(set) var channelPatterns: [String] = []

  public init() {}

  /// Applies a command, key or channel rule, failing as Redis 7 does when a pattern follows
  /// `allkeys` or `allchannels`.
  public mutating func apply(_ rule: RedisACLRule) throws(RedisACLRule.ParseError) {
    switch rule {
    case .allKeys:
      allKeys = true
      keyPatterns = []
    case .resetKeys:
      allKeys = false
      keyPatterns = []
    case .keys(let pattern, let read, let write):
      guard !allKeys else {
        throw RedisACLRule.ParseError(
          rule: KeyPattern(pattern: pattern, read: read, write: write).ruleText,
          reason: "adding a pattern after the * pattern (or 'allkeys') has no effect; "
            + "use resetkeys first")
      }
      if let index = keyPatterns.firstIndex(where: { $0.pattern == pattern }) {
        keyPatterns[index].read = keyPatterns[index].read || read
        keyPatterns[index].write = keyPatterns[index].write || write
      } else {
        keyPatterns.append(KeyPattern(pattern: pattern, read: read, write: write))
      }
    case .allChannels:
      allChannels = true
      channelPatterns = []
    case .resetChannels:
      allChannels = false
      channelPatterns = []
    case .channel(let pattern):
      guard !allChannels else {
        throw RedisACLRule.ParseError(
          rule: "&" + pattern,
          reason: "adding a pattern after the * pattern (or 'allchannels') has no effect; "
            + "use resetchannels first")
      }
      if !channelPatterns.contains(pattern) { channelPatterns.append(pattern) }
    default:
      commands.apply(rule)
    }
  }

  /// True when a command may touch `key` (reading it, or writing it when `write`).
  public func canAccess(key: String, write: Bool) -> Bool {
    if allKeys { return true }
    return keyPatterns.contains {
      (write ? $0.write : $0.read) && RedisGlob.matches($0.pattern, key)
    }
  }

  /// True when a command may use the pub/sub channel `channel`.
  public func canUse(channel: String) -> Bool {
    allChannels || channelPatterns.contains { RedisGlob.matches($0, channel) }
  }

  /// True when this selector lets the command run on these keys and channels.
  public func allows(
    _ command: String, argument: String? = nil, categories: Set<String>,
    keys: [(name: String, write: Bool)] = [], channels: [String] = []
  ) -> Bool {
    commands.allows(command, argument: argument, categories: categories)
      && keys.allSatisfy { canAccess(key: $0.name, write: $0.write) }
      && channels.allSatisfy { canUse(channel: $0) }
  }

  /// The keys in words: `*`, `app:*, logs:* (read only)`, `none`.
  public var keySummary: String {
    if allKeys { return "*" }
    if keyPatterns.isEmpty { return "none" }
    return keyPatterns.map {
      $0.pattern + ($0.read && $0.write ? "" : $0.read ? " (read only)" : " (write only)")
    }.joined(separator: ", ")
  }

  /// The channels in words: `*`, `news.*`, `none`.
  public var channelSummary: String {
    if allChannels { return "*" }
    return channelPatterns.isEmpty ? "none" : channelPatterns.joined(separator: ", ")
  }

  /// `can run: SET · keys: * · (everything else denied)`.
  public var summary: String { summaryParts.joined(separator: " · ") }

  /// The parts of ``summary``: commands, keys, channels when any, and whether the rest is denied.
  public var summaryParts: [String] {
    var parts = ["can run: " + commands.summary, "keys: " + keySummary]
    if allChannels || !channelPatterns.isEmpty { parts.append("channels: " + channelSummary) }
    if !commands.allowsAllByDefault && !commands.allowsNothing {
      parts.append("(everything else denied)")
    }
    return parts
  }

  /// The permissions in ACL syntax, simplified (`~* -@all +set`).
  public var ruleText: String {
    var parts: [String] = []
    if allKeys { parts.append("~*") }
    parts += keyPatterns.map(\.ruleText)
    if allChannels { parts.append("&*") }
    parts += channelPatterns.map { "&" + $0 }
    parts.append(commands.ruleText)
    return parts.joined(separator: " ")
  }
}
