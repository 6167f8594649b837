import ArgumentParser
import StackToolkit

/// `stack diff`: what a deployment would change, against the deployed templates.
struct DiffCommand: DocumentedCommand {
  static let examples = [
    Example("stack diff", "Compare every stack with what is deployed"),
    Example("stack diff Api --format markdown", "A Markdown diff for a pull-request comment"),
    Example("stack diff --fail", "Exit 1 when anything differs (CI)"),
  ]

  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare the local templates with the deployed stacks.",
    discussion: """
      Shows resources added, removed and modified, property by property with before and after, \
      "replacement" where a create-only property changes, and tables of IAM statement and \
      security-group rule changes. A stack not deployed yet is compared with an empty template.

      \(Example.block(examples))
      """)

  @Argument(help: "Stacks to compare: ids, stack names or patterns. Default: all.")
  var stacks: [String] = []

  @Option(help: "The output format: text, markdown or json.")
  var format: DiffFormat = .text

  @Flag(help: "Exit with status 1 when there are differences.")
  var fail = false

  @OptionGroup var project: ProjectOptions
  @OptionGroup var aws: AWSOptions

  func run() async throws {
    let app = try ProjectStacks(project)
    let session = try aws.session()
    let terminal = StandardTerminal()
    let task = DiffTask(format: format, color: format == .text && terminal.outputIsTerminal)
    let patterns = stacks
    let report = try await runInterruptibly {
      let chosen = try DiffTask.select(patterns, from: try await app.synthesize())
      return try await task.run(stacks: chosen, session: session)
    }
    terminal.write(report.text)
    if fail && report.hasDifferences { throw ExitCode.failure }
  }
}
