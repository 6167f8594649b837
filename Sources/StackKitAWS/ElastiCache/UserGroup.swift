import StackKit

extension ElastiCache {
  /// An ElastiCache user group (`AWS::ElastiCache::UserGroup`): the RBAC users a replication
  /// group lets in. ElastiCache requires every group to hold a user whose user name is
  /// `default`; a group without one is a synthesis error.
  ///
  /// The group depends on the users it lists (and their secrets and policies), since user ids
  /// are plain strings CloudFormation cannot order by. The resource is the child `Default`, so
  /// its logical ID is the group's own id, as for a resource made directly in the stack.
  ///
  /// ```swift
  /// let group = ElastiCache.UserGroup(
  ///   stack, "mockAppUserGroup", userGroupID: "mock-app-user-group",
  ///   users: [producer, defaultUser, consumer])
  /// ```
  public final class UserGroup: Construct {
    public let userGroupID: String
    /// The users, in the order they were added.
    public private(set) var users: [any UserReference] = []
    private var resourceStorage: ElastiCache.CfnUserGroup!

    public init(
      _ scope: Construct, _ id: String, userGroupID: String, users: [any UserReference],
      engine: ElastiCache.CfnUserGroup.Engine = .redis
    ) {
      self.userGroupID = userGroupID
      super.init(scope, id)
      resourceStorage = ElastiCache.CfnUserGroup(
        self, "Default", engine: engine, userGroupId: .string(userGroupID),
        userIds: .lazy(Lazy { [unowned self] in .strings(self.users.map(\.userID)) }))
      for user in users { addUser(user) }
      node.addValidation { [unowned self] in self.validateGroup() }
    }

    /// The `AWS::ElastiCache::UserGroup` resource.
    public var resource: ElastiCache.CfnUserGroup { resourceStorage }

    /// Adds a user; a user made in this app becomes a dependency of the group.
    public func addUser(_ user: any UserReference) {
      users.append(user)
      if let construct = user as? Construct { node.addDependency(construct) }
    }

    private func validateGroup() -> [String] {
      var problems: [String] = []
      if let problem = RBACRules.idProblem(userGroupID, what: "user group id") {
        problems.append(problem)
      }
      if users.isEmpty {
        problems.append(
          "the user group has no user. Add the users it lets in, including one named \"default\".")
      } else if !users.contains(where: { $0.userName == "default" }) {
        problems.append(
          "the user group has no user whose user name is \"default\" (it has \(users.map { "\"\($0.userName)\"" }.joined(separator: ", "))); ElastiCache requires one in every user group. Add a user with userName \"default\" and a restrictive access string, such as ElastiCache.RedisRbacUser(…, userName: \"default\", userID: \"app-default\") with its default \"off +get ~keys*\"."
        )
      }
      var seen = Set<String>()
      for user in users where !seen.insert(user.userID.lowercased()).inserted {
        problems.append(
          "the user id \"\(user.userID)\" is listed twice in the user group. List each user once.")
      }
      return problems
    }
  }
}
