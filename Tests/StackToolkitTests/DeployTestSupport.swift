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
