# StackKit test fixture: IAM roles, policies, principals, statements (IAMTests.swift).
import os, json
import aws_cdk as cdk
from aws_cdk import aws_iam as iam, aws_kms as kms, aws_logs as logs, aws_secretsmanager as sm
app = cdk.App()
s = cdk.Stack(app, "S")
r = iam.Role(s, "Role", assumed_by=iam.ServicePrincipal("lambda"), path="/app/", role_name="my-role",
  max_session_duration=cdk.Duration.hours(2), description="d",
  inline_policies={"inline": iam.PolicyDocument(statements=[iam.PolicyStatement(actions=["s3:GetObject"], resources=["*"])])},
  managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("ReadOnlyAccess")])
r.add_to_principal_policy(iam.PolicyStatement(actions=["s3:PutObject","s3:PutObject"], resources=["arn:aws:s3:::b/*"]))
r.add_to_principal_policy(iam.PolicyStatement(actions=["s3:PutObject"], resources=["arn:aws:s3:::b/*"]))
r.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("ReadOnlyAccess"))
r2 = iam.Role(s, "Role2", assumed_by=iam.CompositePrincipal(iam.ServicePrincipal("ec2.amazonaws.com"), iam.AccountRootPrincipal()), external_ids=["x"])
r3 = iam.Role(s, "Role3", assumed_by=iam.ArnPrincipal("arn:aws:iam::123456789012:role/x").with_conditions({"StringEquals": {"aws:PrincipalTag/a": "b"}}))
st = iam.PolicyStatement(actions=["sqs:SendMessage"], resources=["*"], principals=[iam.ServicePrincipal("sns"), r, iam.AccountPrincipal("111122223333")])
mp = iam.ManagedPolicy(s, "MP", statements=[iam.PolicyStatement(actions=["s3:*"], resources=["*"])], roles=[r2])
p = iam.Policy(s, "Pol", statements=[iam.PolicyStatement(actions=["s3:*"], resources=["*"])], roles=[r3])

cdk.Tags.of(r).add("Name", "x"); cdk.Tags.of(r).add("aws-cdk:a", "y")
cdk.CfnResource(s, "Probe", type="Custom::Probe", properties={"Statement": st.to_statement_json(), "Principals": iam.PolicyStatement(actions=["s3:GetObject"], principals=[iam.AnyPrincipal(), iam.ServicePrincipal("states.us-east-1.amazonaws.com"), iam.ServicePrincipal("ec2.amazonaws.com.cn")]).to_statement_json()})
app.synth()
