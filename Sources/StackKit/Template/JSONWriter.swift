/// Writes ``JSON`` as text: two-space indentation, keys in their stored order, no escaped slashes,
/// numbers in their shortest exact form. The same value always gives the same bytes.
public struct JSONWriter: Sendable {
  /// Spaces per indentation level; `nil` writes everything on one line.
  public var indent: Int?

  public init(indent: Int? = 2) { self.indent = indent }

  public func write(_ value: JSON) -> String {
    var out = ""
    out.reserveCapacity(4096)
    emit(value, level: 0, into: &out)
    if indent != nil { out.append("\n") }
    return out
  }

  private func newline(_ level: Int, _ out: inout String) {
    guard let indent else { return }
    out.append("\n")
    out.append(String(repeating: " ", count: indent * level))
  }

  private func emit(_ value: JSON, level: Int, into out: inout String) {
    switch value {
    case .string(let s): JSONWriter.quote(s, into: &out)
    case .int(let i): out.append(String(i))
    case .double(let d): out.append(JSONWriter.format(d))
    case .bool(let b): out.append(b ? "true" : "false")
    case .null: out.append("null")
    case .array(let items):
      if items.isEmpty {
        out.append("[]")
        return
      }
      out.append("[")
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(",") }
        newline(level + 1, &out)
        emit(item, level: level + 1, into: &out)
      }
      newline(level, &out)
      out.append("]")
    case .object(let object):
      if object.isEmpty {
        out.append("{}")
        return
      }
      out.append("{")
      var first = true
      for (k, v) in object {
        if !first { out.append(",") }
        first = false
        newline(level + 1, &out)
        JSONWriter.quote(k, into: &out)
        out.append(indent == nil ? ":" : ": ")
        emit(v, level: level + 1, into: &out)
      }
      newline(level, &out)
      out.append("}")
    }
  }

  /// Formats a double the same way on every machine: integral values without a fraction when they
  /// fit exactly, everything else in Swift's shortest round-trip form.
  static func format(_ d: Double) -> String {
    if d.isNaN || d.isInfinite { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    return "\(d)"
  }

  static func quote(_ s: String, into out: inout String) {
    out.append("\"")
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      case "\u{08}": out.append("\\b")
      case "\u{0C}": out.append("\\f")
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
  }
}
