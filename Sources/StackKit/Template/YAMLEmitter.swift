/// A block-style YAML emitter that writes exactly what libyaml (through Yams) writes for
/// ``YAMLWriter``'s settings — indent 2, unlimited width, Unicode allowed, `\n` breaks, implicit
/// document — without building a Yams node tree. It follows libyaml's `emitter.c` step by step:
/// the same indentation and indicator rules, the same scalar analysis and style choice, the
/// same quoting and escapes, so templates stay byte-identical while synthesis gets much faster.
struct YAMLEmitter {
  private var out: [UInt8] = []
  private var column = 0
  private var indent = -1
  private var indents: [Int] = []
  private var whitespace = true
  private var indention = true
  private var flowLevel = 0
  private var mappingContext = false
  private var simpleKeyContext = false
  private static let bestIndent = 2

  init() { out.reserveCapacity(4096) }

  /// The whole document for one value.
  static func document(_ value: JSON) -> String {
    var e = YAMLEmitter()
    e.node(value, mapping: false, simpleKey: false)
    e.writeIndent()  // document end
    return String(decoding: e.out, as: UTF8.self)
  }

  // MARK: Nodes

  private mutating func node(_ value: JSON, mapping: Bool, simpleKey: Bool) {
    mappingContext = mapping
    simpleKeyContext = simpleKey
    switch value {
    case .string(let s): scalar(s, singleQuoted: YAMLWriter.needsQuotes(s))
    case .int(let i): scalar(String(i), singleQuoted: false)
    case .double(let d): scalar(JSONWriter.format(d), singleQuoted: false)
    case .bool(let b): scalar(b ? "true" : "false", singleQuoted: false)
    case .null: scalar("null", singleQuoted: false)
    case .array(let items):
      if items.isEmpty || flowLevel > 0 {
        emptyFlow("[", "]")
      } else {
        blockSequence(items)
      }
    case .object(let object):
      if object.isEmpty || flowLevel > 0 {
        emptyFlow("{", "}")
      } else {
        blockMapping(object)
      }
    }
  }

  private mutating func emptyFlow(_ open: String, _ close: String) {
    writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
    increaseIndent(flow: true, indentless: false)
    indent = indents.removeLast()
    writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
  }

  private mutating func blockSequence(_ items: [JSON]) {
    increaseIndent(flow: false, indentless: mappingContext && !indention)
    for item in items {
      writeIndent()
      writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
      node(item, mapping: false, simpleKey: false)
    }
    indent = indents.removeLast()
  }

  private mutating func blockMapping(_ object: JSONObject) {
    increaseIndent(flow: false, indentless: false)
    for (key, value) in object {
      writeIndent()
      let simple = key.utf8.count <= 128 && !Self.hasBreak(key)
      if simple {
        node(.string(key), mapping: true, simpleKey: true)
        writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
      } else {
        writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
        node(.string(key), mapping: true, simpleKey: false)
        writeIndent()
        writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
      }
      node(value, mapping: true, simpleKey: false)
    }
    indent = indents.removeLast()
  }

  // MARK: Scalars

  private enum Style { case plain, singleQuoted, doubleQuoted }

  private mutating func scalar(_ text: String, singleQuoted requested: Bool) {
    var text = text
    text.withUTF8 { bytes in
      let a = Analysis(bytes)
      var style: Style = requested ? .singleQuoted : .plain
      if simpleKeyContext && a.multiline { style = .doubleQuoted }
      if style == .plain {
        if (flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed) {
          style = .singleQuoted
        }
        if bytes.isEmpty && (flowLevel > 0 || simpleKeyContext) { style = .singleQuoted }
      }
      if style == .singleQuoted && !a.singleQuotedAllowed { style = .doubleQuoted }
      increaseIndent(flow: true, indentless: false)
      switch style {
      case .plain:
        if a.multiline {
          writePlain(bytes)
        } else {
          if !whitespace && (!bytes.isEmpty || flowLevel > 0) { put(0x20) }
          writeLine(bytes)
          whitespace = false
          indention = false
        }
      case .singleQuoted:
        if !a.multiline && !bytes.contains(0x27) {
          writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
          writeLine(bytes)
          writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
          whitespace = false
          indention = false
        } else {
          writeSingleQuoted(bytes)
        }
      case .doubleQuoted: writeDoubleQuoted(bytes)
      }
      indent = indents.removeLast()
    }
  }

