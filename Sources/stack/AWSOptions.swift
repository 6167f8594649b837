import AWSClient
import ArgumentParser
import StackToolkit

/// The options of every command that talks to AWS.
struct AWSOptions: ParsableArguments {
  @Option(help: "The AWS profile (from ~/.aws/config and ~/.aws/credentials), over AWS_PROFILE.")
  var profile: String?

  @Option(help: "The AWS region, over AWS_REGION, AWS_DEFAULT_REGION and the profile's region.")
  var region: String?

  @Option(
    name: .customLong("endpoint-url"),
    help: ArgumentHelp(
      "Send every AWS request to this URL (e.g. a local moto_server), over AWS_ENDPOINT_URL.",
      valueName: "url"))
  var endpointURL: String?

  /// The client, or the reason it cannot be made (unknown profile, no region, bad URL).
  func session() throws -> AWSSession {
    try reportingErrors {
      AWSSession(client: try AWSClient(profile: profile, region: region, endpointURL: endpointURL))
    }
  }
}

/// Runs a deploy-style command body: Ctrl-C cancels it (status 130, after it says what it left
/// running), errors are printed with `error:` (status 1).
func runInterruptibly<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws
  -> T
{
  do {
    return try await InterruptHandler.run(body)
  } catch is DeployInterrupted {
    throw ExitCode(130)
  } catch is CancellationError {
    Console.standard.note("Interrupted.")
    throw ExitCode(130)
  } catch let error as ExitCode {
    throw error
  } catch {
    Console.standard.note("error: \(error)")
    throw ExitCode.failure
  }
}

extension ApprovalLevel: ExpressibleByArgument {}
extension DiffFormat: ExpressibleByArgument {}
