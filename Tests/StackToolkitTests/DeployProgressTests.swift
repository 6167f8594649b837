import Foundation
import Testing

@testable import StackToolkit

@Suite struct DeployProgressTests {
  private func event(
    _ id: String, _ logical: String, _ status: String, at seconds: Double, reason: String? = nil,
    type: String = "AWS::EC2::VPC", stack: String = "Demo"
  ) -> ResourceEvent {
    ResourceEvent(
      eventID: id, stackName: stack, timestamp: Date(timeIntervalSince1970: 1_000_000 + seconds),
      logicalID: logical, physicalID: logical == stack ? "arn:stack" : "phys-\(logical)",
      resourceType: logical == stack ? "AWS::CloudFormation::Stack" : type, status: status,
      reason: reason)
  }

  @Test func linesModePrintsOneLinePerEventOnce() async {
    let terminal = RecordingTerminal()
    let board = ProgressBoard(terminal: terminal)
    #expect(board.mode == .lines)
    await board.begin(stack: "Demo", operation: "deploy", total: 2)
    await board.record([
      event("2", "Vpc", "CREATE_IN_PROGRESS", at: 1),
      event("1", "Demo", "CREATE_IN_PROGRESS", at: 0),
    ])
    await board.record([
      event("2", "Vpc", "CREATE_IN_PROGRESS", at: 1),
      event("3", "Vpc", "CREATE_COMPLETE", at: 5),
      event("4", "Role", "CREATE_FAILED", at: 6, reason: "Access denied", type: "AWS::IAM::Role"),
    ])
    let lines = terminal.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("Demo | 0/2 | "))
    #expect(lines[0].contains("CREATE_IN_PROGRESS | AWS::CloudFormation::Stack | Demo"))
    #expect(lines[1].contains("| AWS::EC2::VPC | Vpc (phys-Vpc)"))
    #expect(lines[2].hasPrefix("Demo | 1/2 | "))
    #expect(lines[3].hasSuffix("CREATE_FAILED | AWS::IAM::Role | Role (phys-Role) — Access denied"))
    #expect(!terminal.output.contains("\u{1B}"))
    #expect(await board.progress(of: "Demo")?.done == 1)
  }

  @Test func liveModeRedrawsInPlaceWithElapsedTimes() async {
    let terminal = RecordingTerminal(outputIsTerminal: true, width: 100)
    let clock = TestClock(start: 1_000_000)
    let board = ProgressBoard(terminal: terminal, now: { clock.now })
    #expect(board.mode == .live)
    await board.begin(stack: "Demo", operation: "deploy", total: 2)
    await board.record([event("1", "Vpc", "CREATE_IN_PROGRESS", at: 0)])
    clock.advance(12)
    await board.refresh()
    let text = terminal.output
    // The table is drawn, then moved up over and redrawn.
    #expect(text.contains("\u{1B}[2F\u{1B}[J"))
    #expect(text.contains("12s"))
    #expect(text.contains("Vpc"))
    await board.record([event("2", "Vpc", "CREATE_COMPLETE", at: 20)])
    await board.end(stack: "Demo")
    // The final table stays: the last thing written shows the finished resource and 20s.
    let tail = terminal.output.components(separatedBy: "\u{1B}[J").last ?? ""
    #expect(tail.contains("CREATE_COMPLETE"))
    #expect(tail.contains("20s"))
    #expect(tail.contains("1/2 resources"))
  }

  @Test func liveRowsFitTheTerminalWidth() async {
    let terminal = RecordingTerminal(outputIsTerminal: true, width: 60)
    let board = ProgressBoard(terminal: terminal)
    await board.begin(stack: "Demo", operation: "deploy", total: 1)
    await board.begin(
      stack: "AStackWithAVeryLongNameThatFillsMostOfTheLine", operation: "deploy", total: 1)
    await board.record([
      event(
        "1", "Vpc", "CREATE_FAILED", at: 0,
        reason: String(repeating: "a very long reason ", count: 20))
    ])
    let last = terminal.output.components(separatedBy: "\u{1B}[J").last ?? terminal.output
    for line in last.split(separator: "\n") {
      let visible = line.replacingOccurrences(
        of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
      #expect(visible.count <= 60, "\(visible)")
    }
  }

  @Test func statusHelpers() {
    #expect(StackStatus.isTerminal("UPDATE_ROLLBACK_COMPLETE"))
    #expect(!StackStatus.isTerminal("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"))
    #expect(StackStatus.isTerminal("REVIEW_IN_PROGRESS"))
    #expect(!StackStatus.isSuccess("UPDATE_ROLLBACK_COMPLETE"))
    #expect(StackStatus.isDeadOnArrival("ROLLBACK_COMPLETE"))
    #expect(!StackStatus.isDeadOnArrival("UPDATE_ROLLBACK_COMPLETE"))
    let cancelled = ResourceEvent(
      eventID: "x", stackName: "S", timestamp: Date(), logicalID: "A", resourceType: "T",
      status: "CREATE_FAILED", reason: "Resource creation cancelled")
    #expect(cancelled.isConsequentialFailure)
  }

  @Test func tablesDrawBoxesAndMarkdown() {
    var table = TextTable(headers: ["A", "Bee"])
    table.rows = [["1", "two\nlines"], ["x|y", ""]]
    #expect(
      table.render() == """
        ┌─────┬───────┐
        │ A   │ Bee   │
        ├─────┼───────┤
        │ 1   │ two   │
        │     │ lines │
        │ x|y │       │
        └─────┴───────┘
        """)
    #expect(table.renderMarkdown().contains("| x\\|y |  |"))
    #expect(table.renderMarkdown().contains("two<br>lines"))
  }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var seconds: Double

  init(start: Double) { seconds = start }

  var now: Date { lock.withLock { Date(timeIntervalSince1970: seconds) } }

  func advance(_ by: Double) { lock.withLock { seconds += by } }
}
