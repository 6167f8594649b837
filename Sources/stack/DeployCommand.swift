import ArgumentParser
import Foundation
import StackToolkit

/// `stack deploy`: synthesize, upload assets, change sets, approval, execution, progress.
struct DeployCommand: DocumentedCommand {
  static let examples = [
    Example("stack deploy MotoDemo", "Deploy one stack (and the stacks it depends on)"),
    Example("stack deploy --all --require-approval never", "Deploy every stack without asking"),
    Example(
      "stack deploy Api --parameters Env=prod --outputs-file out.json",
      "Pass a parameter and write the outputs as JSON"),
    Example(
      "stack deploy --all --endpoint-url http://127.0.0.1:5000 --region us-east-1",
      "Deploy to a local moto_server"),
  ]

  static let configuration = CommandConfiguration(
    commandName: "deploy",
    abstract: "Deploy stacks through CloudFormation change sets.",
    discussion: """
      Synthesizes the app, uploads assets the bucket lacks, creates a change set per stack, \
      shows the changes (replacements, IAM and security-group broadening), asks for approval \
      when needed, executes it, and shows progress until CloudFormation is done. Stacks deploy \
      in dependency order, independent ones concurrently. A stack whose template and parameters \
      equal what is deployed is left alone. Ctrl-C stops waiting; CloudFormation goes on.

      \(Example.block(examples))
      """)

  @Argument(help: "Stacks to deploy: ids, stack names or patterns like 'Net*'.")
  var stacks: [String] = []

  @Flag(help: "Deploy every stack of the app.")
  var all = false

  @Option(help: "When to ask before deploying: never, any-change or broadening.")
  var requireApproval: ApprovalLevel = .broadening

  @Flag(name: [.customShort("y"), .long], help: "Approve the changes without asking.")
  var yes = false

  @Flag(help: "Keep what was created when the deployment fails, instead of rolling back.")
  var noRollback = false

  @Option(
    help: ArgumentHelp(
      "A template parameter (repeatable): KEY=VALUE, or STACK:KEY=VALUE for one stack.",
      valueName: "key=value"))
  var parameters: [String] = []

  @Option(help: ArgumentHelp("Write the stacks' outputs to this JSON file.", valueName: "file"))
  var outputsFile: String?

  @Option(help: "How many independent stacks deploy at once.")
  var concurrency = 4

  @OptionGroup var project: ProjectOptions
  @OptionGroup var aws: AWSOptions

  func run() async throws {
    let app = try ProjectStacks(project)
    var options = DeployOptions()
    options.requireApproval = requireApproval
    options.yes = yes
    options.noRollback = noRollback
    options.parameters = try reportingErrors { try parameters.map(ParameterAssignment.parse) }
    options.outputsFile = outputsFile
    options.concurrency = max(1, concurrency)
    let session = try aws.session()
    let (patterns, all, chosenOptions) = (stacks, self.all, options)
    let report = try await runInterruptibly {
      let chosen = try DeployTask.select(patterns, all: all, from: try await app.synthesize())
      return try await DeployTask(options: chosenOptions).run(
        stacks: chosen, session: session, terminal: StandardTerminal())
    }
    if !report.succeeded { throw ExitCode.failure }
  }
}
