extension ElastiCache {
  /// A user that exists outside this app (ElastiCache's own `default` user, for example).
  ///
  /// ```swift
  /// let builtIn = ElastiCache.ExistingUser(userID: "default", userName: "default")
  /// ```
  public struct ExistingUser: UserReference, Sendable {
    public let userID: String
    public let userName: String

    public init(userID: String, userName: String) {
      self.userID = userID
      self.userName = userName
    }
  }
}
