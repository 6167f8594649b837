import ArgumentParser
import StackToolkit

/// `stack bootstrap`: the toolkit stack and its asset bucket, once per account and region.
struct BootstrapCommand: DocumentedCommand {
  static let examples = [
    Example("stack bootstrap", "Create (or update) the asset bucket in the default region"),
    Example(
      "stack bootstrap --region eu-west-1 --profile prod", "Bootstrap another account and region"),
  ]

  static let configuration = CommandConfiguration(
    commandName: "bootstrap",
    abstract: "Deploy StackKit's toolkit stack (the asset bucket) in an account and region.",
    discussion: """
      Deploys the stack StackKitToolkit: an S3 bucket named stackkit-assets-ACCOUNT-REGION, \
      encrypted, versioned, closed to the public and reachable over TLS only, where \
      `stack deploy` uploads assets and large templates. Running it again changes nothing when \
      the stack is up to date.

      \(Example.block(examples))
      """)

  @OptionGroup var aws: AWSOptions

  func run() async throws {
    let session = try aws.session()
    _ = try await runInterruptibly {
      try await BootstrapTask().run(session: session, terminal: StandardTerminal())
    }
  }
}
