# StackKit test fixture: Secrets Manager secrets, resource policies and grants (SecretsManagerTests.swift).
import aws_cdk as cdk
from aws_cdk import aws_iam as iam, aws_kms as kms, aws_secretsmanager as sm
app = cdk.App()
s = cdk.Stack(app, "S")
plain = sm.Secret(s, "Plain")
key = kms.Key(s, "Key")
secret = sm.Secret(s, "Secret", secret_name="app/db", description="database credentials", encryption_key=key,
                   removal_policy=cdk.RemovalPolicy.RETAIN,
                   generate_secret_string=sm.SecretStringGenerator(
                       secret_string_template='{"username": "app"}', generate_string_key="password",
                       exclude_characters="/@\" ", password_length=32, exclude_punctuation=True,
                       include_space=False, require_each_included_type=True))
role = iam.Role(s, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
secret.grant_read(role)
plain.grant_read(role)
secret.add_to_resource_policy(iam.PolicyStatement(actions=["secretsmanager:GetSecretValue"], resources=["*"],
                                                  principals=[iam.AccountRootPrincipal()]))
plain.grant_read(iam.ServicePrincipal("lambda.amazonaws.com"))
cdk.CfnResource(s, "Probe", type="Custom::Probe", properties={
    "Field": secret.secret_value_from_json("password").unsafe_unwrap(),
    "Whole": plain.secret_value.unsafe_unwrap(), "Arn": secret.secret_arn, "Name": secret.secret_name})
app.synth()
