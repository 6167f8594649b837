import ArgumentParser
import StackToolkit

/// `stack access`: who can read which secret, and what that lets them do in Redis.
struct AccessCommand: DocumentedCommand {
  static let examples = [
    Example("stack access", "Review every stack: roles, the secrets they read, their Redis rights"),
    Example("stack access RedisRbacStack --format markdown", "A review for a pull-request comment"),
    Example("stack access --format json", "The same review for programs"),
  ]

  static let configuration = CommandConfiguration(
    commandName: "access",
    abstract: "Review who can read which secret and what that allows in Redis.",
    discussion: """
      Computed from the synthesized templates, nothing is deployed or called: for each IAM role, \
      the secrets it can read (identity policy or secret resource policy, no Deny, and decrypt \
      with the secret's KMS key through Secrets Manager), the ElastiCache RBAC user whose \
      password each secret holds and what its access string allows. Roles that read nothing are \
      listed as such. Broad access is flagged: GetSecretValue on *, a resource policy open to \
      Principal "*", +@all or all keys in an access string, a user that is on without a password.

      \(Example.block(examples))
      """)

  @Argument(help: "Stacks to review: ids, stack names or patterns. Default: all.")
  var stacks: [String] = []

  @Option(help: "The output format: text, markdown or json.")
  var format: AccessFormat = .text

  @OptionGroup var project: ProjectOptions

  func run() async throws {
    let config = try project.loadConfig()
    let task = AccessTask(
      stacks: stacks, format: format, context: try project.contextObject(),
      skipBuild: project.skipBuild)
    try await reportingErrors {
      try await InterruptHandler.run { try await task.run(config: config, console: .standard) }
    }
  }
}

extension AccessFormat: ExpressibleByArgument {}
