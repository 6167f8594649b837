"""Small AWS CDK v2 programs whose templates are the expected output of StackKit's `Tags.of`
(Tests/StackKitAWSTests/TagsTests.swift). Run ./synth.sh to regenerate the *.template.json files
here; the tests read only those files."""
import os

import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_secretsmanager as sm
from aws_cdk import aws_ssm as ssm

ASSETS = os.environ["ASSETS_DIR"]
app = cdk.App()

# A tag added on the stack after everything exists reaches every taggable resource; the VPC's
# `Name` tags (the VPC's and each subnet's path) stay, the subnet name/type tags stay on subnets.
s = cdk.Stack(app, "TagsEverywhere")
vpc = ec2.Vpc(s, "Vpc", max_azs=2, nat_gateways=1)
vpc.add_interface_endpoint("SecretsManager", service=ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER)
vpc.add_flow_log("FlowLog")
sg = ec2.SecurityGroup(s, "Web", vpc=vpc)
role = iam.Role(s, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
key = kms.Key(s, "Key")
secret = sm.Secret(s, "Secret", encryption_key=key)
group = logs.LogGroup(s, "Logs")
layer = lambda_.LayerVersion(s, "Deps", code=lambda_.Code.from_asset(os.path.join(ASSETS, "layer")))
fn = lambda_.Function(s, "Fn", runtime=lambda_.Runtime.PYTHON_3_13, handler="app.main",
                      code=lambda_.Code.from_asset(os.path.join(ASSETS, "app")), vpc=vpc,
                      layers=[layer], security_groups=[sg])
cdk.Tags.of(s).add("team", "platform")

# Priorities, closeness and order, include/exclude, remove, and the tags given to L1s.
s = cdk.Stack(app, "TagsRules")
net = cdk.Resource(s, "Net")
v = ec2.CfnVPC(net, "Vpc", cidr_block="10.0.0.0/16", tags=[
    cdk.CfnTag(key="owner", value="vpc-team"), cdk.CfnTag(key="Zone", value="a"),
    cdk.CfnTag(key="low", value="from-the-vpc"), cdk.CfnTag(key="_private", value="p"),
    cdk.CfnTag(key="10x", value="n"), cdk.CfnTag(key="cleanup", value="weekly")])
sub = ec2.CfnSubnet(net, "Subnet", vpc_id=v.ref, cidr_block="10.0.0.0/24")
rt = ec2.CfnRouteTable(net, "Routes", vpc_id=v.ref)
param = ssm.CfnParameter(s, "Param", type="String", value="v", tags={"owner": "ssm", "b": "1"})
bare = ssm.CfnParameter(s, "Bare", type="String", value="v")
untagged = ec2.CfnSubnet(s, "Untagged", vpc_id=v.ref, cidr_block="10.0.1.0/24")
cdk.Tags.of(s).add("owner", "platform")                  # beats the L1 tags (priority 100 > 50)
cdk.Tags.of(s).add("low", "stack", priority=10)           # loses to the L1 tag (10 < 50)
cdk.Tags.of(s).add("same", "first")
cdk.Tags.of(s).add("same", "second")                      # later on the same scope wins
cdk.Tags.of(net).add("near", "net")
cdk.Tags.of(s).add("near", "stack")                       # the closer one wins at equal priority
cdk.Tags.of(net).add("boss", "net")
cdk.Tags.of(s).add("boss", "stack", priority=300)         # a higher priority wins from farther
cdk.Tags.of(s).add("subnets", "only", include_resource_types=["AWS::EC2::Subnet"])
cdk.Tags.of(s).add("not-vpc", "yes", exclude_resource_types=["AWS::EC2::VPC", "AWS::SSM::Parameter"])
cdk.Tags.of(net).add("gone", "x")
cdk.Tags.of(s).remove("gone")                             # remove (200) beats add (100)
cdk.Tags.of(s).add("kept", "x")
cdk.Tags.of(net).remove("kept", priority=50)              # a low-priority remove loses
cdk.Tags.of(net).remove("cleanup")                        # removes an L1 tag
cdk.Tags.of(s).remove("b", include_resource_types=["AWS::SSM::Parameter"])
cdk.Tags.of(untagged).remove("owner")
cdk.Tags.of(untagged).remove("same")
cdk.Tags.of(untagged).remove("not-vpc")
cdk.Tags.of(untagged).remove("subnets")
cdk.Tags.of(untagged).remove("kept")
cdk.Tags.of(untagged).remove("boss", priority=300)
cdk.Tags.of(untagged).remove("near")
cdk.Tags.of(untagged).remove("low")                       # nothing left: no Tags key

app.synth()
