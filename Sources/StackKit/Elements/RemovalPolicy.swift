/// What happens to a resource when it leaves the stack or is replaced.
public enum RemovalPolicy: String, Sendable {
  /// Delete it (CloudFormation's default).
  case destroy = "Delete"
  /// Keep it in the account, orphaned from the stack.
  case retain = "Retain"
  /// Take a snapshot, then delete it (for resources that support snapshots).
  case snapshot = "Snapshot"
  /// Keep it when it is removed from the stack or replaced, but delete it when the stack is
  /// rolled back after a failed creation.
  case retainExceptOnCreate = "RetainExceptOnCreate"
}
