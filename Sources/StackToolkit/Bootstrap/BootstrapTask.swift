import AWSClient
import Foundation

/// `stack bootstrap`: deploys the toolkit stack (``BootstrapTemplate``) in the client's account
/// and region, or says it is up to date.
///
/// ```swift
/// let result = try await BootstrapTask().run(session: session, terminal: StandardTerminal())
/// print(result.bucketName)
/// ```
public struct BootstrapTask: Sendable {
  public struct Result: Sendable {
    public var bucketName: String
    public var version: Int
    public var changed: Bool
  }

  public var initialPollInterval: Duration = .milliseconds(100)
  public var maxPollInterval: Duration = .seconds(2)
  public var now: @Sendable () -> Date

  public init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }

  public func run(session: AWSSession, terminal: any Terminal) async throws -> Result {
    let client = session.client
    let account: String
    do {
      account = try await session.account()
    } catch {
      if Task.isCancelled { throw CancellationError() }
      throw DeployError(
        "bootstrap: could not tell which account the credentials belong to: "
          + StackDeployer.explain(error))
    }
    let region = client.region
    let bucket = "stackkit-assets-\(account)-\(region)"
    terminal.write(
      "Bootstrapping account \(account), region \(region): stack \(BootstrapTemplate.stackName), bucket \(bucket)\n"
    )
    let existing: ToolkitInfo?
    do {
      existing = try await session.toolkit(region: region)
      if existing == nil, try await client.s3.headBucket(bucket: bucket) != nil {
        throw DeployError(
          "bootstrap: the bucket \(bucket) already exists but no \(BootstrapTemplate.stackName) "
            + "stack owns it (it is kept when the toolkit stack is deleted). Empty and delete it "
            + "(`aws s3 rb s3://\(bucket) --force`), then run `stack bootstrap` again.")
      }
    } catch let error as DeployError {
      throw error
    } catch {
      if Task.isCancelled { throw CancellationError() }
      throw DeployError(
        "bootstrap: looking up the toolkit stack failed: \(StackDeployer.explain(error))")
    }
    if let existing, existing.version > BootstrapTemplate.version {
      terminal.write(
        "\(BootstrapTemplate.stackName) is version \(existing.version), newer than this stack "
          + "tool's \(BootstrapTemplate.version); left as it is.\n")
      return Result(bucketName: existing.bucketName, version: existing.version, changed: false)
    }
    var options = DeployOptions()
    options.requireApproval = .never
    options.initialPollInterval = initialPollInterval
    options.maxPollInterval = maxPollInterval
    let context = StackDeployer.Context(
      session: session, options: options, terminal: terminal, now: now)
    let stack = DeploymentStack(
      id: BootstrapTemplate.stackName, stackName: BootstrapTemplate.stackName,
      templateText: BootstrapTemplate.text,
      tags: [(key: BootstrapTemplate.versionTag, value: String(BootstrapTemplate.version))])
    let result = try await StackDeployer(stack: stack, context: context).deploy()
    await session.forgetToolkit(region: region)
    let outputs = Dictionary(
      result.outputs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    let name = outputs[BootstrapTemplate.bucketOutput] ?? bucket
    if result.outcome == .unchanged {
      terminal.write(
        "\(BootstrapTemplate.stackName) is up to date (version \(BootstrapTemplate.version)); "
          + "assets go to s3://\(name)\n")
    } else {
      terminal.write(
        "Bootstrapped: assets go to s3://\(name) (toolkit version \(BootstrapTemplate.version))\n")
    }
    return Result(
      bucketName: name, version: BootstrapTemplate.version, changed: result.outcome != .unchanged)
  }
}
