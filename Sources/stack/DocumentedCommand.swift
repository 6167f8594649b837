import ArgumentParser

/// A subcommand with examples, shown in its own help and in `stack --help`.
protocol DocumentedCommand: AsyncParsableCommand {
  /// Typical invocations, shown in the command's help; the first two also in `stack --help`.
  static var examples: [Example] { get }
}

/// One example invocation and what it does.
struct Example: Sendable {
  let command: String
  let summary: String

  init(_ command: String, _ summary: String) {
    self.command = command
    self.summary = summary
  }

  /// An "Examples:" block for a command's discussion: each command line, its summary below it.
  static func block(_ examples: [Example]) -> String {
    "Examples:\n" + examples.map { "  \($0.command)\n      \($0.summary)" }.joined(separator: "\n")
  }

  /// The first two examples of every command, for the root command's help.
  static func overview(of commands: [any DocumentedCommand.Type]) -> String {
    var examples: [Example] = []
    for command in commands { examples.append(contentsOf: command.examples.prefix(2)) }
    return block(examples)
      + "\n\nstack reads stack.json in the current folder or the nearest folder above it. "
      + "Run `stack help <command>` for a command's options and more examples."
  }
}