  private mutating func writePlain(_ s: UnsafeBufferPointer<UInt8>) {
    if !whitespace && (!s.isEmpty || flowLevel > 0) { put(0x20) }
    _ = writeLines(s, doublingQuotes: false)
    whitespace = false
    indention = false
  }

  /// The body shared by plain and single-quoted scalars (libyaml's `yaml_emitter_write_plain` and
  /// `_single_quoted` without line folding): spaces as they are, line breaks doubled where YAML
  /// folds them, and in single-quoted scalars `'` doubled. Returns whether it ended on a break.
  private mutating func writeLines(_ s: UnsafeBufferPointer<UInt8>, doublingQuotes: Bool) -> Bool {
    var breaks = false
    var i = 0
    while i < s.count {
      let w = Self.width(s, i)
      if s[i] == 0x20 {
        write(s, i, w)
      } else if Self.isBreak(s, i) {
        if !breaks && s[i] == 0x0A { putBreak() }
        writeBreak(s, i, w)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        if doublingQuotes && s[i] == 0x27 { put(0x27) }
        write(s, i, w)
        indention = false
        breaks = false
      }
      i += max(w, 1)
    }
    return breaks
  }

  private mutating func writeSingleQuoted(_ s: UnsafeBufferPointer<UInt8>) {
    writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
    let breaks = writeLines(s, doublingQuotes: true)
    if breaks { writeIndent() }
    writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
    whitespace = false
    indention = false
  }

  private mutating func writeDoubleQuoted(_ s: UnsafeBufferPointer<UInt8>) {
    writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
    var i = 0
    while i < s.count {
      let w = Self.width(s, i)
      let c = s[i]
      if !Self.isPrintable(s, i) || Self.isBOM(s, i) || Self.isBreak(s, i) || c == 0x22
        || c == 0x5C
      {
        var value: UInt32 =
          c & 0x80 == 0
          ? UInt32(c & 0x7F)
          : c & 0xE0 == 0xC0
            ? UInt32(c & 0x1F)
            : c & 0xF0 == 0xE0 ? UInt32(c & 0x0F) : c & 0xF8 == 0xF0 ? UInt32(c & 0x07) : 0
        var k = 1
        while k < w {
          value = (value << 6) + UInt32(Self.byte(s, i + k) & 0x3F)
          k += 1
        }
        put(0x5C)
        switch value {
        case 0x00: put(UInt8(ascii: "0"))
        case 0x07: put(UInt8(ascii: "a"))
        case 0x08: put(UInt8(ascii: "b"))
        case 0x09: put(UInt8(ascii: "t"))
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0B: put(UInt8(ascii: "v"))
        case 0x0C: put(UInt8(ascii: "f"))
        case 0x0D: put(UInt8(ascii: "r"))
        case 0x1B: put(UInt8(ascii: "e"))
        case 0x22: put(0x22)
        case 0x5C: put(0x5C)
        case 0x85: put(UInt8(ascii: "N"))
        case 0xA0: put(UInt8(ascii: "_"))
        case 0x2028: put(UInt8(ascii: "L"))
        case 0x2029: put(UInt8(ascii: "P"))
        default:
          let digits: Int
          if value <= 0xFF {
            put(UInt8(ascii: "x"))
            digits = 2
          } else if value <= 0xFFFF {
            put(UInt8(ascii: "u"))
            digits = 4
          } else {
            put(UInt8(ascii: "U"))
            digits = 8
          }
          var shift = (digits - 1) * 4
          while shift >= 0 {
            let digit = UInt8((value >> UInt32(shift)) & 0x0F)
            put(digit < 10 ? 0x30 + digit : 0x41 + digit - 10)
            shift -= 4
          }
        }
        i += max(w, 1)
      } else {
        write(s, i, w)
        i += max(w, 1)
      }
    }
    writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
    whitespace = false
    indention = false
  }

