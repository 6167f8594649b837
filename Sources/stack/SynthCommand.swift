import ArgumentParser
import StackKit
import StackToolkit

/// `stack synth`: build and run the app, write (or check) the templates folder.
struct SynthCommand: DocumentedCommand {
  static let examples = [
    Example("stack synth", "Build and run the app; write every template to templates/"),
    Example("stack synth --check", "Write nothing; fail when the committed templates are stale"),
    Example("stack synth SharedNetwork", "Write only the SharedNetwork stack's template"),
    Example("stack synth --format json --output /tmp/t", "Write JSON templates elsewhere"),
  ]

  static let configuration = CommandConfiguration(
    commandName: "synth",
    abstract: "Synthesize the app's stacks into CloudFormation templates.",
    discussion: """
      Builds the app (stack.json's "build"), runs it (stack.json's "app") in a temporary \
      folder, and copies the templates and manifest.json into the templates folder: all files \
      or none. Template files of stacks the app no longer has are removed.

      \(Example.block(examples))
      """)

  @Argument(help: "Stacks to synthesize: ids, stack names or patterns like 'Net*'. Default: all.")
  var stacks: [String] = []

  @Flag(help: "Write nothing; exit 1 and show a diff when the committed templates are stale.")
  var check = false

  @Option(help: "The template format, over stack.json's \"format\" (yaml or json).")
  var format: TemplateFormat?

  @Option(
    help: ArgumentHelp("The templates folder, over stack.json's \"output\".", valueName: "dir"))
  var output: String?

  @OptionGroup var project: ProjectOptions

  func run() async throws {
    let config = try project.loadConfig()
    let task = SynthTask(
      stacks: stacks, check: check, format: format, output: output,
      context: try project.contextObject(), skipBuild: project.skipBuild)
    let status = try await reportingErrors {
      try await InterruptHandler.run { try await task.run(config: config, console: .standard) }
    }
    if status != 0 { throw ExitCode(status) }
  }
}

extension TemplateFormat: ExpressibleByArgument {}
