/// A line diff of two texts (Myers' algorithm), rendered in unified style.
///
/// ```swift
/// let diff = LineDiff(old: committed, new: synthesized)
/// print(diff.unified(oldName: "templates/Net.template.yaml", newName: "synthesized"))
/// ```
public struct LineDiff: Sendable {
  /// One line of the edit script.
  public enum Edit: Sendable, Hashable {
    case same(String)
    case removed(String)
    case added(String)
  }

  /// The edit script turning the old text into the new one.
  public let edits: [Edit]

  /// The number of removed plus added lines.
  public var changedLineCount: Int {
    edits.reduce(0) {
      if case .same = $1 { return $0 }
      return $0 + 1
    }
  }

  /// Diffs two texts line by line. Beyond `maxEditDistance` differing lines the middle part is
  /// shown as removed-then-added rather than searched for a minimal script.
  public init(old: String, new: String, maxEditDistance: Int = 500) {
    let a = Self.lines(old)
    let b = Self.lines(new)
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix,
      a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
    {
      suffix += 1
    }
    var edits = a[..<prefix].map(Edit.same)
    let midA = Array(a[prefix..<(a.count - suffix)])
    let midB = Array(b[prefix..<(b.count - suffix)])
    edits +=
      Self.myers(midA, midB, limit: maxEditDistance)
      ?? (midA.map(Edit.removed) + midB.map(Edit.added))
    edits += a[(a.count - suffix)...].map(Edit.same)
    self.edits = edits
  }

  /// Renders hunks with `context` lines around each change, showing at most `maxChangedLines`
  /// removed or added lines; the rest is summarized in a last line.
  public func unified(
    oldName: String, newName: String, context: Int = 3, maxChangedLines: Int = 40
  ) -> String {
    guard changedLineCount > 0 else { return "" }
    var out = ["--- \(oldName)", "+++ \(newName)"]
    // Positions (1-based line numbers) of each edit in the old and new texts.
    var oldLine = [Int](repeating: 0, count: edits.count)
    var newLine = [Int](repeating: 0, count: edits.count)
    var o = 1
    var n = 1
    for (i, e) in edits.enumerated() {
      oldLine[i] = o
      newLine[i] = n
      switch e {
      case .same:
        o += 1
        n += 1
      case .removed: o += 1
      case .added: n += 1
      }
    }
    let changed = edits.indices.filter {
      if case .same = edits[$0] { return false }
      return true
    }
    // Group changes into hunks whose context overlaps.
    var hunks: [(Int, Int)] = []
    for i in changed {
      let start = max(0, i - context)
      let end = min(edits.count - 1, i + context)
      if let last = hunks.last, start <= last.1 + 1 {
        hunks[hunks.count - 1].1 = end
      } else {
        hunks.append((start, end))
      }
    }
    var shown = 0
    hunkLoop: for (start, end) in hunks {
      let oldCount = edits[start...end].filter { if case .added = $0 { false } else { true } }.count
      let newCount = edits[start...end].filter { if case .removed = $0 { false } else { true } }
        .count
      out.append("@@ -\(oldLine[start]),\(oldCount) +\(newLine[start]),\(newCount) @@")
      for e in edits[start...end] {
        switch e {
        case .same(let s): out.append(" " + s)
        case .removed(let s), .added(let s):
          if shown == maxChangedLines { break hunkLoop }
          shown += 1
          out.append((e == .removed(s) ? "-" : "+") + s)
        }
      }
    }
    if shown < changedLineCount {
      out.append("… \(changedLineCount - shown) more changed lines not shown")
    }
    return out.joined(separator: "\n")
  }

  private static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The minimal edit script, or nil when it needs more than `limit` edits.
  private static func myers(_ a: [String], _ b: [String], limit: Int) -> [Edit]? {
    let n = a.count
    let m = b.count
    if n == 0 { return b.map(Edit.added) }
    if m == 0 { return a.map(Edit.removed) }
    let maxD = min(n + m, limit)
    let offset = maxD + 1
    var v = [Int](repeating: 0, count: 2 * maxD + 3)
    var trace: [[Int]] = []
    var found = false
    outer: for d in 0...maxD {
      trace.append(v)
      for k in stride(from: -d, through: d, by: 2) {
        var x: Int
        if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
          x = v[offset + k + 1]
        } else {
          x = v[offset + k - 1] + 1
        }
        var y = x - k
        while x < n, y < m, a[x] == b[y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n, y >= m {
          found = true
          break outer
        }
      }
    }
    guard found else { return nil }
    // Walk back through the saved frontiers.
    var edits: [Edit] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let v = trace[d]
      let k = x - y
      let previousK: Int
      if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
        previousK = k + 1
      } else {
        previousK = k - 1
      }
      let previousX = v[offset + previousK]
      let previousY = previousX - previousK
      while x > previousX, y > previousY {
        edits.append(.same(a[x - 1]))
        x -= 1
        y -= 1
      }
      if d > 0 {
        if x == previousX {
          edits.append(.added(b[y - 1]))
        } else {
          edits.append(.removed(a[x - 1]))
        }
      }
      x = previousX
      y = previousY
    }
    return edits.reversed()
  }
}
