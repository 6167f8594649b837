import ArgumentParser
import StackToolkit

/// `stack destroy`: delete stacks, dependents first.
struct DestroyCommand: DocumentedCommand {
  static let examples = [
    Example("stack destroy MotoDemo", "Delete a stack after typing its name to confirm"),
    Example("stack destroy --all --force", "Delete every stack without asking (CI)"),
    Example(
      "stack destroy MotoDemo --retain DataBucket",
      "Finish deleting a DELETE_FAILED stack, keeping a resource that blocks it"),
  ]

  static let configuration = CommandConfiguration(
    commandName: "destroy",
    abstract: "Delete deployed stacks and their resources.",
    discussion: """
      Asks you to type each stack's name (or --force), then deletes the stacks in reverse \
      dependency order (stacks that depend on a named one are deleted too, first), showing \
      progress. Resources kept by their DeletionPolicy are listed; a failed deletion names the \
      resources that blocked it.

      \(Example.block(examples))
      """)

  @Argument(help: "Stacks to destroy: ids, stack names or patterns.")
  var stacks: [String] = []

  @Flag(help: "Destroy every stack of the app.")
  var all = false

  @Flag(name: [.customShort("f"), .long], help: "Do not ask for confirmation.")
  var force = false

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "Logical IDs to keep when finishing a stack in DELETE_FAILED (comma-separated or repeated).",
      valueName: "id"))
  var retain: [String] = []

  @Option(help: "How many independent stacks are deleted at once.")
  var concurrency = 4

  @OptionGroup var project: ProjectOptions
  @OptionGroup var aws: AWSOptions

  func run() async throws {
    let app = try ProjectStacks(project)
    let session = try aws.session()
    let retained = retain.flatMap { $0.split(separator: ",").map(String.init) }
    let task = DestroyTask(force: force, retain: retained, concurrency: max(1, concurrency))
    let (patterns, all) = (stacks, self.all)
    let report = try await runInterruptibly {
      let chosen = try DestroyTask.select(patterns, all: all, from: try await app.synthesize())
      return try await task.run(stacks: chosen, session: session, terminal: StandardTerminal())
    }
    if !report.succeeded { throw ExitCode.failure }
  }
}
