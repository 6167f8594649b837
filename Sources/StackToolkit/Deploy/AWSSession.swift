import AWSClient
import Foundation

/// The AWS side of one command run: the client (and one per other region a stack names), and
/// what is looked up once and shared by concurrent stacks — the account, the toolkit stack of
/// each region.
///
/// ```swift
/// let session = AWSSession(client: try AWSClient(profile: nil, region: nil, endpointURL: nil))
/// let bucket = try await session.requireToolkit(region: session.client.region).bucketName
/// ```
public actor AWSSession {
  public nonisolated let client: AWSClient
  private var identity: Task<STS.CallerIdentity, any Error>?
  private var toolkits: [String: Task<ToolkitInfo?, any Error>] = [:]

  public init(client: AWSClient) { self.client = client }

  /// The client for a region (the session's own when nil or the same).
  public nonisolated func client(for region: String?) -> AWSClient {
    guard let region, region != client.region else { return client }
    return client.withRegion(region)
  }

  /// The account of the credentials in use (STS GetCallerIdentity, asked once).
  public func account() async throws -> String {
    if identity == nil {
      let sts = client.sts
      identity = Task { try await sts.getCallerIdentity() }
    }
    return try await identity!.value.account
  }

  /// The toolkit stack of a region, or nil when the region is not bootstrapped (asked once).
  public func toolkit(region: String) async throws -> ToolkitInfo? {
    if let task = toolkits[region] { return try await task.value }
    let task = Task { try await self.lookUpToolkit(region: region) }
    toolkits[region] = task
    return try await task.value
  }

  private func lookUpToolkit(region: String) async throws -> ToolkitInfo? {
    let cfn = client(for: region).cloudFormation
    guard let stack = try await cfn.describeStack(BootstrapTemplate.stackName),
      !StackStatus.isDeadOnArrival(stack.stackStatus.rawValue)
    else { return nil }
    let outputs = stack.outputValues
    let versionText =
      outputs[BootstrapTemplate.versionOutput]
      ?? stack.tags.first { $0.key == BootstrapTemplate.versionTag }?.value
    var bucket = outputs[BootstrapTemplate.bucketOutput] ?? ""
    if bucket.isEmpty {
      // Some CloudFormation emulators give no outputs; the name is fixed by design.
      bucket = "stackkit-assets-\(try await account())-\(region)"
    }
    return ToolkitInfo(
      bucketName: bucket, version: Int(versionText ?? "") ?? 0,
      stackStatus: stack.stackStatus.rawValue)
  }

  /// The toolkit stack of a region; throws what to run when it is missing or too old.
  public func requireToolkit(region: String, for stackName: String) async throws -> ToolkitInfo {
    guard let toolkit = try await toolkit(region: region) else {
      throw DeployError(
        "\(stackName) has assets (or a template over \(DeploymentStack.inlineTemplateLimit) bytes) "
          + "to upload, but the region \(region) is not bootstrapped: the stack "
          + "\(BootstrapTemplate.stackName) was not found. Run `stack bootstrap` (with the same "
          + "--profile, --region and --endpoint-url) once per account and region, then deploy again."
      )
    }
    if toolkit.version < BootstrapTemplate.minimumVersion {
      throw DeployError(
        "the toolkit stack \(BootstrapTemplate.stackName) in \(region) is version "
          + "\(toolkit.version), older than the \(BootstrapTemplate.minimumVersion) this stack "
          + "needs. Run `stack bootstrap` to update it.")
    }
    return toolkit
  }

  /// Forgets the toolkit lookup of a region (after bootstrapping it).
  public func forgetToolkit(region: String) {
    toolkits[region] = nil
  }
}
