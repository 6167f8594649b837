import StackKit
import Testing

@testable import StackKitAWS

@Suite struct EndpointTests {
  @Test func openClosedAndByNameEndpointsMatchCDK() throws {
    try EC2TestSupport.expectMatchesFixture("Endpoints") { stack in
      let vpc = EC2.Vpc(stack, "Vpc")
      vpc.addInterfaceEndpoint(
        "SecretsManager", service: EC2.InterfaceVpcEndpointAwsService.secretsManager)
      let given = EC2.SecurityGroup(stack, "EndpointSG", vpc: vpc, allowAllOutbound: false)
      vpc.addInterfaceEndpoint(
        "Custom",
        service: EC2.InterfaceVpcEndpointService(
          "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", port: 8443),
        subnets: EC2.SubnetSelection(subnetType: .public), securityGroups: [given],
        privateDNSEnabled: false)
      _ = EC2.InterfaceVpcEndpoint(
        stack, "Kms", vpc: vpc, service: EC2.InterfaceVpcEndpointAwsService.kms,
        subnets: EC2.SubnetSelection(subnetGroupName: "Private"), open: false)
    }
  }

  @Test func serviceNamesFollowTheRegionAsCDK() throws {
    try EC2TestSupport.expectMatchesFixture(
      "EndpointsChina", environment: Environment(region: "cn-north-1")
    ) { stack in
      let vpc = EC2.Vpc(stack, "Vpc", maxAZs: 1, natGateways: 0)
      vpc.addInterfaceEndpoint("Ecr", service: EC2.InterfaceVpcEndpointAwsService.ecr)
      vpc.addInterfaceEndpoint("Sm", service: EC2.InterfaceVpcEndpointAwsService.secretsManager)
    }
  }

  @Test func globalAndPrefixedServiceNames() {
    let app = App(environment: [:])
    let stack = Stack(app, "S", environment: Environment(region: "eu-west-1"))
    #expect(
      EC2.InterfaceVpcEndpointAwsService.iam.name(in: stack).literalString == "com.amazonaws.iam")
    #expect(
      EC2.InterfaceVpcEndpointAwsService.keyspaces.name(in: stack).literalString
        == "com.amazonaws.eu-west-1.cassandra")
    #expect(EC2.InterfaceVpcEndpointAwsService.keyspaces.port == 9142)
    #expect(
      EC2.InterfaceVpcEndpointAwsService.billingAndCostManagementFreetier.name(in: stack)
        .literalString == "aws.api.eu-west-1.freetier")
  }

  @Test func aSecurityGroupOfAnotherVpcIsReported() {
    let problems = EC2TestSupport.problems { stack in
      let a = EC2.Vpc(stack, "A", natGateways: 0)
      let b = EC2.Vpc(stack, "B", natGateways: 0)
      let foreign = EC2.SecurityGroup(stack, "Foreign", vpc: b)
      a.addInterfaceEndpoint(
        "Sm", service: EC2.InterfaceVpcEndpointAwsService.secretsManager,
        securityGroups: [foreign])
    }
    #expect(
      problems.contains(
        "S/A/Sm: the security group S/Foreign belongs to the VPC S/B, not to S/A where the endpoint is. Use a security group of S/A."
      ))
  }

  @Test func anEndpointWithoutSubnetsIsReported() {
    let problems = EC2TestSupport.problems { stack in
      let vpc = EC2.Vpc(stack, "Vpc", natGateways: 0)
      vpc.addInterfaceEndpoint(
        "Sm", service: EC2.InterfaceVpcEndpointAwsService.secretsManager,
        subnets: EC2.SubnetSelection(subnetType: .privateWithEgress))
    }
    #expect(
      problems.contains {
        $0.hasPrefix("S/Vpc: there are no Private subnets in this VPC (it has Public, Isolated)")
      })
    #expect(problems.contains { $0.hasPrefix("S/Vpc/Sm: the endpoint has no subnets") })
  }
}
