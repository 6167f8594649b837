import StackKit

/// A small shared network: a VPC with two isolated subnets, a route table, and a security group.
final class SharedNetworkStack: Stack {
  @discardableResult
  init(_ scope: Construct, _ id: String) {
    super.init(scope, id, description: "Shared network for the example stacks")
    let vpc = CfnResource(
      self, "Vpc", type: "AWS::EC2::VPC",
      properties: [
        ("CidrBlock", "10.20.0.0/16"), ("EnableDnsHostnames", true), ("EnableDnsSupport", true),
      ])
    for i in 0..<2 {
      let subnet = CfnResource(
        self, "Subnet\(i + 1)", type: "AWS::EC2::Subnet",
        properties: [
          ("AvailabilityZone", Fn.select(i, Fn.getAZs())),
          ("CidrBlock", .string("10.20.\(i * 16).0/20")),
          ("VpcId", vpc.ref),
        ])
      _ = subnet
    }
    let sg = CfnResource(
      self, "AppSecurityGroup", type: "AWS::EC2::SecurityGroup",
      properties: [("GroupDescription", "App"), ("VpcId", vpc.ref)])
    _ = CfnOutput(self, "VpcId", value: vpc.ref)
    _ = CfnOutput(self, "SecurityGroupId", value: sg.getAtt("GroupId"))
  }
}
