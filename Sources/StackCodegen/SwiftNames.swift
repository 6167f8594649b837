/// Turns CloudFormation names into Swift identifiers, mechanically and deterministically.
///
/// ```swift
/// SwiftNames.lowerCamel("SSEAlgorithm")   // "sseAlgorithm"
/// SwiftNames.escaped("protocol")          // "`protocol`"
/// SwiftNames.enumMember("nodejs20.x")     // "nodejs20X"
/// ```
public enum SwiftNames {
  /// Words that must be written in backticks to be used as a name.
  public static let keywords: Set<String> = [
    "Any", "Self", "Type", "Protocol", "as", "associatedtype", "await", "break", "case", "catch",
    "class", "continue", "default", "defer", "deinit", "do", "else", "enum", "extension",
    "fallthrough", "false", "fileprivate", "for", "func", "guard", "if", "import", "in", "init",
    "inout", "internal", "is", "let", "nil", "open", "operator", "precedencegroup", "private",
    "protocol", "public", "repeat", "rethrows", "return", "self", "static", "struct", "subscript",
    "super", "switch", "throw", "throws", "true", "try", "typealias", "var", "where", "while",
  ]

  /// The CloudFormation name with its leading capitals lowered: `CidrBlock` → `cidrBlock`,
  /// `SSEAlgorithm` → `sseAlgorithm`, `VPCId` → `vpcId`, `ID` → `id`. Characters that cannot be
  /// in an identifier are dropped.
  public static func lowerCamel(_ name: String) -> String {
    let chars = Array(identifierCharacters(name))
    var upperRun = 0
    while upperRun < chars.count, chars[upperRun].isUppercase { upperRun += 1 }
    var lowered = upperRun
    // Keep the last capital of a run that starts the next word: `SSEAlgorithm` → `sse|Algorithm`.
    if upperRun > 1, upperRun < chars.count, chars[upperRun].isLowercase { lowered -= 1 }
    if upperRun == 1 { lowered = 1 }
    var out = ""
    for (i, c) in chars.enumerated() { out += i < lowered ? c.lowercased() : String(c) }
    if let first = out.first, first.isNumber { out = "_" + out }
    return out
  }

  /// The name as a type name: identifier characters only, first letter capitalized.
  public static func typeName(_ name: String) -> String {
    let chars = identifierCharacters(name)
    guard let first = chars.first else { return "Unnamed" }
    if first.isNumber { return "_" + chars }
    return first.uppercased() + chars.dropFirst()
  }

  /// A static member name for an enum value: words split at anything not alphanumeric, all-capital
  /// words lowered, joined in lower camel case: `GLACIER_IR` → `glacierIr`, `aws:kms` → `awsKms`,
  /// `python3.12` → `python3_12`, `1` → `_1`.
  public static func enumMember(_ raw: String) -> String {
    var words: [String] = []
    var current = ""
    for c in raw {
      if c.isASCII && (c.isLetter || c.isNumber) {
        current.append(c)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    var out = ""
    for (i, word) in words.enumerated() {
      let isAllCaps = word.allSatisfy { !$0.isLowercase }
      let w = isAllCaps ? word.lowercased() : word
      if i == 0 {
        out = lowerCamel(w)
      } else if out.last?.isNumber == true, w.first?.isNumber == true {
        out += "_" + w
      } else {
        out += w.prefix(1).uppercased() + w.dropFirst()
      }
    }
    if out.isEmpty { return "empty" }
    if let first = out.first, first.isNumber { out = "_" + out }
    return out
  }

  /// The identifier in backticks when it is a keyword.
  public static func escaped(_ identifier: String) -> String {
    keywords.contains(identifier) ? "`\(identifier)`" : identifier
  }

  private static func identifierCharacters(_ name: String) -> String {
    String(name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
  }
}
