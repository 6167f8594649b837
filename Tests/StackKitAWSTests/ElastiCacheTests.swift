import StackKit
import Testing

@testable import StackKitAWS

@Suite struct ElastiCacheTests {
  /// The same calls as Fixtures/cdk/programs/elasticache.py (the reference RedisRbacUser with CDK
  /// L1 groups).
  @Test func rbacUsersAndGroupsRenderAsCDK() throws {
    let template = try synthesizeStack { s in
      let reader = IAM.Role(s, "reader", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      let writer = IAM.Role(s, "writer", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      let appUser = ElastiCache.RedisRbacUser(
        s, "appUser", userName: "app", userID: "app-user",
        accessString: "on ~app:* -@all +get +set",
        principals: [reader])
      appUser.grantSecretRead(writer)
      let defaultUser = ElastiCache.RedisRbacUser(
        s, "defaultUser", userName: "default", userID: "app-default", kmsKey: appUser.kmsKey)
      let group = ElastiCache.UserGroup(
        s, "Group", userGroupID: "app-group", users: [appUser, defaultUser])
      let subnets = ElastiCache.SubnetGroup(
        s, "Subnets", description: "cache subnets", subnetIDs: ["subnet-1", "subnet-2"])
      let key = KMS.Key(s, "CacheKey")
      let cache = ElastiCache.ReplicationGroup(
        s, "Cache", replicationGroupDescription: "app cache", cacheNodeType: "cache.t4g.micro",
        engine: "redis", engineVersion: "7.1", numCacheClusters: 2, multiAZEnabled: true,
        automaticFailoverEnabled: true, atRestEncryptionEnabled: true,
        transitEncryptionEnabled: true, kmsKey: key, subnetGroup: subnets,
        securityGroupIDs: ["sg-0123456789abcdef0"], userGroups: [group], port: 6379)
      _ = CfnResource(
        s, "Probe", type: "Custom::Probe",
        properties: [
          ("Address", cache.primaryEndPointAddress), ("Port", cache.primaryEndPointPort),
        ])
    }
    expectSameResources(template, try cdkFixture("units/elasticache.template.json"))
  }

  @Test func rbacUserDefaultsMatchTheBlogPost() throws {
    var user: ElastiCache.RedisRbacUser!
    let template = try synthesizeStack { s in
      user = ElastiCache.RedisRbacUser(s, "user", userName: "default", userID: "groupdefaultuser")
    }
    let resources = template["Resources"]
    let cfnUser = resources?[user.user.logicalID]?["Properties"]
    #expect(cfnUser?["AccessString"] == .string("off +get ~keys*"))
    let generator = resources?[user.secret.resource.logicalID]?["Properties"]?[
      "GenerateSecretString"]
    #expect(generator?["ExcludeCharacters"] == .string("@%*()_+=`~{}|[]\\:\";'?,./"))
    #expect(generator?["SecretStringTemplate"] == .string(#"{"username": "default"}"#))
    #expect(user.kmsKey.node.id == "kmsForSecret")
    #expect(user.kmsKey.aliases.first?.aliasName == "alias/redisRbacUser/default")
    #expect(
      resources?[user.kmsKey.resource.logicalID]?["Properties"]?["EnableKeyRotation"] == .bool(true)
    )
    // No grant, no resource policy.
    #expect(user.secret.policy == nil)
  }

  @Test func secretTemplateEscapesAsPythonJSON() {
    #expect(ElastiCache.RedisRbacUser.pythonJSONString("a\"b\\c") == #""a\"b\\c""#)
    #expect(ElastiCache.RedisRbacUser.pythonJSONString("é") == #""\u00e9""#)
  }

  @Test func accessStringsWithPasswordsOrResetAreRefusedWithoutEchoingThem() {
    let problems = synthesisProblems { s in
      let key = KMS.Key(s, "Key")
      _ = ElastiCache.RedisRbacUser(
        s, "pw", userName: "a", userID: "a", accessString: "on >hunter2hunter2 ~* +@all",
        kmsKey: key)
      _ = ElastiCache.RedisRbacUser(
        s, "hash", userName: "b", userID: "b", accessString: "on #5e884898da28 ~*", kmsKey: key)
      _ = ElastiCache.RedisRbacUser(
        s, "reset", userName: "c", userID: "c", accessString: "reset on ~* +@all", kmsKey: key)
      _ = ElastiCache.RedisRbacUser(
        s, "nopass", userName: "d", userID: "d", accessString: "on nopass ~* +get", kmsKey: key)
      _ = ElastiCache.RedisRbacUser(
        s, "empty", userName: "e", userID: "e", accessString: " ", kmsKey: key)
    }
    #expect(problems.contains { $0.hasPrefix("S/pw: the access string carries a password") })
    #expect(problems.contains { $0.hasPrefix("S/hash: the access string carries a password hash") })
    #expect(problems.contains { $0.hasPrefix("S/reset: the access string uses 'reset'") })
    #expect(problems.contains { $0.hasPrefix("S/nopass: the access string uses 'nopass'") })
    #expect(problems.contains { $0.hasPrefix("S/empty: the access string is empty") })
    #expect(!problems.joined().contains("hunter2"))
    #expect(!problems.joined().contains("5e884898"))
  }

  @Test func idsOutsideElastiCachePatternAreRefused() {
    let problems = synthesisProblems { s in
      let key = KMS.Key(s, "Key")
      let bad = ElastiCache.RedisRbacUser(
        s, "bad", userName: "default", userID: "1user", kmsKey: key)
      let under = ElastiCache.RedisRbacUser(
        s, "under", userName: "u", userID: "user_x", kmsKey: key)
      _ = ElastiCache.UserGroup(s, "Group", userGroupID: "my group", users: [bad, under])
    }
    #expect(
      problems.contains {
        $0.hasPrefix("S/bad: the user id \"1user\" is not one ElastiCache accepts")
      })
    #expect(problems.contains { $0.hasPrefix("S/under: the user id \"user_x\"") })
    #expect(problems.contains { $0.hasPrefix("S/Group: the user group id \"my group\"") })
  }

