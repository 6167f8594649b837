import Foundation

/// Asks a person to approve changes, one question at a time even when stacks deploy
/// concurrently. Without a terminal to ask on it refuses instead of waiting for input that will
/// never come.
///
/// ```swift
/// let gate = ApprovalGate(terminal: StandardTerminal(), board: board)
/// guard try await gate.confirm("Deploy these changes to Demo (y/n)? ", stack: "Demo", why: "…")
/// else { return }
/// ```
public actor ApprovalGate {
  private let terminal: any Terminal
  private let board: ProgressBoard
  private var busy = false
  private var waiters: [CheckedContinuation<Void, Never>] = []

  public init(terminal: any Terminal, board: ProgressBoard) {
    self.terminal = terminal
    self.board = board
  }

  /// Asks `question` and reads `y`/`yes`; throws a ``DeployError`` saying how to approve
  /// non-interactively when standard input is not a terminal.
  public func confirm(_ question: String, stack: String, why: String) async throws -> Bool {
    guard terminal.inputIsTerminal else {
      throw DeployError(
        "\(stack): \(why), which needs approval, but there is no terminal to ask on (standard "
          + "input is not a TTY). Review the changes above (or run `stack diff`), then run again "
          + "with --yes to approve them, or choose --require-approval never.")
    }
    await acquire()
    defer { release() }
    await board.message(question)
    let answer = await terminal.readLine()
    let text = (answer ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    return text == "y" || text == "yes"
  }

  /// Asks for a typed confirmation (the stack name) before destroying.
  public func confirmTyped(_ question: String, expected: String) async -> Bool {
    await acquire()
    defer { release() }
    await board.message(question)
    let answer = await terminal.readLine()
    return answer?.trimmingCharacters(in: .whitespaces) == expected
  }

  private func acquire() async {
    if !busy {
      busy = true
      return
    }
    await withCheckedContinuation { waiters.append($0) }
  }

  private func release() {
    if waiters.isEmpty {
      busy = false
    } else {
      waiters.removeFirst().resume()
    }
  }
}
