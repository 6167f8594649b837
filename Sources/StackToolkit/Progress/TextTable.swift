import Foundation

/// A table drawn with box-drawing characters (for a terminal) or as a Markdown table.
///
/// Cells may hold several lines; each line of a cell becomes a line of its row.
///
/// ```swift
/// var table = TextTable(headers: ["Resource", "Status"])
/// table.rows.append(["Vpc8378EB38", "CREATE_COMPLETE"])
/// print(table.render())
/// ```
public struct TextTable: Sendable {
  public var headers: [String]
  public var rows: [[String]]

  public init(headers: [String], rows: [[String]] = []) {
    self.headers = headers
    self.rows = rows
  }

  /// The table with box-drawing borders; `maxColumnWidth` wraps longer lines.
  public func render(maxColumnWidth: Int = 60) -> String {
    let columns = headers.count
    func lines(_ cell: String) -> [String] {
      var out: [String] = []
      for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
        var rest = Substring(line)
        while rest.count > maxColumnWidth {
          out.append(String(rest.prefix(maxColumnWidth)))
          rest = rest.dropFirst(maxColumnWidth)
        }
        out.append(String(rest))
      }
      return out
    }
    let cells = ([headers] + rows).map { row in
      (0..<columns).map { i in lines(i < row.count ? row[i] : "") }
    }
    var widths = [Int](repeating: 0, count: columns)
    for row in cells {
      for (i, cell) in row.enumerated() {
        widths[i] = max(widths[i], cell.map(\.count).max() ?? 0)
      }
    }
    func border(_ left: String, _ middle: String, _ right: String) -> String {
      left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle)
        + right
    }
    var out = [border("┌", "┬", "┐")]
    for (index, row) in cells.enumerated() {
      let height = row.map(\.count).max() ?? 1
      for lineIndex in 0..<height {
        var parts: [String] = []
        for (i, cell) in row.enumerated() {
          let text = lineIndex < cell.count ? cell[lineIndex] : ""
          parts.append(" " + text + String(repeating: " ", count: widths[i] - text.count) + " ")
        }
        out.append("│" + parts.joined(separator: "│") + "│")
      }
      if index == 0 { out.append(border("├", "┼", "┤")) }
    }
    out.append(border("└", "┴", "┘"))
    return out.joined(separator: "\n")
  }

  /// The table in GitHub Markdown; newlines in cells become `<br>`, pipes are escaped.
  public func renderMarkdown() -> String {
    func cell(_ s: String) -> String {
      s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
    var out = ["| " + headers.map(cell).joined(separator: " | ") + " |"]
    out.append("|" + headers.map { _ in "---" }.joined(separator: "|") + "|")
    for row in rows {
      let padded = (0..<headers.count).map { $0 < row.count ? row[$0] : "" }
      out.append("| " + padded.map(cell).joined(separator: " | ") + " |")
    }
    return out.joined(separator: "\n")
  }
}
