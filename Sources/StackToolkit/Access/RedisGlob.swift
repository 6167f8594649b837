/// Redis's glob-style pattern matching (`stringmatchlen` in Redis's util.c), used for ACL key
/// and channel patterns: `*` any run, `?` one byte, `[abc]`, `[^a]`, `[a-z]`, and `\` to escape.
///
/// ```swift
/// RedisGlob.matches("user:*", "user:42")    // true
/// RedisGlob.matches("h[^e]llo", "hello")    // false
/// ```
public enum RedisGlob {
  /// True when `string` matches `pattern`, byte by byte and case-sensitively, as Redis does.
  public static func matches(_ pattern: String, _ string: String) -> Bool {
    match(Array(pattern.utf8), 0, Array(string.utf8), 0)
  }

  private static func match(_ p: [UInt8], _ pi: Int, _ s: [UInt8], _ si: Int) -> Bool {
    var pi = pi
    var si = si
    while pi < p.count && si < s.count {
      switch p[pi] {
      case UInt8(ascii: "*"):
        while pi + 1 < p.count && p[pi + 1] == UInt8(ascii: "*") { pi += 1 }
        if pi + 1 == p.count { return true }
        for start in si..<s.count where match(p, pi + 1, s, start) { return true }
        return false
      case UInt8(ascii: "?"):
        si += 1
      case UInt8(ascii: "["):
        pi += 1
        let negate = pi < p.count && p[pi] == UInt8(ascii: "^")
        if negate { pi += 1 }
        var matched = false
        while true {
          if pi < p.count && p[pi] == UInt8(ascii: "\\") && p.count - pi >= 2 {
            pi += 1
            if p[pi] == s[si] { matched = true }
          } else if pi < p.count && p[pi] == UInt8(ascii: "]") {
            break
          } else if pi >= p.count {
            pi -= 1
            break
          } else if p.count - pi >= 3 && p[pi + 1] == UInt8(ascii: "-") {
            let (low, high) = (min(p[pi], p[pi + 2]), max(p[pi], p[pi + 2]))
            if s[si] >= low && s[si] <= high { matched = true }
            pi += 2
          } else if p[pi] == s[si] {
            matched = true
          }
          pi += 1
        }
        if negate { matched.toggle() }
        if !matched { return false }
        si += 1
      default:
        if p[pi] == UInt8(ascii: "\\") && p.count - pi >= 2 { pi += 1 }
        if p[pi] != s[si] { return false }
        si += 1
      }
      pi += 1
      if si == s.count {
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        break
      }
    }
    return pi == p.count && si == s.count
  }
}
