/// Accumulates generated source text with two-space indentation and wrapped doc comments.
///
/// ```swift
/// var w = Writer()
/// w.line("extension EC2 {")
/// w.indent()
/// w.doc(["A long comment wrapped at 100 columns."])
/// w.dedent()
/// w.line("}")
/// ```
struct Writer {
  private(set) var text = ""
  private var level = 0

  private var prefix: String { String(repeating: "  ", count: level) }

  mutating func indent() { level += 1 }
  mutating func dedent() { level -= 1 }

  /// Appends text as is.
  mutating func raw(_ s: String) { text += s }

  mutating func line(_ s: String) { text += prefix + s + "\n" }

  mutating func blank() { text += "\n" }

  /// True when `s` fits on one line at the current indentation.
  func fits(_ s: String) -> Bool { prefix.count + s.count <= SwiftRenderer.lineLimit }

  /// `///` lines, each paragraph wrapped at the line limit; an empty string is an empty `///`.
  mutating func doc(_ paragraphs: [String]) {
    let start = prefix + "/// "
    for paragraph in paragraphs {
      if paragraph.isEmpty {
        text += prefix + "///\n"
        continue
      }
      var current = ""
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        if current.isEmpty {
          current = String(word)
        } else if start.count + current.count + 1 + word.count <= SwiftRenderer.lineLimit {
          current += " " + word
        } else {
          text += start + current + "\n"
          current = String(word)
        }
      }
      if !current.isEmpty { text += start + current + "\n" }
    }
  }

  /// `head tail` on one line, or `tail` indented on the next line when that is too long.
  mutating func wrapped(_ head: String, _ tail: String) {
    if fits(head + " " + tail) {
      line(head + " " + tail)
    } else {
      line(head)
      indent()
      line(tail)
      dedent()
    }
  }

  /// `p.append((key, value))`, broken over lines as swift-format would when too long.
  mutating func append(_ key: String, _ value: String) {
    if fits("p.append((\(key), \(value)))") {
      line("p.append((\(key), \(value)))")
      return
    }
    line("p.append(")
    indent()
    if fits("(\(key), \(value)))") {
      line("(\(key), \(value)))")
    } else {
      line("(")
      indent()
      line(key + ",")
      line(value)
      dedent()
      line("))")
    }
    dedent()
  }

  /// One `///` line, not wrapped (for a link).
  mutating func docLine(_ s: String) { text += prefix + "/// " + s + "\n" }

  /// `prefix["a", "b"]` on one line, or one item per line when that is too long.
  mutating func stringArray(_ declaration: String, _ items: [String]) {
    let literals = items.map(SwiftRenderer.literal)
    let oneLine = declaration + "[" + literals.joined(separator: ", ") + "]"
    if fits(oneLine) {
      line(oneLine)
      return
    }
    line(declaration + "[")
    indent()
    for item in literals { line(item + ",") }
    dedent()
    line("]")
  }
}

extension Writer {
  /// Appends `suffix` to the last line written.
  mutating func appendToLastLine(_ suffix: String) {
    guard text.hasSuffix("\n") else { return }
    text.removeLast()
    text += suffix + "\n"
  }
}
