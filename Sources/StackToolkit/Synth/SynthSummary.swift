/// The text `stack synth` and `stack list` print: aligned tables and counts.
///
/// ```swift
/// for line in SynthSummary.table(result.stacks, status: nil) { print(line) }
/// // Stack          Resources  Bytes  Time
/// // SharedNetwork          4  1,234  0.8 ms
/// ```
public enum SynthSummary {
  /// One line per stack (name, resources, bytes, milliseconds and, when given, what happened to
  /// its file) and a total line.
  public static func table(
    _ stacks: [SynthResult.StackTemplate], status: [String: TemplateOutput.FileChange.Kind]?
  ) -> [String] {
    var rows: [[String]] = [["Stack", "Resources", "Bytes", "Time"] + (status == nil ? [] : [""])]
    for s in stacks {
      var row = [
        s.id, grouped(s.resourceCount), grouped(s.byteCount),
        s.milliseconds.map(milliseconds) ?? "-",
      ]
      if let status { row.append(status[s.id].map(\.rawValue) ?? "") }
      rows.append(row)
    }
    let totalTime = stacks.compactMap(\.milliseconds).reduce(0, +)
    var total = [
      "Total (\(count(stacks.count, "stack")))",
      grouped(stacks.map(\.resourceCount).reduce(0, +)),
      grouped(stacks.map(\.byteCount).reduce(0, +)), milliseconds(totalTime),
    ]
    if status != nil { total.append("") }
    rows.append(total)
    return align(rows, rightAligned: [1, 2, 3])
  }

  /// "build 0.41 s, app 38 ms".
  public static func timing(_ result: SynthResult) -> String {
    var parts: [String] = []
    if let b = result.buildDuration { parts.append("build \(duration(b))") }
    parts.append("app \(duration(result.appDuration))")
    return parts.joined(separator: ", ")
  }

  /// "1 stack", "3 stacks".
  public static func count(_ n: Int, _ noun: String) -> String {
    "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")"
  }

  /// 1234567 → "1,234,567".
  public static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// Columns padded to their widest cell, separated by two spaces.
  public static func align(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    return rows.map { row in
      var cells: [String] = []
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        cells.append(rightAligned.contains(i) ? pad + cell : cell + pad)
      }
      var line = cells.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  static func milliseconds(_ ms: Double) -> String {
    if ms >= 100 { return "\(Int(ms.rounded())) ms" }
    let tenths = (ms * 10).rounded() / 10
    return "\(tenths) ms"
  }

  static func duration(_ d: Duration) -> String {
    let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    if ms >= 1000 { return "\((ms / 10).rounded() / 100) s" }
    return "\(Int(ms.rounded())) ms"
  }
}
