import StackKit

extension ElastiCache {
  /// An ElastiCache (Redis OSS or Valkey) replication group
  /// (`AWS::ElastiCache::ReplicationGroup`) with typed settings.
  ///
  /// User groups, and a subnet group known by its given name, become dependencies: their ids and
  /// names are plain strings CloudFormation cannot order by. The resource is the child
  /// `Default`, so its logical ID is the group's own id.
  ///
  /// RBAC needs TLS: a replication group with user groups but without transit encryption is a
  /// synthesis error, as is an auth token without TLS or a KMS key without encryption at rest.
  ///
  /// ```swift
  /// let cache = ElastiCache.ReplicationGroup(
  ///   stack, "RedisReplicationGroup", replicationGroupDescription: "RedisReplicationGroup-RBAC-Demo",
  ///   cacheNodeType: "cache.m6g.large", engine: "redis", engineVersion: "7.1",
  ///   numNodeGroups: 1, replicasPerNodeGroup: 1, multiAZEnabled: true,
  ///   atRestEncryptionEnabled: true, transitEncryptionEnabled: true, kmsKey: cacheKey,
  ///   subnetGroup: subnets, securityGroupIDs: [cacheSG.securityGroupId], userGroups: [group])
  /// ```
  public final class ReplicationGroup: Construct {
    public let replicationGroupDescription: String
    public let replicationGroupID: String?
    public let atRestEncryptionEnabled: Bool?
    public let transitEncryptionEnabled: Bool?
    public let multiAZEnabled: Bool?
    public let automaticFailoverEnabled: Bool?
    public let numNodeGroups: Int?
    public let replicasPerNodeGroup: Int?
    public let numCacheClusters: Int?
    public let port: Int?
    public let kmsKey: KMS.Key?
    public let authToken: SecretValue?
    /// The user groups (RBAC).
    public let userGroups: [UserGroup]
    private var resourceStorage: ElastiCache.CfnReplicationGroup!

    /// Creates a replication group.
    ///
    /// - Parameters:
    ///   - engine: `redis` or `valkey` (CloudFormation's default: `redis`).
    ///   - numNodeGroups, replicasPerNodeGroup: shards and replicas per shard.
    ///   - numCacheClusters: nodes, for a group without shards configuration (1 to 6).
    ///   - kmsKey: encrypts data at rest (needs `atRestEncryptionEnabled`); rendered as the key id.
    ///   - subnetGroup: the subnet group; `cacheSubnetGroupName` names one made elsewhere.
    ///   - securityGroupIDs: VPC security group ids.
    ///   - userGroups: RBAC user groups (needs `transitEncryptionEnabled`).
    ///   - authToken: a Redis AUTH token (needs `transitEncryptionEnabled`), never a literal.
    public init(
      _ scope: Construct, _ id: String, replicationGroupDescription: String,
      replicationGroupID: String? = nil, cacheNodeType: String? = nil, engine: String? = nil,
      engineVersion: String? = nil, cacheParameterGroupName: String? = nil,
      numNodeGroups: Int? = nil, replicasPerNodeGroup: Int? = nil, numCacheClusters: Int? = nil,
      multiAZEnabled: Bool? = nil, automaticFailoverEnabled: Bool? = nil,
      atRestEncryptionEnabled: Bool? = nil, transitEncryptionEnabled: Bool? = nil,
      transitEncryptionMode: ElastiCache.CfnReplicationGroup.TransitEncryptionMode? = nil,
      kmsKey: KMS.Key? = nil, subnetGroup: SubnetGroup? = nil, cacheSubnetGroupName: Value? = nil,
      securityGroupIDs: [Value] = [], userGroups: [UserGroup] = [], authToken: SecretValue? = nil,
      port: Int? = nil, preferredMaintenanceWindow: String? = nil,
      snapshotRetentionLimit: Int? = nil, snapshotWindow: String? = nil,
      autoMinorVersionUpgrade: Bool? = nil, removalPolicy: RemovalPolicy? = nil
    ) {
      self.replicationGroupDescription = replicationGroupDescription
      self.replicationGroupID = replicationGroupID
      self.atRestEncryptionEnabled = atRestEncryptionEnabled
      self.transitEncryptionEnabled = transitEncryptionEnabled
      self.multiAZEnabled = multiAZEnabled
      self.automaticFailoverEnabled = automaticFailoverEnabled
      self.numNodeGroups = numNodeGroups
      self.replicasPerNodeGroup = replicasPerNodeGroup
      self.numCacheClusters = numCacheClusters
      self.port = port
      self.kmsKey = kmsKey
      self.authToken = authToken
      self.userGroups = userGroups
      super.init(scope, id)
      resourceStorage = ElastiCache.CfnReplicationGroup(
        self, "Default", atRestEncryptionEnabled: atRestEncryptionEnabled.map(Value.bool),
        authToken: authToken, autoMinorVersionUpgrade: autoMinorVersionUpgrade.map(Value.bool),
        automaticFailoverEnabled: automaticFailoverEnabled.map(Value.bool),
        cacheNodeType: cacheNodeType.map(Value.string),
        cacheParameterGroupName: cacheParameterGroupName.map(Value.string),
        cacheSubnetGroupName: cacheSubnetGroupName ?? subnetGroup?.name,
        engine: engine.map(Value.string), engineVersion: engineVersion.map(Value.string),
        kmsKeyId: kmsKey?.keyID, multiAZEnabled: multiAZEnabled.map(Value.bool),
        numCacheClusters: numCacheClusters.map(Value.int),
        numNodeGroups: numNodeGroups.map(Value.int), port: port.map(Value.int),
        preferredMaintenanceWindow: preferredMaintenanceWindow.map(Value.string),
        replicasPerNodeGroup: replicasPerNodeGroup.map(Value.int),
        replicationGroupDescription: .string(replicationGroupDescription),
        replicationGroupId: replicationGroupID.map(Value.string),
        securityGroupIds: securityGroupIDs.isEmpty ? nil : .list(securityGroupIDs),
        snapshotRetentionLimit: snapshotRetentionLimit.map(Value.int),
        snapshotWindow: snapshotWindow.map(Value.string),
        transitEncryptionEnabled: transitEncryptionEnabled.map(Value.bool),
        transitEncryptionMode: transitEncryptionMode,
        userGroupIds: userGroups.isEmpty ? nil : .strings(userGroups.map(\.userGroupID)))
      if let removalPolicy { resourceStorage.applyRemovalPolicy(removalPolicy) }
      if let subnetGroup, cacheSubnetGroupName == nil, subnetGroup.cacheSubnetGroupName != nil {
        node.addDependency(subnetGroup)
      }
      for group in userGroups { node.addDependency(group) }
      node.addValidation { [unowned self] in self.validateGroup() }
    }

