import Foundation

/// Shows what CloudFormation is doing while deploy and destroy wait: on a terminal a live table
/// of each stack's resources with status and elapsed time, redrawn in place; otherwise one line
/// per event, fit for CI logs.
///
/// ```swift
/// let board = ProgressBoard(terminal: StandardTerminal())
/// await board.begin(stack: "Demo", operation: "deploy", total: 12)
/// await board.record(events)
/// await board.end(stack: "Demo", status: "CREATE_COMPLETE")
/// ```
public actor ProgressBoard {
  /// How progress is shown.
  public enum Mode: Sendable {
    /// Redraws a table in place (a terminal).
    case live
    /// One line per event.
    case lines
  }

  struct Row {
    var logicalID: String
    var resourceType: String
    var status: String
    var reason: String?
    var started: Date
    var finished: Date?
  }

  struct StackState {
    var name: String
    var operation: String
    var total: Int?
    var started: Date
    var rows: [Row] = []
    var stackStatus: String?
    var seen: Set<String> = []
  }

  private let terminal: any Terminal
  public nonisolated let mode: Mode
  private let color: Bool
  private let now: @Sendable () -> Date
  private var stacks: [StackState] = []
  private var drawnLines = 0

  /// A board that draws live on a terminal and prints lines otherwise.
  public init(
    terminal: any Terminal, mode: Mode? = nil, now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.terminal = terminal
    self.mode = mode ?? (terminal.outputIsTerminal ? .live : .lines)
    self.color = terminal.outputIsTerminal
    self.now = now
  }

  /// Starts showing a stack's operation; `total` is how many resources it involves, if known.
  public func begin(stack: String, operation: String, total: Int?) {
    stacks.removeAll { $0.name == stack }
    stacks.append(StackState(name: stack, operation: operation, total: total, started: now()))
    if mode == .live { redraw() }
  }

  /// Adds events (any order; already seen ones are skipped) and shows them.
  public func record(_ events: [ResourceEvent]) {
    for event in events.sorted(by: { $0.timestamp < $1.timestamp }) {
      guard let index = stacks.firstIndex(where: { $0.name == event.stackName }) else { continue }
      guard !stacks[index].seen.contains(event.eventID) else { continue }
      stacks[index].seen.insert(event.eventID)
      apply(event, to: &stacks[index])
      if mode == .lines { terminal.write(line(for: event, in: stacks[index]) + "\n") }
    }
    if mode == .live { redraw() }
  }

  /// Redraws the live table (elapsed times move on); nothing in line mode.
  public func refresh() {
    if mode == .live { redraw() }
  }

  /// Prints a message above the live table (or as a line).
  public func message(_ text: String) {
    if mode == .live {
      clear()
      terminal.write(text.hasSuffix("\n") ? text : text + "\n")
      redraw()
    } else {
      terminal.write(text.hasSuffix("\n") ? text : text + "\n")
    }
  }

  /// Ends a stack's display: on a terminal its final table stays on screen.
  public func end(stack: String) {
    guard let index = stacks.firstIndex(where: { $0.name == stack }) else { return }
    if mode == .live {
      clear()
      terminal.write(render(stacks[index], final: true).joined(separator: "\n") + "\n")
      stacks.remove(at: index)
      redraw()
    } else {
      stacks.remove(at: index)
    }
  }

  /// How many resources reached a complete status, and how many there are.
  func progress(of stack: String) -> (done: Int, total: Int?)? {
    guard let s = stacks.first(where: { $0.name == stack }) else { return nil }
    return (Self.doneCount(s), s.total)
  }

  // MARK: - State

  private func apply(_ event: ResourceEvent, to state: inout StackState) {
    if event.isStackEvent {
      state.stackStatus = event.status
      return
    }
    let finished = !event.status.hasSuffix("_IN_PROGRESS")
    if let i = state.rows.firstIndex(where: { $0.logicalID == event.logicalID }) {
      if state.rows[i].finished != nil && !finished {
        // A new phase for this resource (an update after create, a cleanup delete).
        state.rows[i].started = event.timestamp
      }
      state.rows[i].status = event.status
      state.rows[i].reason = event.reason ?? (finished ? nil : state.rows[i].reason)
      state.rows[i].finished = finished ? event.timestamp : nil
    } else {
      state.rows.append(
        Row(
          logicalID: event.logicalID, resourceType: event.resourceType, status: event.status,
          reason: event.reason, started: event.timestamp,
          finished: finished ? event.timestamp : nil))
    }
  }

  private static func doneCount(_ s: StackState) -> Int {
    s.rows.filter { $0.status.hasSuffix("_COMPLETE") || $0.status.hasSuffix("_SKIPPED") }.count
  }

  // MARK: - Lines

  private func line(for event: ResourceEvent, in state: StackState) -> String {
    let time = Self.clock(event.timestamp)
    let count = state.total.map { "\(Self.doneCount(state))/\($0)" } ?? "\(Self.doneCount(state))"
    var parts = [state.name, count, time, paint(event.status, Self.statusColor(event.status))]
    parts.append(event.resourceType)
    var subject = event.logicalID
    if let physical = event.physicalID, !physical.isEmpty, physical != event.logicalID,
      !event.isStackEvent
    {
      subject += " (\(physical))"
    }
    parts.append(subject)
    var text = parts.joined(separator: " | ")
    if let reason = event.reason, !reason.isEmpty { text += " — " + reason }
    return text
  }

  // MARK: - Live table

  private func clear() {
    guard drawnLines > 0 else { return }
    terminal.write("\u{1B}[\(drawnLines)F\u{1B}[J")
    drawnLines = 0
  }

  private func redraw() {
    clear()
    var lines: [String] = []
    for s in stacks { lines += render(s, final: false) }
    guard !lines.isEmpty else { return }
    terminal.write(lines.joined(separator: "\n") + "\n")
    drawnLines = lines.count
  }

  private func render(_ s: StackState, final: Bool) -> [String] {
    let width = max(terminal.width, 60)
    let elapsed = Self.duration(now().timeIntervalSince(s.started))
    let count = s.total.map { "\(Self.doneCount(s))/\($0)" } ?? "\(Self.doneCount(s))"
    var header = "\(s.name) · \(s.operation) · \(count) resources · \(elapsed)"
    var status = s.stackStatus.map { " · " + $0 } ?? ""
    if !final && header.count + status.count >= width {
      // One screen line, so the redraw knows how far up to go.
      header = String((header + status).prefix(max(width - 2, 1))) + "…"
      status = ""
    }
    if let raw = s.stackStatus, !status.isEmpty {
      status = " · " + paint(raw, Self.statusColor(raw))
    }
    var lines = [paint(header, "1") + status]
    // Keep the table to a screenful: everything unfinished or failed, then the latest others.
    var rows = s.rows
    let limit = final ? rows.count : 25
    if rows.count > limit {
      let important = rows.filter { $0.finished == nil || $0.status.hasSuffix("_FAILED") }
      let rest = rows.filter { !($0.finished == nil || $0.status.hasSuffix("_FAILED")) }
      rows = important + rest.suffix(max(0, limit - important.count))
      lines.append("  … \(s.rows.count - rows.count) more finished")
    }
    let statusWidth = max(rows.map(\.status.count).max() ?? 0, 6)
    let typeWidth = min(max(rows.map(\.resourceType.count).max() ?? 0, 4), 40)
    for row in rows {
      let seconds = (row.finished ?? now()).timeIntervalSince(row.started)
      let status = row.status.padding(toLength: statusWidth, withPad: " ", startingAt: 0)
      let type = String(row.resourceType.prefix(typeWidth)).padding(
        toLength: typeWidth, withPad: " ", startingAt: 0)
      var rest = " \(Self.duration(seconds).leftPad(6)) \(type) \(row.logicalID)"
      if let reason = row.reason, !reason.isEmpty, row.status.hasSuffix("_FAILED") {
        rest += " — " + reason
      }
      if !final {
        // One screen line per row, so the redraw knows how far up to go.
        let room = width - 3 - statusWidth
        if rest.count > room { rest = String(rest.prefix(max(room - 1, 0))) + "…" }
      }
      lines.append("  " + paint(status, Self.statusColor(row.status)) + rest)
    }
    return lines
  }

  // MARK: - Formatting

  private func paint(_ text: String, _ code: String) -> String {
    color && !code.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  static func statusColor(_ status: String) -> String {
    if status.hasSuffix("_FAILED") || status.contains("ROLLBACK") { return "31" }
    if status.hasSuffix("_IN_PROGRESS") { return "33" }
    if status.hasSuffix("_COMPLETE") { return "32" }
    return ""
  }

  /// `12:04:05` in local time.
  static func clock(_ date: Date) -> String {
    let c = Calendar.current.dateComponents([.hour, .minute, .second], from: date)
    return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
  }

  /// `4s`, `1m05s`.
  static func duration(_ seconds: TimeInterval) -> String {
    let s = max(0, Int(seconds.rounded()))
    return s < 60 ? "\(s)s" : "\(s / 60)m\(String(format: "%02d", s % 60))s"
  }
}

extension String {
  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