  // MARK: Writing

  private mutating func increaseIndent(flow: Bool, indentless: Bool) {
    indents.append(indent)
    if indent < 0 {
      indent = flow ? Self.bestIndent : 0
    } else if !indentless {
      indent += Self.bestIndent
    }
  }

  private mutating func writeIndent() {
    let target = max(indent, 0)
    if !indention || column > target || (column == target && !whitespace) { putBreak() }
    while column < target { put(0x20) }
    whitespace = true
    indention = true
  }

  private mutating func writeIndicator(
    _ indicator: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool
  ) {
    if needWhitespace && !whitespace { put(0x20) }
    for b in indicator.utf8 {
      out.append(b)
      column += 1
    }
    whitespace = isWhitespace
    indention = indention && isIndention
  }

  private mutating func put(_ byte: UInt8) {
    out.append(byte)
    column += 1
  }

  private mutating func putBreak() {
    out.append(0x0A)
    column = 0
  }

  /// Copies text without line breaks, counting one column per character.
  private mutating func writeLine(_ s: UnsafeBufferPointer<UInt8>) {
    out.append(contentsOf: s)
    var characters = 0
    for b in s where b & 0xC0 != 0x80 { characters += 1 }
    column += characters
  }

  /// Copies one character (`w` bytes) and counts one column.
  private mutating func write(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ w: Int) {
    for k in i..<min(i + max(w, 1), s.count) { out.append(s[k]) }
    column += 1
  }

  private mutating func writeBreak(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ w: Int) {
    if s[i] == 0x0A {
      putBreak()
    } else {
      for k in i..<min(i + w, s.count) { out.append(s[k]) }
      column = 0
    }
  }

  // MARK: Character classes (libyaml's yaml_private.h), on UTF-8 bytes

  /// The byte at `i`, or 0 past the end (libyaml reads the terminating NUL there).
  @inline(__always)
  private static func byte(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
    i < s.count ? s[i] : 0
  }

  @inline(__always)
  private static func width(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let c = byte(s, i)
    return c & 0x80 == 0
      ? 1 : c & 0xE0 == 0xC0 ? 2 : c & 0xF0 == 0xE0 ? 3 : c & 0xF8 == 0xF0 ? 4 : 0
  }