    /// The `AWS::ElastiCache::ReplicationGroup` resource.
    public var resource: ElastiCache.CfnReplicationGroup { resourceStorage }

    /// `{"Fn::GetAtt": [group, "PrimaryEndPoint.Address"]}`.
    public var primaryEndPointAddress: Value { resource.attrPrimaryEndPointAddress }
    /// `{"Fn::GetAtt": [group, "PrimaryEndPoint.Port"]}`.
    public var primaryEndPointPort: Value { resource.attrPrimaryEndPointPort }
    /// `{"Fn::GetAtt": [group, "ReaderEndPoint.Address"]}`.
    public var readerEndPointAddress: Value { resource.attrReaderEndPointAddress }
    /// `{"Fn::GetAtt": [group, "ReaderEndPoint.Port"]}`.
    public var readerEndPointPort: Value { resource.attrReaderEndPointPort }
    /// `{"Ref": group}`: the replication group id.
    public var ref: Value { resource.ref }

    private func validateGroup() -> [String] {
      var problems: [String] = []
      if !userGroups.isEmpty && transitEncryptionEnabled != true {
        problems.append(
          "the replication group uses RBAC user groups without in-transit encryption; ElastiCache only authenticates RBAC users over TLS. Set transitEncryptionEnabled: true."
        )
      }
      if authToken != nil && transitEncryptionEnabled != true {
        problems.append(
          "the replication group has an auth token without in-transit encryption; ElastiCache only accepts AUTH over TLS. Set transitEncryptionEnabled: true."
        )
      }
      if authToken != nil && !userGroups.isEmpty {
        problems.append(
          "the replication group has both an auth token and RBAC user groups. Use one: user groups (RBAC) or a token (AUTH)."
        )
      }
      if kmsKey != nil && atRestEncryptionEnabled != true {
        problems.append(
          "the replication group has a KMS key but encryption at rest is off, so the key is never used. Set atRestEncryptionEnabled: true, or drop the key."
        )
      }
      if multiAZEnabled == true {
        if replicasPerNodeGroup == 0 || numCacheClusters == 1 {
          problems.append(
            "Multi-AZ needs at least one replica to fail over to. Set replicasPerNodeGroup to 1 or more (or numCacheClusters to 2 or more), or turn multiAZEnabled off."
          )
        }
        if automaticFailoverEnabled == false {
          problems.append(
            "Multi-AZ needs automatic failover. Drop automaticFailoverEnabled: false, or turn multiAZEnabled off."
          )
        }
      }
      if let n = numCacheClusters, !(1...6).contains(n) {
        problems.append(
          "numCacheClusters is \(n); ElastiCache accepts 1 to 6. Pick a value in that range.")
      }
      if let r = replicasPerNodeGroup, !(0...5).contains(r) {
        problems.append(
          "replicasPerNodeGroup is \(r); ElastiCache accepts 0 to 5. Pick a value in that range.")
      }
      if let n = numNodeGroups, !(1...500).contains(n) {
        problems.append(
          "numNodeGroups is \(n); ElastiCache accepts 1 to 500. Pick a value in that range.")
      }
      if let port, !(1...65535).contains(port) {
        problems.append("the port \(port) is out of range. Use 1 to 65535 (Redis listens on 6379).")
      }
      if let id = replicationGroupID, !Self.isValidReplicationGroupID(id) {
        problems.append(
          "the replication group id \"\(id)\" is not valid. Use 1 to 40 letters, digits and hyphens, starting with a letter, not ending with a hyphen, without two hyphens in a row."
        )
      }
      return problems
    }

    /// 1 to 40 characters, a letter first, letters, digits and hyphens, no trailing or double
    /// hyphen: the replication group id rules of `CreateReplicationGroup`.
    static func isValidReplicationGroupID(_ id: String) -> Bool {
      RBACRules.isValidID(id) && id.utf8.count <= 40 && !id.hasSuffix("-") && !id.contains("--")
    }
  }
}
