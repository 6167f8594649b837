import ArgumentParser

/// `stack`: synthesize, list and deploy the stacks of a StackKit app.
///
/// Add a command by writing a `DocumentedCommand` and adding it to ``commands``; its examples
/// appear in `stack --help`.
@main
struct StackCommand: AsyncParsableCommand {
  /// Every subcommand, in the order `stack --help` lists them.
  static let commands: [any DocumentedCommand.Type] = [
    SynthCommand.self,
    ListCommand.self,
    DiffCommand.self, DeployCommand.self, DestroyCommand.self, BootstrapCommand.self,
    AccessCommand.self,
  ]

  static let configuration = CommandConfiguration(
    commandName: "stack",
    abstract: "Synthesize, list and deploy the CloudFormation stacks of a StackKit app.",
    discussion: Example.overview(of: commands),
    version: "0.1.0",
    subcommands: commands.map { $0 as any ParsableCommand.Type })
}
