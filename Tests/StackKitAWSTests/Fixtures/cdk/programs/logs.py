# StackKit test fixture: log groups and their grants (LogsTests.swift).
import aws_cdk as cdk
from aws_cdk import aws_iam as iam, aws_logs as logs, aws_kms as kms
app = cdk.App()
s = cdk.Stack(app, "S")
lg = logs.LogGroup(s, "LG")
lg2 = logs.LogGroup(s, "LG2", log_group_name="/app/x", retention=logs.RetentionDays.INFINITE, removal_policy=cdk.RemovalPolicy.DESTROY)
lg3 = logs.LogGroup(s, "LG3", retention=logs.RetentionDays.ONE_WEEK, log_group_class=logs.LogGroupClass.INFREQUENT_ACCESS)
r = iam.Role(s, "R", assumed_by=iam.ServicePrincipal("vpc-flow-logs.amazonaws.com"))
lg.grant_write(r)
lg2.grant(r, "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
lg3.grant_read(r)
app.synth()