  @Test func groupWithoutDefaultUserIsRefused() {
    let problems = synthesisProblems { s in
      let key = KMS.Key(s, "Key")
      let producer = ElastiCache.RedisRbacUser(
        s, "producer", userName: "producer", userID: "producer", kmsKey: key)
      _ = ElastiCache.UserGroup(s, "Group", userGroupID: "app", users: [producer, producer])
      _ = ElastiCache.UserGroup(s, "Empty", userGroupID: "empty", users: [])
    }
    #expect(
      problems.contains {
        $0.hasPrefix("S/Group: the user group has no user whose user name is \"default\"")
      })
    #expect(problems.contains { $0.hasPrefix("S/Group: the user id \"producer\" is listed twice") })
    #expect(problems.contains { $0.hasPrefix("S/Empty: the user group has no user") })
  }

  @Test func existingDefaultUserSatisfiesTheGroup() {
    let problems = synthesisProblems { s in
      _ = ElastiCache.UserGroup(
        s, "Group", userGroupID: "app",
        users: [ElastiCache.ExistingUser(userID: "default", userName: "default")])
    }
    #expect(problems.isEmpty)
  }

  @Test func rbacWithoutTLSAndOtherReplicationGroupMistakesAreRefused() {
    let problems = synthesisProblems { s in
      let group = ElastiCache.UserGroup(
        s, "Group", userGroupID: "app",
        users: [ElastiCache.ExistingUser(userID: "default", userName: "default")])
      _ = ElastiCache.ReplicationGroup(
        s, "NoTLS", replicationGroupDescription: "x", userGroups: [group])
      _ = ElastiCache.ReplicationGroup(
        s, "Token", replicationGroupDescription: "x", kmsKey: KMS.Key(s, "Key"),
        authToken: .ssmSecure("/cache/token"))
      _ = ElastiCache.ReplicationGroup(
        s, "Solo", replicationGroupDescription: "x", replicationGroupID: "bad--id",
        replicasPerNodeGroup: 0, multiAZEnabled: true, port: 70000)
    }
    #expect(
      problems.contains {
        $0.hasPrefix(
          "S/NoTLS: the replication group uses RBAC user groups without in-transit encryption")
      })
    #expect(
      problems.contains {
        $0.hasPrefix(
          "S/Token: the replication group has an auth token without in-transit encryption")
      })
    #expect(
      problems.contains {
        $0.hasPrefix("S/Token: the replication group has a KMS key but encryption at rest is off")
      })
    #expect(problems.contains { $0.hasPrefix("S/Solo: Multi-AZ needs at least one replica") })
    #expect(problems.contains { $0.hasPrefix("S/Solo: the port 70000 is out of range") })
    #expect(
      problems.contains {
        $0.hasPrefix("S/Solo: the replication group id \"bad--id\" is not valid")
      })
  }

  @Test func passwordSettingsElastiCacheRefusesAreReported() {
    let problems = synthesisProblems { s in
      _ = ElastiCache.RedisRbacUser(
        s, "user", userName: "app", userID: "app", excludeCharacters: "%", passwordLength: 8)
    }
    #expect(
      problems.contains {
        $0.hasPrefix(
          "S/user: excludeCharacters lets the generated password contain ',' '\"' '/' '@'")
      })
    #expect(problems.contains { $0.hasPrefix("S/user: passwordLength is 8") })
  }

  @Test func namedSubnetGroupBecomesADependency() throws {
    var cacheID = ""
    let template = try synthesizeStack { s in
      let subnets = ElastiCache.SubnetGroup(
        s, "ElastiCacheSubnetGroup", description: "Elasticache Subnet Group",
        subnetIDs: ["subnet-1"], cacheSubnetGroupName: "RedisSubnetGroup")
      cacheID =
        ElastiCache.ReplicationGroup(
          s, "RedisReplicationGroup", replicationGroupDescription: "x", subnetGroup: subnets
        ).resource.logicalID
    }
    #expect(cacheID == "RedisReplicationGroup")
    let cache = template["Resources"]?[cacheID]
    #expect(cache?["Properties"]?["CacheSubnetGroupName"] == .string("RedisSubnetGroup"))
    #expect(cache?["DependsOn"] == .array([.string("ElastiCacheSubnetGroup")]))
  }

  @Test func literalPasswordsSlippedInByOverrideAreRefusedWithoutEchoingThem() {
    let problems = synthesisProblems { s in
      let user = ElastiCache.RedisRbacUser(s, "user", userName: "app", userID: "app")
      user.user.addPropertyOverride("Passwords", ["hunter2hunter2hunter2"])
      user.user.addPropertyOverride("Passwords.1", "correcthorsebattery")
    }
    #expect(
      problems.filter { $0.hasPrefix("S/user/redisuser: ") && $0.contains("literal secret") }.count
        == 2)
    #expect(!problems.joined().contains("hunter2") && !problems.joined().contains("correcthorse"))
  }
}
