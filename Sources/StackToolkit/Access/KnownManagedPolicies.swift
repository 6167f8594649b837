import StackKit

/// The AWS managed policies the access review knows the content of, as far as secrets and KMS
/// go: the broad ones that grant `secretsmanager:GetSecretValue`, and common ones that grant
/// nothing on secrets or keys.
///
/// ```swift
/// KnownManagedPolicies.statements("AdministratorAccess")?.count   // 1
/// KnownManagedPolicies.statements("SomeTeamPolicy")               // nil: unknown
/// ```
public enum KnownManagedPolicies {
  /// The statements that matter for secrets and KMS, or nil when the policy is not known.
  /// An empty list means the policy grants nothing on secrets or keys.
  public static func statements(_ name: String) -> [PolicyStatement]? {
    let all: [JSON] = [.string("*")]
    switch name {
    case "AdministratorAccess":
      return [
        PolicyStatement(effect: .allow, actions: ["*"], resources: all, source: .managed(name))
      ]
    case "PowerUserAccess":
      return [
        PolicyStatement(
          effect: .allow, notActions: ["iam:*", "organizations:*", "account:*"], resources: all,
          source: .managed(name))
      ]
    case "SecretsManagerReadWrite":
      // secretsmanager:* on *; its KMS actions are only DescribeKey, ListKeys and ListAliases.
      return [
        PolicyStatement(
          effect: .allow, actions: ["secretsmanager:*"], resources: all, source: .managed(name)),
        PolicyStatement(
          effect: .allow, actions: ["kms:DescribeKey", "kms:ListAliases", "kms:ListKeys"],
          resources: all, source: .managed(name)),
      ]
    case "AWSLambdaBasicExecutionRole", "AWSLambdaVPCAccessExecutionRole",
      "AWSLambdaENIManagementAccess", "AWSXRayDaemonWriteAccess", "AWSLambdaSQSQueueExecutionRole",
      "AWSLambdaKinesisExecutionRole", "AWSLambdaDynamoDBExecutionRole",
      "CloudWatchLambdaInsightsExecutionRolePolicy", "ReadOnlyAccess",
      "AmazonSSMManagedInstanceCore", "CloudWatchAgentServerPolicy":
      return []
    default:
      return nil
    }
  }
}
