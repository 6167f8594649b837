extension Logs {
  /// The class of a log group.
  ///
  /// ```swift
  /// let group = Logs.LogGroup(stack, "Archive", logGroupClass: .infrequentAccess)
  /// ```
  public enum LogGroupClass: String, Sendable {
    case standard = "STANDARD"
    case infrequentAccess = "INFREQUENT_ACCESS"
  }
}
