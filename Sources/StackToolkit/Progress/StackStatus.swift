/// What CloudFormation's stack statuses mean for a tool that waits on them.
///
/// ```swift
/// StackStatus.isTerminal("UPDATE_ROLLBACK_COMPLETE")  // true
/// StackStatus.isSuccess("UPDATE_ROLLBACK_COMPLETE")   // false
/// ```
public enum StackStatus {
  /// True when no operation is running: the status will not change by itself.
  public static func isTerminal(_ status: String) -> Bool {
    if status == "REVIEW_IN_PROGRESS" { return true }
    return !status.hasSuffix("_IN_PROGRESS")
  }

  /// True for a status that means the last operation did what was asked.
  public static func isSuccess(_ status: String) -> Bool {
    [
      "CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE", "IMPORT_COMPLETE",
    ].contains(status)
  }

  /// True when the stack failed to be created and holds nothing usable: it can only be deleted
  /// (`ROLLBACK_COMPLETE`, `ROLLBACK_FAILED`), or it was never created (`REVIEW_IN_PROGRESS`).
  /// (`CREATE_FAILED` after `--no-rollback` keeps what was made and can be updated.)
  public static func isDeadOnArrival(_ status: String) -> Bool {
    ["ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "REVIEW_IN_PROGRESS"].contains(status)
  }
}
