"""Small AWS CDK v2 programs whose templates are the expected output of StackKit's EC2 and Lambda L2
constructs (Tests/StackKitAWSTests/*). Run ./synth.sh to regenerate the *.template.json files here;
the tests read only those files, so they need neither node nor the CDK."""
import os

import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_

ASSETS = os.environ["ASSETS_DIR"]
app = cdk.App()

# A VPC with every default: public + private-with-egress subnets in 2 AZs, a NAT gateway per AZ.
s = cdk.Stack(app, "VpcDefault")
ec2.Vpc(s, "Vpc")

# Three tiers with explicit masks, one NAT gateway, maxAzs 3 (2 AZs without a fixed environment).
s = cdk.Stack(app, "VpcThreeTiers")
ec2.Vpc(s, "Vpc", max_azs=3, nat_gateways=1, subnet_configuration=[
    ec2.SubnetConfiguration(name="Ingress", subnet_type=ec2.SubnetType.PUBLIC, cidr_mask=24),
    ec2.SubnetConfiguration(name="App", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS, cidr_mask=22),
    ec2.SubnetConfiguration(name="Data", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED, cidr_mask=28)])

# Masks left out are computed from the remaining space; a reserved group takes space but no resources.
s = cdk.Stack(app, "VpcAutoSplit")
ec2.Vpc(s, "Network", ip_addresses=ec2.IpAddresses.cidr("10.20.0.0/16"), max_azs=1,
        enable_dns_hostnames=False, vpc_name="shared-network", subnet_configuration=[
            ec2.SubnetConfiguration(name="Front", subnet_type=ec2.SubnetType.PUBLIC, cidr_mask=26,
                                    map_public_ip_on_launch=False),
            ec2.SubnetConfiguration(name="Back", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            ec2.SubnetConfiguration(name="Spare", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED, cidr_mask=24,
                                    reserved=True),
            ec2.SubnetConfiguration(name="Db", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED)])

# natGateways 0 switches the default subnets to public + isolated.
s = cdk.Stack(app, "VpcNoNat")
ec2.Vpc(s, "Vpc", nat_gateways=0, ip_addresses=ec2.IpAddresses.cidr("192.168.0.0/20"))

# Security groups: inline and standalone rules, the disallow-all egress rule, connections between groups.
s = cdk.Stack(app, "SecurityGroups")
vpc = ec2.Vpc(s, "Vpc", nat_gateways=0, max_azs=1)
web = ec2.SecurityGroup(s, "Web", vpc=vpc)
db = ec2.SecurityGroup(s, "Db", vpc=vpc, allow_all_outbound=False, description="database tier")
closed = ec2.SecurityGroup(s, "Closed", vpc=vpc, allow_all_outbound=False, security_group_name="closed")
standalone = ec2.SecurityGroup(s, "Standalone", vpc=vpc, disable_inline_rules=True)
web.add_ingress_rule(ec2.Peer.ipv4("10.0.0.0/16"), ec2.Port.tcp(22))
web.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp_range(8000, 8080), "web ports")
web.add_ingress_rule(ec2.Peer.any_ipv6(), ec2.Port.HTTPS)
web.add_ingress_rule(ec2.Peer.prefix_list("pl-12345678"), ec2.Port.udp(53))
web.add_ingress_rule(ec2.Peer.security_group_id("sg-0123456789abcdef0"), ec2.Port.icmp_ping())
web.add_ingress_rule(ec2.Peer.ipv4("10.0.0.0/16"), ec2.Port.tcp(22))  # a duplicate is dropped
web.add_egress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(443))  # ignored: allowAllOutbound
db.add_egress_rule(ec2.Peer.ipv4("10.1.0.0/16"), ec2.Port.all_icmp())
db.add_egress_rule(ec2.Peer.any_ipv4(), ec2.Port.udp_range(1000, 2000), "udp out")
db.connections.allow_to(web, ec2.Port.tcp(5432))
web.connections.allow_from(db, ec2.Port.all_tcp(), "everything tcp")
db.connections.allow_internally(ec2.Port.icmp_type_and_code(3, 4))
standalone.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.all_udp())
standalone.add_ingress_rule(ec2.Peer.ipv4("172.16.0.0/12"), ec2.Port.all_traffic(), "vpn")
cache = ec2.Connections(security_groups=[closed], default_port=ec2.Port.tcp(6379))
cache.allow_default_port_from(web, "redis")
cache.allow_default_port_from_any_ipv4()

