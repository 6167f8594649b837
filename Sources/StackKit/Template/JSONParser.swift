/// Parses JSON text into ``JSON``, keeping object keys in document order.
///
/// Errors name the line and column, so a malformed `stack.json` or template can be fixed at once.
public struct JSONParser {
  /// A parse failure with its position in the text.
  public struct Error: Swift.Error, CustomStringConvertible, Sendable {
    public let line: Int
    public let column: Int
    public let message: String
    public var description: String { "line \(line), column \(column): \(message)" }
  }

  private let bytes: [UInt8]
  private var index = 0

  private init(_ text: String) { bytes = Array(text.utf8) }

  /// Parses a whole document; trailing content other than white space is an error.
  public static func parse(_ text: String) throws(Error) -> JSON {
    var parser = JSONParser(text)
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    if parser.index < parser.bytes.count {
      throw parser.error("unexpected content after the value")
    }
    return value
  }

  private func error(_ message: String) -> Error {
    var line = 1
    var column = 1
    for b in bytes[0..<min(index, bytes.count)] {
      if b == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return Error(line: line, column: column, message: message)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private mutating func parseValue(depth: Int) throws(Error) -> JSON {
    guard depth < 512 else { throw error("nesting is deeper than 512 levels") }
    guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
    }
  }

  private mutating func literal(_ word: String, _ value: JSON) throws(Error) -> JSON {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
      throw error("invalid literal, expected '\(word)'")
    }
    index += w.count
    return value
  }

  private mutating func parseObject(depth: Int) throws(Error) -> JSON {
    index += 1
    var object = JSONObject()
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a quoted key")
      }
      let key = try parseString()
      if object[key] != nil { throw error("duplicate key \"\(key)\"") }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after the key \"\(key)\"")
      }
      index += 1
      skipWhitespace()
      object[key] = try parseValue(depth: depth + 1)
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(object)
      }
      throw error("expected ',' or '}' in an object")
    }
  }

  private mutating func parseArray(depth: Int) throws(Error) -> JSON {
    index += 1
    var items: [JSON] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside a list") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      throw error("expected ',' or ']' in a list")
    }
  }

  private mutating func parseString() throws(Error) -> String {
    index += 1
    var start = index
    var raw: [UInt8] = []
    func flush(_ p: inout JSONParser, _ raw: inout [UInt8], _ start: Int) {
      raw.append(contentsOf: p.bytes[start..<p.index])
    }
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        flush(&self, &raw, start)
        index += 1
        return String(decoding: raw, as: UTF8.self)
      }
      if b < 0x20 { throw error("control character inside a string") }
      if b == UInt8(ascii: "\\") {
        flush(&self, &raw, start)
        index += 1
        guard index < bytes.count else { break }
        let e = bytes[index]
        var decoded: [UInt8] = []
        switch e {
        case UInt8(ascii: "\""): decoded = [0x22]
        case UInt8(ascii: "\\"): decoded = [0x5C]
        case UInt8(ascii: "/"): decoded = [0x2F]
        case UInt8(ascii: "b"): decoded = [0x08]
        case UInt8(ascii: "f"): decoded = [0x0C]
        case UInt8(ascii: "n"): decoded = [0x0A]
        case UInt8(ascii: "r"): decoded = [0x0D]
        case UInt8(ascii: "t"): decoded = [0x09]
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            guard index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\"),
              bytes[index + 2] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate in a \\u escape") }
            index += 2
            let low = try hex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
          decoded = Array(String(Character(scalar)).utf8)
        default: throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))'")
        }
        raw.append(contentsOf: decoded)
        index += 1
        start = index
        continue
      }
      index += 1
    }
    throw error("unterminated string")
  }

  private mutating func hex4() throws(Error) -> UInt32 {
    guard index + 4 < bytes.count else { throw error("short \\u escape") }
    var v: UInt32 = 0
    for i in 1...4 {
      let c = bytes[index + i]
      v <<= 4
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): v |= UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): v |= UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): v |= UInt32(c - UInt8(ascii: "A") + 10)
      default: throw error("invalid hex digit in a \\u escape")
      }
    }
    index += 4
    return v
  }

  private mutating func parseNumber() throws(Error) -> JSON {
    let start = index
    var isInteger = true
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    while index < bytes.count {
      let c = bytes[index]
      if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
        index += 1
      } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
        || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
      {
        isInteger = false
        index += 1
      } else {
        break
      }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let i = Int(text) { return .int(i) }
    guard let d = Double(text) else { throw error("invalid number '\(text)'") }
    return .double(d)
  }
}
