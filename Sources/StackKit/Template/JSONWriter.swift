/// Writes ``JSON`` as text: two-space indentation, keys in their stored order, no escaped slashes,
/// numbers in their shortest exact form. The same value always gives the same bytes.
public struct JSONWriter: Sendable {
  /// Spaces per indentation level; `nil` writes everything on one line.
  public var indent: Int?

  public init(indent: Int? = 2) { self.indent = indent }

  public func write(_ value: JSON) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    emit(value, level: 0, into: &out)
    if indent != nil { out.append(0x0A) }
    return String(decoding: out, as: UTF8.self)
  }

  private func newline(_ level: Int, _ out: inout [UInt8]) {
    guard let indent else { return }
    out.append(0x0A)
    out.append(contentsOf: repeatElement(0x20, count: indent * level))
  }

  private func emit(_ value: JSON, level: Int, into out: inout [UInt8]) {
    switch value {
    case .string(let s): JSONWriter.quote(s, into: &out)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .double(let d): out.append(contentsOf: JSONWriter.format(d).utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .null: out.append(contentsOf: "null".utf8)
    case .array(let items):
      if items.isEmpty {
        out.append(contentsOf: "[]".utf8)
        return
      }
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(level + 1, &out)
        emit(item, level: level + 1, into: &out)
      }
      newline(level, &out)
      out.append(UInt8(ascii: "]"))
    case .object(let object):
      if object.isEmpty {
        out.append(contentsOf: "{}".utf8)
        return
      }
      out.append(UInt8(ascii: "{"))
      var first = true
      for (k, v) in object {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        newline(level + 1, &out)
        JSONWriter.quote(k, into: &out)
        out.append(UInt8(ascii: ":"))
        if indent != nil { out.append(0x20) }
        emit(v, level: level + 1, into: &out)
      }
      newline(level, &out)
      out.append(UInt8(ascii: "}"))
    }
  }

  /// Formats a double the same way on every machine: integral values without a fraction when they
  /// fit exactly, everything else in Swift's shortest round-trip form.
  static func format(_ d: Double) -> String {
    if d.isNaN || d.isInfinite { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    return "\(d)"
  }

  /// Appends `s` as a JSON string literal: quotes and backslashes escaped, control characters
  /// as `\n`, `\t` … or `\u00XX`, everything else as UTF-8.
  static func quote(_ s: String, into out: inout [UInt8]) {
    var s = s
    s.withUTF8 { bytes in
      out.append(0x22)
      var plain = true
      for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C {
        plain = false
        break
      }
      if plain {
        out.append(contentsOf: bytes)
      } else {
        for b in bytes {
          switch b {
          case 0x22: out.append(contentsOf: [0x5C, 0x22])
          case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
          case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
          case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
          case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
          case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
          case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
          case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [
              0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0x0F)],
            ])
          default: out.append(b)
          }
        }
      }
      out.append(0x22)
    }
  }
}
