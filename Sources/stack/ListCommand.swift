import ArgumentParser
import StackToolkit

/// `stack list`: the app's stacks, their dependencies and resource counts.
struct ListCommand: DocumentedCommand {
  static let examples = [
    Example("stack list", "List the stacks with resource counts and dependencies"),
    Example("stack list 'Redis*'", "List the stacks whose names start with Redis"),
  ]

  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the app's stacks with their dependencies and resource counts.",
    discussion: """
      Builds and runs the app in a temporary folder; writes nothing to the project.

      \(Example.block(examples))
      """,
    aliases: ["ls"])

  @Argument(help: "Stacks to show: ids, stack names or patterns. Default: all.")
  var stacks: [String] = []

  @OptionGroup var project: ProjectOptions

  func run() async throws {
    let config = try project.loadConfig()
    let task = ListTask(stacks: stacks, skipBuild: project.skipBuild)
    try await reportingErrors {
      try await InterruptHandler.run { try await task.run(config: config, console: .standard) }
    }
  }
}
