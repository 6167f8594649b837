import StackKit
import StackKitAWS

/// The ElastiCache Redis RBAC stack of seed 000 ("Manage AWS ElastiCache for Redis access with
/// Role-Based Access Control, AWS Secrets Manager, and IAM"), ported construct by construct from
/// the reference CDK program (`redis_rbac_app.py`): same ids, same properties, and the same
/// template (see Tests/StackKitAWSTests/ParityTests.swift).
///
/// Three RBAC users keep their passwords in Secrets Manager only; IAM decides who may read them:
/// the producer role reads the producer's secret, the consumer role the consumer's, the outsider
/// role none. Three functions (functions/redis-connect) show it: the producer can SET but not GET,
/// the consumer GET but not SET, the outsider cannot read the secret at all.
///
/// ```sh
/// stack synth RedisRbacStack
/// stack deploy RedisRbacStack
/// ```
final class RedisRbacStack: Stack {
  @discardableResult
  init(_ scope: Construct, _ id: String, environment: Environment = Environment()) {
    super.init(scope, id, environment: environment)
    // The reference program adds explicit dependencies that references already imply (a user on
    // its secret, each function on its role, layer, replication group and subnets); the template
    // keeps them, to stay identical to CDK's, and tells cfn-lint they are deliberate.
    templateMetadata = [("cfn-lint", ["config": ["ignore_checks": ["W3005"]]])]
    let isolated = EC2.SubnetSelection(subnetType: .privateIsolated)

    // Step 1: a VPC of isolated subnets, flow logs, and a Secrets Manager interface endpoint.
    let vpc = EC2.Vpc(
      self, "Vpc",
      subnetConfiguration: [
        EC2.SubnetConfiguration(name: "Isolated", subnetType: .privateIsolated, cidrMask: 24)
      ])
    EC2.FlowLog(self, "VpcFlowLog", resourceType: .fromVPC(vpc))
    let lambdaSG = EC2.SecurityGroup(
      self, "LambdaSG", vpc: vpc, description: "SecurityGroup into which Lambdas will be deployed",
      allowAllOutbound: false)
    let endpointSG = EC2.SecurityGroup(
      self, "SecretsManagerVPCeSG", vpc: vpc,
      description: "SecurityGroup for the VPC Endpoint Secrets Manager", allowAllOutbound: false)
    endpointSG.connections.allowFrom(lambdaSG, .tcp(443))
    _ = vpc.addInterfaceEndpoint(
      "SecretsManagerEndpoint", service: EC2.InterfaceVpcEndpointAwsService.secretsManager,
      subnets: isolated, securityGroups: [endpointSG], open: false)
    let cacheSG = EC2.SecurityGroup(
      self, "ElastiCacheSG", vpc: vpc,
      description: "SecurityGroup associated with the ElastiCache Redis Cluster",
      allowAllOutbound: false)
    cacheSG.connections.allowFrom(lambdaSG, .tcp(6379), description: "Redis ingress 6379")
    cacheSG.connections.allowTo(lambdaSG, .tcp(6379), description: "Redis egress 6379")

    // Step 2: IAM roles for the three functions.
    func role(_ name: String, _ description: String) -> IAM.Role {
      let role = IAM.Role(
        self, name + "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"),
        description: description)
      role.addManagedPolicy(
        IAM.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaBasicExecutionRole"))
      role.addManagedPolicy(
        IAM.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaVPCAccessExecutionRole"))
      return role
    }
    let producerRole = role("producer", "Role to be assumed by producer lambda")
    let consumerRole = role("consumer", "Role to be assumed by mock application lambda")
    let outsiderRole = role("outsider", "Role to be assumed by mock application lambda")

    // Step 3: RBAC users whose passwords live in Secrets Manager, readable by their roles only.
    let key = KMS.Key(
      self, "commonCredentialKey", alias: "redisRbacUser/common", enableKeyRotation: true)
    let producer = ElastiCache.RedisRbacUser(
      self, "producerRBAC", userName: "producer", userID: "producer",
      accessString: "on ~* -@all +SET", kmsKey: key, principals: [producerRole])
    let consumer = ElastiCache.RedisRbacUser(
      self, "consumerRBAC", userName: "consumer", userID: "consumer",
      accessString: "on ~* -@all +GET", kmsKey: key, principals: [consumerRole])
    let defaultUser = ElastiCache.RedisRbacUser(
      self, "groupDefaultUserRBAC", userName: "default", userID: "groupdefaultuser", kmsKey: key)
    let group = ElastiCache.UserGroup(
      self, "mockAppUserGroup", userGroupID: "mock-app-user-group",
      users: [producer, defaultUser, consumer])

    // Step 4: the replication group, TLS on, encrypted at rest with its own key.
    let subnetGroup = ElastiCache.SubnetGroup(
      self, "ElastiCacheSubnetGroup", description: "Elasticache Subnet Group",
      subnetIDs: vpc.selectSubnets(subnetType: .privateIsolated).subnetIDs,
      cacheSubnetGroupName: "RedisSubnetGroup")
    let cacheKey = KMS.Key(
      self, "kmsForSecret", alias: "redisReplicationGroup/RedisReplicationGroup",
      enableKeyRotation: true)
    let replicationGroup = ElastiCache.ReplicationGroup(
      self, "RedisReplicationGroup", replicationGroupDescription: "RedisReplicationGroup-RBAC-Demo",
      cacheNodeType: "cache.m6g.large", engine: "redis", engineVersion: "7.1", numNodeGroups: 1,
      replicasPerNodeGroup: 1, multiAZEnabled: true, atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true, kmsKey: cacheKey, subnetGroup: subnetGroup,
      securityGroupIDs: [cacheSG.securityGroupID], userGroups: [group])

    // Step 5: the producer, consumer and outsider functions.
    let layer = Lambda.LayerVersion(
      self, "redispy_Layer",
      code: .fromAsset("functions/redis-py-layer", bundling: .pipInstall()),
      compatibleRuntimes: [.python312], description: "A layer that contains the redispy module",
      license: "MIT License")
    let functions: [(String, IAM.Role, ElastiCache.RedisRbacUser)] = [
      ("producer", producerRole, producer), ("consumer", consumerRole, consumer),
      ("outsider", outsiderRole, producer),
    ]
    for (name, functionRole, user) in functions {
      let function = Lambda.Function(
        self, name + "Fn", runtime: .python312, handler: "redis_connect.lambda_handler",
        code: .fromAsset("functions/redis-connect"), role: functionRole, vpc: vpc,
        vpcSubnets: isolated, securityGroups: [lambdaSG],
        environment: [
          "redis_endpoint": replicationGroup.primaryEndPointAddress,
          "redis_port": replicationGroup.primaryEndPointPort,
          "secret_arn": user.secret.secretArn,
        ],
        layers: [layer])
      function.node.addDependency(layer, replicationGroup, vpc, functionRole)
    }
  }
}