# Interface endpoints: open (auto security group), closed with given groups, any service by name.
s = cdk.Stack(app, "Endpoints")
vpc = ec2.Vpc(s, "Vpc")
vpc.add_interface_endpoint("SecretsManager", service=ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER)
given = ec2.SecurityGroup(s, "EndpointSG", vpc=vpc, allow_all_outbound=False)
vpc.add_interface_endpoint("Custom",
                           service=ec2.InterfaceVpcEndpointService("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", 8443),
                           private_dns_enabled=False, security_groups=[given],
                           subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC))
ec2.InterfaceVpcEndpoint(s, "Kms", vpc=vpc, service=ec2.InterfaceVpcEndpointAwsService.KMS, open=False,
                         subnets=ec2.SubnetSelection(subnet_group_name="Private"))

# A stack pinned to a China region: endpoint service names take that partition's prefix.
s = cdk.Stack(app, "EndpointsChina", env=cdk.Environment(region="cn-north-1"))
vpc = ec2.Vpc(s, "Vpc", nat_gateways=0, max_azs=1)
vpc.add_interface_endpoint("Ecr", service=ec2.InterfaceVpcEndpointAwsService.ECR)
vpc.add_interface_endpoint("Sm", service=ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER)

# Flow logs to CloudWatch Logs: a standalone one and one added to the VPC.
s = cdk.Stack(app, "FlowLogs")
vpc = ec2.Vpc(s, "Vpc", nat_gateways=0, max_azs=1)
ec2.FlowLog(s, "FlowLog", resource_type=ec2.FlowLogResourceType.from_vpc(vpc))
vpc.add_flow_log("Rejects", traffic_type=ec2.FlowLogTrafficType.REJECT)

# Lambda functions: inline without a VPC, from an asset in a VPC, given role, layers, environment.
s = cdk.Stack(app, "Lambdas")
vpc = ec2.Vpc(s, "Vpc", max_azs=2, nat_gateways=1)
lambda_.Function(s, "Inline", runtime=lambda_.Runtime.NODEJS_22_X, handler="index.handler",
                 code=lambda_.Code.from_inline("exports.handler = async () => 'ok';"))
layer = lambda_.LayerVersion(s, "Deps", code=lambda_.Code.from_asset(os.path.join(ASSETS, "layer")),
                             compatible_runtimes=[lambda_.Runtime.PYTHON_3_12, lambda_.Runtime.PYTHON_3_13],
                             description="dependencies", license="Apache-2.0")
bare_layer = lambda_.LayerVersion(s, "Bare", code=lambda_.Code.from_asset(os.path.join(ASSETS, "layer")))
in_vpc = lambda_.Function(s, "InVpc", runtime=lambda_.Runtime.PYTHON_3_13, handler="app.main",
                          code=lambda_.Code.from_asset(os.path.join(ASSETS, "app")), vpc=vpc,
                          environment={"STAGE": "test", "TABLE": "orders"}, layers=[layer, bare_layer],
                          timeout=cdk.Duration.seconds(30), memory_size=512, description="in a VPC",
                          function_name="in-vpc-function")
in_vpc.add_environment("LATE", "added later")
role = iam.Role(s, "GivenRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
sg = ec2.SecurityGroup(s, "FnSG", vpc=vpc, allow_all_outbound=False)
with_role = lambda_.Function(s, "WithRole", runtime=lambda_.Runtime.JAVA_21, handler="com.example.Handler::handle",
                               code=lambda_.Code.from_asset(os.path.join(ASSETS, "app")), role=role, vpc=vpc,
                               vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
                               security_groups=[sg])
caller = iam.Role(s, "Caller", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
in_vpc.grant_invoke(caller)
lambda_.Function(s, "Custom", runtime=lambda_.Runtime.PROVIDED_AL2023, handler="bootstrap",
                 code=lambda_.Code.from_asset(os.path.join(ASSETS, "app")))

# A dependency on a selection's internetConnectivityEstablished covers routes added to its subnets
# after the dependency was taken (CDK reads the group's members at synthesis).
s = cdk.Stack(app, "LateRoutes")
vpc = ec2.Vpc(s, "Vpc", max_azs=2, nat_gateways=0, subnet_configuration=[
    ec2.SubnetConfiguration(name="Public", subnet_type=ec2.SubnetType.PUBLIC),
    ec2.SubnetConfiguration(name="Isolated", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED)])
waiter = cdk.CfnWaitConditionHandle(s, "Waiter")
waiter.node.add_dependency(
    vpc.select_subnets(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED).internet_connectivity_established)
for i, subnet in enumerate(vpc.isolated_subnets):
    subnet.add_route("Egress", router_type=ec2.RouterType.NETWORK_INTERFACE,
                     router_id="eni-0123456789abcdef%d" % i, enables_internet_connectivity=True)

app.synth()
