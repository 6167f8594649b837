import StackKit
import Testing

@testable import StackKitAWS

@Suite struct VpcTests {
  @Test func defaultVpcMatchesCDK() throws {
    try EC2TestSupport.expectMatchesFixture("VpcDefault") { stack in
      _ = EC2.Vpc(stack, "Vpc")
    }
  }

  @Test func threeTiersWithMasksAndOneNATGatewayMatchCDK() throws {
    try EC2TestSupport.expectMatchesFixture("VpcThreeTiers") { stack in
      _ = EC2.Vpc(
        stack, "Vpc", maxAZs: 3,
        subnetConfiguration: [
          EC2.SubnetConfiguration(name: "Ingress", subnetType: .public, cidrMask: 24),
          EC2.SubnetConfiguration(name: "App", subnetType: .privateWithEgress, cidrMask: 22),
          EC2.SubnetConfiguration(name: "Data", subnetType: .privateIsolated, cidrMask: 28),
        ], natGateways: 1)
    }
  }

  @Test func masksLeftOutShareTheRestAndReservedGroupsTakeSpaceAsCDK() throws {
    try EC2TestSupport.expectMatchesFixture("VpcAutoSplit") { stack in
      _ = EC2.Vpc(
        stack, "Network", ipAddresses: .cidr("10.20.0.0/16"), maxAZs: 1,
        subnetConfiguration: [
          EC2.SubnetConfiguration(
            name: "Front", subnetType: .public, cidrMask: 26, mapPublicIPOnLaunch: false),
          EC2.SubnetConfiguration(name: "Back", subnetType: .privateWithEgress),
          EC2.SubnetConfiguration(
            name: "Spare", subnetType: .privateIsolated, cidrMask: 24, reserved: true),
          EC2.SubnetConfiguration(name: "Db", subnetType: .privateIsolated),
        ], enableDNSHostnames: false, vpcName: "shared-network")
    }
  }

  @Test func noNATGatewaysMeansPublicAndIsolatedSubnetsAsCDK() throws {
    try EC2TestSupport.expectMatchesFixture("VpcNoNat") { stack in
      _ = EC2.Vpc(stack, "Vpc", ipAddresses: .cidr("192.168.0.0/20"), natGateways: 0)
    }
  }
}
