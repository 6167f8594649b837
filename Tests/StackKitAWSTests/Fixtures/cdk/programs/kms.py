# StackKit test fixture: KMS keys, aliases, key policies and grants (KMSTests.swift).
import aws_cdk as cdk
from aws_cdk import aws_iam as iam, aws_kms as kms
app = cdk.App()
s = cdk.Stack(app, "S")
plain = kms.Key(s, "Plain")
key = kms.Key(s, "Key", alias="app/main", enable_key_rotation=True, description="main key",
              pending_window=cdk.Duration.days(7), removal_policy=cdk.RemovalPolicy.DESTROY)
key.add_alias("alias/second")
role = iam.Role(s, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
key.grant_decrypt(role)
key.grant_encrypt_decrypt(role)
key.grant(iam.ServicePrincipal("logs.amazonaws.com"), "kms:Encrypt", "kms:Decrypt")
key.add_to_resource_policy(iam.PolicyStatement(actions=["kms:DescribeKey"], resources=["*"],
                                               principals=[iam.AccountPrincipal("111122223333")]))
key.grant_decrypt(kms.ViaServicePrincipal("secretsmanager.us-east-1.amazonaws.com", role))
cdk.CfnResource(s, "Probe", type="Custom::Probe", properties={"KeyId": key.key_id, "KeyArn": key.key_arn, "Alias": key.add_alias("third").alias_name})
app.synth()
