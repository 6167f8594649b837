import Foundation
import StackKit
import StackToolkit

/// A terminal for tests: records what is written and answers reads from a script.
final class RecordingTerminal: Terminal, @unchecked Sendable {
  private let lock = NSLock()
  private var out = ""
  private var err = ""
  private var answers: [String]
  let inputIsTerminal: Bool
  let outputIsTerminal: Bool
  let width: Int

  init(
    interactive: Bool = false, answers: [String] = [], outputIsTerminal: Bool = false,
    width: Int = 120
  ) {
    self.inputIsTerminal = interactive
    self.outputIsTerminal = outputIsTerminal
    self.answers = answers
    self.width = width
  }

  func write(_ text: String) { lock.withLock { out += text } }
  func writeError(_ text: String) { lock.withLock { err += text } }

  func readLine() async -> String? {
    lock.withLock { answers.isEmpty ? nil : answers.removeFirst() }
  }

  var output: String { lock.withLock { out } }
  var errors: String { lock.withLock { err } }
  /// Output and errors together.
  var all: String { lock.withLock { out + err } }
}

/// Parses a JSON literal written in a test.
func testJSON(_ text: String) -> JSON {
  (try? JSONParser.parse(text)) ?? .null
}

/// Waits until `condition` holds, checking every 5 ms, for 30 s at most (generous, for a loaded
/// machine); returns whether it held. For tests that must act at a given point of a concurrent
/// operation, instead of sleeping a fixed time and hoping the operation got there.
@discardableResult
func eventually(within limit: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
  let deadline = ContinuousClock.now + limit
  while !condition() {
    guard ContinuousClock.now < deadline else { return false }
    try? await Task.sleep(for: .milliseconds(5))
  }
  return true
}

/// Deploy options for tests: no approval asked, polling as often as `poll` (doubling up to
/// `maxPoll`), then `change` applied.
func testDeployOptions(
  poll: Duration, maxPoll: Duration, _ change: (inout DeployOptions) -> Void = { _ in }
) -> DeployOptions {
  var o = DeployOptions()
  o.requireApproval = .never
  o.initialPollInterval = poll
  o.maxPollInterval = maxPoll
  change(&o)
  return o
}
