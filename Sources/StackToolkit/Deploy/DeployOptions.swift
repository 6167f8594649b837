/// The choices of one `stack deploy`.
///
/// ```swift
/// var options = DeployOptions()
/// options.requireApproval = .never
/// options.parameters = [try ParameterAssignment.parse("Env=prod")]
/// ```
public struct DeployOptions: Sendable {
  /// When to ask before executing (default: when security broadens).
  public var requireApproval: ApprovalLevel = .broadening
  /// Approve without asking.
  public var yes = false
  /// Keep what was created when the deployment fails (`DisableRollback`).
  public var noRollback = false
  public var parameters: [ParameterAssignment] = []
  /// Where to write the stacks' outputs as JSON (`{"Stack": {"Key": "value"}}`).
  public var outputsFile: String?
  /// How many independent stacks deploy at once.
  public var concurrency = 4
  /// The longest pause between two polls while CloudFormation works.
  public var maxPollInterval: Duration = .seconds(2)
  /// The first pause between polls.
  public var initialPollInterval: Duration = .milliseconds(100)

  public init() {}
}
