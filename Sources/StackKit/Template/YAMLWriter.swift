import Yams

/// Writes ``JSON`` as block-style YAML, deterministically, byte for byte as Yams (libyaml) would.
///
/// Long-form intrinsics (`Ref:`, `Fn::GetAtt:`) are kept, never short tags, and every string that a
/// YAML 1.1 or 1.2 reader could take for a boolean, null, number or date (`yes`, `off`, `~`, `7.1`,
/// `2012-10-17` …) is quoted, so it reads back as the same string.
public struct YAMLWriter: Sendable {
  public init() {}

  public func write(_ value: JSON) throws -> String {
    YAMLEmitter.document(value)
  }

  /// The same document written through Yams' node tree and libyaml: the reference
  /// ``YAMLEmitter`` is tested against (and about twenty times slower).
  func writeThroughYams(_ value: JSON) throws -> String {
    try Yams.serialize(
      node: node(value), indent: 2, width: -1, allowUnicode: true, lineBreak: .ln)
  }

  private func node(_ value: JSON) -> Yams.Node {
    switch value {
    case .string(let s):
      return .scalar(.init(s, Tag(.str), YAMLWriter.needsQuotes(s) ? .singleQuoted : .any))
    case .int(let i): return .scalar(.init(String(i), Tag(.int), .plain))
    case .double(let d): return .scalar(.init(JSONWriter.format(d), Tag(.float), .plain))
    case .bool(let b): return .scalar(.init(b ? "true" : "false", Tag(.bool), .plain))
    case .null: return .scalar(.init("null", Tag(.null), .plain))
    case .array(let items):
      return .sequence(.init(items.map(node), Tag(.seq), items.isEmpty ? .flow : .block))
    case .object(let object):
      let pairs = object.map {
        (
          Yams.Node.scalar(
            .init($0.key, Tag(.str), YAMLWriter.needsQuotes($0.key) ? .singleQuoted : .any)),
          node($0.value)
        )
      }
      return .mapping(.init(pairs, Tag(.map), object.isEmpty ? .flow : .block))
    }
  }

  private static let reservedWords: Set<String> = [
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "=", "<<",
  ]

  /// True when a plain scalar with this text would not read back as the same string.
  static func needsQuotes(_ s: String) -> Bool {
    guard let first = s.utf8.first else { return true }
    // Every reserved word is at most 5 bytes; skip the lowercasing copy for longer text.
    if s.utf8.count <= 5 && reservedWords.contains(s.lowercased()) { return true }
    // Anything that starts like a number or date and has no space could be read as one
    // (7.1, 0x1F, 1e3, 1:30, 2012-10-17, .inf, -5, +3): quote it.
    let numberStart =
      (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "+")
      || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
    if numberStart && !s.utf8.contains(UInt8(ascii: " ")) { return true }
    return false
  }
}
