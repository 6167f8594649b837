# StackKit test fixture: RBAC users (the reference program's RedisRbacUser, copied verbatim), user
# groups, subnet groups and replication groups (ElastiCacheTests.swift).
import json

import aws_cdk as cdk
from aws_cdk import aws_elasticache as elasticache
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class RedisRbacUser(Construct):
    """A Secrets Manager secret holding a generated password, and the ElastiCache user that uses it."""

    def __init__(self, scope, id, *, redis_user_name, redis_user_id, access_string=None, kms_key=None, principals=()):
        super().__init__(scope, id)
        self.user_name = redis_user_name
        self.user_id = redis_user_id
        self.kms_key = kms_key or kms.Key(self, "kmsForSecret", alias="redisRbacUser/" + redis_user_name,
                                          enable_key_rotation=True)
        self.secret = secretsmanager.Secret(
            self, "secret",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                secret_string_template=json.dumps({"username": redis_user_name}),
                generate_string_key="password",
                exclude_characters="@%*()_+=`~{}|[]\\:\";'?,./"),
            encryption_key=self.kms_key)
        user = elasticache.CfnUser(
            self, "redisuser", engine="redis", user_name=redis_user_name,
            access_string=access_string or "off +get ~keys*", user_id=redis_user_id,
            passwords=[self.secret.secret_value_from_json("password").unsafe_unwrap()])
        user.node.add_dependency(self.secret)
        self._statement = None
        for principal in principals:
            self.grant_secret_read(principal)

    def grant_secret_read(self, principal):
        """Both halves: the principal's IAM policy and the secret's resource policy (plus key decrypt)."""
        if self._statement is None:
            self._statement = iam.PolicyStatement(
                effect=iam.Effect.ALLOW,
                actions=["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
                resources=[self.secret.secret_arn], principals=[principal])
            self.secret.add_to_resource_policy(self._statement)
        else:
            self._statement.add_principals(principal)
        self.kms_key.grant_decrypt(principal)
        self.secret.grant_read(principal)


app = cdk.App()
s = cdk.Stack(app, "S")
reader = iam.Role(s, "reader", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
writer = iam.Role(s, "writer", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
app_user = RedisRbacUser(s, "appUser", redis_user_name="app", redis_user_id="app-user",
                         access_string="on ~app:* -@all +get +set", principals=[reader])
app_user.grant_secret_read(writer)
default_user = RedisRbacUser(s, "defaultUser", redis_user_name="default", redis_user_id="app-default",
                             kms_key=app_user.kms_key)
group = elasticache.CfnUserGroup(s, "Group", engine="redis", user_group_id="app-group",
                                 user_ids=[app_user.user_id, default_user.user_id])
group.node.add_dependency(app_user)
group.node.add_dependency(default_user)
subnets = elasticache.CfnSubnetGroup(s, "Subnets", description="cache subnets",
                                     subnet_ids=["subnet-1", "subnet-2"])
key = kms.Key(s, "CacheKey")
rg = elasticache.CfnReplicationGroup(
    s, "Cache", replication_group_description="app cache", cache_node_type="cache.t4g.micro",
    engine="redis", engine_version="7.1", num_cache_clusters=2, automatic_failover_enabled=True,
    multi_az_enabled=True, at_rest_encryption_enabled=True, transit_encryption_enabled=True,
    kms_key_id=key.key_id, cache_subnet_group_name=subnets.ref, security_group_ids=["sg-0123456789abcdef0"],
    user_group_ids=[group.user_group_id], port=6379)
rg.node.add_dependency(group)
cdk.CfnResource(s, "Probe", type="Custom::Probe", properties={
    "Address": rg.attr_primary_end_point_address, "Port": rg.attr_primary_end_point_port})
app.synth()
