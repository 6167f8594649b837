/// Orders construct paths as JavaScript's `String.prototype.localeCompare` does under ICU's root
/// collation, which AWS CDK uses to sort `DependsOn`: letters compare without regard to case
/// first (punctuation before digits before letters), and only a full tie is broken by case, lower
/// case first.
///
/// ```swift
/// PathCollation.precedes("Stack/redispy_Layer", "Stack/RedisReplicationGroup")  // true
/// ```
public enum PathCollation {
  /// ICU's primary order of ASCII punctuation and symbols, lowest first.
  private static let punctuationOrder: [UInt8] = Array(
    "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".utf8)

  private static let primaryTable: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 128)
    for b in 0..<128 { table[b] = UInt16(b) }
    for (i, b) in [UInt8](arrayLiteral: 0x09, 0x0A, 0x0D, 0x20).enumerated() {
      table[Int(b)] = UInt16(1 + i)
    }
    for (i, b) in punctuationOrder.enumerated() { table[Int(b)] = UInt16(10 + i) }
    for d in 0..<10 { table[0x30 + d] = UInt16(100 + d) }
    for l in 0..<26 {
      table[0x61 + l] = UInt16(200 + l)
      table[0x41 + l] = UInt16(200 + l)
    }
    return table
  }()

  private static func primary(_ b: UInt8) -> UInt32 {
    b < 128 ? UInt32(primaryTable[Int(b)]) : 1000 + UInt32(b)
  }

  /// True when `a` sorts before `b`.
  public static func precedes(_ a: String, _ b: String) -> Bool {
    compare(a, b) < 0
  }

  /// Negative, zero or positive, as `localeCompare`.
  public static func compare(_ a: String, _ b: String) -> Int {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    let n = min(x.count, y.count)
    for i in 0..<n {
      let p = primary(x[i])
      let q = primary(y[i])
      if p != q { return p < q ? -1 : 1 }
    }
    if x.count != y.count { return x.count < y.count ? -1 : 1 }
    for i in 0..<n where x[i] != y[i] {
      // Same letter, different case: lower case first.
      let lowerX = x[i] >= 0x61 && x[i] <= 0x7A
      return lowerX ? -1 : 1
    }
    return 0
  }
}