  @inline(__always)
  fileprivate static func isPrintable(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let c = byte(s, i)
    if c == 0x0A || (c >= 0x20 && c <= 0x7E) { return true }
    if c == 0xC2 { return byte(s, i + 1) >= 0xA0 }
    if c > 0xC2 && c < 0xED { return true }
    if c == 0xED { return byte(s, i + 1) < 0xA0 }
    if c == 0xEE { return true }
    if c == 0xEF {
      let c1 = byte(s, i + 1)
      let c2 = byte(s, i + 2)
      return !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF))
    }
    return false
  }

  private static func isBOM(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    byte(s, i) == 0xEF && byte(s, i + 1) == 0xBB && byte(s, i + 2) == 0xBF
  }

  @inline(__always)
  fileprivate static func isBreak(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let c = byte(s, i)
    if c == 0x0D || c == 0x0A { return true }
    if c == 0xC2 { return byte(s, i + 1) == 0x85 }
    if c == 0xE2 {
      return byte(s, i + 1) == 0x80 && (byte(s, i + 2) == 0xA8 || byte(s, i + 2) == 0xA9)
    }
    return false
  }

  @inline(__always)
  fileprivate static func isBlankZ(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let c = byte(s, i)
    return c == 0x20 || c == 0x09 || c == 0 || isBreak(s, i)
  }

  private static func hasBreak(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { s in
      var i = 0
      while i < s.count {
        if isBreak(s, i) { return true }
        i += max(width(s, i), 1)
      }
      return false
    }
  }

  /// libyaml's `yaml_emitter_analyze_scalar`: which styles can hold the text.
  private struct Analysis {
    var multiline = false
    var flowPlainAllowed = true
    var blockPlainAllowed = true
    var singleQuotedAllowed = true

    init(_ s: UnsafeBufferPointer<UInt8>) {
      guard !s.isEmpty else {
        flowPlainAllowed = false
        return
      }
      var blockIndicators = false
      var flowIndicators = false
      var lineBreaks = false
      var specialCharacters = false
      var leadingSpace = false
      var leadingBreak = false
      var trailingSpace = false
      var trailingBreak = false
      var breakSpace = false
      var spaceBreak = false
      var previousSpace = false
      var previousBreak = false
      let b0 = YAMLEmitter.byte(s, 0)
      let b1 = YAMLEmitter.byte(s, 1)
      let b2 = YAMLEmitter.byte(s, 2)
      if (b0 == 0x2D && b1 == 0x2D && b2 == 0x2D) || (b0 == 0x2E && b1 == 0x2E && b2 == 0x2E) {
        blockIndicators = true
        flowIndicators = true
      }
      var precededByWhitespace = true
      var followedByWhitespace = YAMLEmitter.isBlankZ(s, YAMLEmitter.width(s, 0))
      var i = 0
      while i < s.count {
        let c = s[i]
        let w = YAMLEmitter.width(s, i)
        if i == 0 {
          switch c {
          case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
            UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            flowIndicators = true
            blockIndicators = true
          case UInt8(ascii: "?"), UInt8(ascii: ":"):
            flowIndicators = true
            if followedByWhitespace { blockIndicators = true }
          case UInt8(ascii: "-"):
            if followedByWhitespace {
              flowIndicators = true
              blockIndicators = true
            }
          default: break
          }
        } else {
          switch c {
          case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"):
            flowIndicators = true
          case UInt8(ascii: ":"):
            flowIndicators = true
            if followedByWhitespace { blockIndicators = true }
          case UInt8(ascii: "#"):
            if precededByWhitespace {
              flowIndicators = true
              blockIndicators = true
            }
          default: break
          }
        }
        let isBreak: Bool
        if c < 0x80 {
          if c != 0x0A && (c < 0x20 || c > 0x7E) { specialCharacters = true }
          isBreak = c == 0x0A || c == 0x0D
        } else {
          if !YAMLEmitter.isPrintable(s, i) { specialCharacters = true }
          isBreak = YAMLEmitter.isBreak(s, i)
        }
        if isBreak { lineBreaks = true }
        if c == 0x20 {
          if i == 0 { leadingSpace = true }
          if i + w == s.count { trailingSpace = true }
          if previousBreak { breakSpace = true }
          previousSpace = true
          previousBreak = false
        } else if isBreak {
          if i == 0 { leadingBreak = true }
          if i + w == s.count { trailingBreak = true }
          if previousSpace { spaceBreak = true }
          previousSpace = false
          previousBreak = true
        } else {
          previousSpace = false
          previousBreak = false
        }
        precededByWhitespace = c == 0x20 || c == 0x09 || c == 0 || isBreak
        i += w
        if w == 0 { break }
        if i != s.count {
          let next = i + YAMLEmitter.width(s, i)
          if next < s.count && s[next] < 0x80 {
            let n = s[next]
            followedByWhitespace = n == 0x20 || n == 0x09 || n == 0x0A || n == 0x0D || n == 0
          } else {
            followedByWhitespace = YAMLEmitter.isBlankZ(s, next)
          }
        }
      }
      multiline = lineBreaks
      if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
        flowPlainAllowed = false
        blockPlainAllowed = false
      }
      if breakSpace {
        flowPlainAllowed = false
        blockPlainAllowed = false
        singleQuotedAllowed = false
      }
      if spaceBreak || specialCharacters {
        flowPlainAllowed = false
        blockPlainAllowed = false
        singleQuotedAllowed = false
      }
      if lineBreaks {
        flowPlainAllowed = false
        blockPlainAllowed = false
      }
      if flowIndicators { flowPlainAllowed = false }
      if blockIndicators { blockPlainAllowed = false }
    }
  }
}
