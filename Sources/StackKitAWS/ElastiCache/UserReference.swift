extension ElastiCache {
  /// An ElastiCache user a user group can list: its id and its user name (the name a client
  /// authenticates with; every group needs one named `default`).
  ///
  /// ```swift
  /// let group = ElastiCache.UserGroup(
  ///   stack, "Group", userGroupID: "app", users: [producer, defaultUser])
  /// ```
  public protocol UserReference {
    /// The user id (`UserId`).
    var userID: String { get }
    /// The user name (`UserName`).
    var userName: String { get }
  }
}
