import StackKit

extension ElastiCache {
  /// An ElastiCache subnet group (`AWS::ElastiCache::SubnetGroup`): the subnets a replication
  /// group's nodes go in. The resource is the child `Default`, so its logical ID is the group's
  /// own id.
  ///
  /// ```swift
  /// let subnets = ElastiCache.SubnetGroup(
  ///   stack, "ElastiCacheSubnetGroup", description: "Elasticache Subnet Group",
  ///   subnetIDs: vpc.selectSubnets(subnetType: .privateIsolated).subnetIds,
  ///   cacheSubnetGroupName: "RedisSubnetGroup")
  /// ```
  public final class SubnetGroup: Construct {
    public let description: String
    public let subnetIDs: [Value]
    /// The name given; CloudFormation generates one otherwise.
    public let cacheSubnetGroupName: String?
    private var resourceStorage: ElastiCache.CfnSubnetGroup!

    public init(
      _ scope: Construct, _ id: String, description: String, subnetIDs: [Value],
      cacheSubnetGroupName: String? = nil
    ) {
      self.description = description
      self.subnetIDs = subnetIDs
      self.cacheSubnetGroupName = cacheSubnetGroupName
      super.init(scope, id)
      resourceStorage = ElastiCache.CfnSubnetGroup(
        self, "Default", cacheSubnetGroupName: cacheSubnetGroupName.map(Value.string),
        description: .string(description), subnetIds: .list(subnetIDs))
      node.addValidation { [unowned self] in self.validateGroup() }
    }

    /// The `AWS::ElastiCache::SubnetGroup` resource.
    public var resource: ElastiCache.CfnSubnetGroup { resourceStorage }

    /// The name: the one given (a literal, as CDK returns it), else `{"Ref": group}`.
    public var name: Value { cacheSubnetGroupName.map(Value.string) ?? resource.ref }

    private func validateGroup() -> [String] {
      var problems: [String] = []
      if description.isEmpty {
        problems.append(
          "the subnet group has an empty description; ElastiCache requires one. Describe it.")
      }
      if subnetIDs.isEmpty {
        problems.append("the subnet group has no subnet. Give the subnets the cache nodes go in.")
      }
      if let name = cacheSubnetGroupName {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".utf8)
        if name.isEmpty || name.utf8.count > 255 || !name.utf8.allSatisfy(allowed.contains) {
          problems.append(
            "the subnet group name \"\(name)\" is not valid. Use 1 to 255 letters, digits and hyphens."
          )
        }
      }
      return problems
    }
  }
}
