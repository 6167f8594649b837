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

@Suite struct VpcValidationTests {
  @Test func aMaskOutsideSixteenToTwentyEightIsReported() {
    let problems = EC2TestSupport.problems { stack in
      _ = EC2.Vpc(
        stack, "Vpc",
        subnetConfiguration: [
          EC2.SubnetConfiguration(name: "Tiny", subnetType: .privateIsolated, cidrMask: 30)
        ])
    }
    #expect(
      problems == [
        "S/Vpc: the subnet group \"Tiny\" has cidrMask 30; subnet masks must be 16 to 28 (a /28 is the smallest subnet AWS allows). Choose a cidrMask from 16 to 28."
      ])
  }

  @Test func subnetsThatDoNotFitTheVpcAreReported() {
    let problems = EC2TestSupport.problems { stack in
      _ = EC2.Vpc(
        stack, "Vpc", ipAddresses: .cidr("10.0.0.0/24"),
        subnetConfiguration: [
          EC2.SubnetConfiguration(name: "Big", subnetType: .privateIsolated, cidrMask: 25),
          EC2.SubnetConfiguration(name: "More", subnetType: .privateIsolated, cidrMask: 26),
        ])
    }
    #expect(
      problems == [
        "S/Vpc: the subnet group \"More\" (cidrMask 26) does not fit in the VPC CIDR 10.0.0.0/24: 0 addresses are left after the groups before it, and a /26 needs 64 per zone across 2 zone(s). Use a larger cidrMask, fewer zones (maxAZs), or a larger VPC CIDR."
      ])
  }

  @Test func aSubnetLargerThanTheVpcIsReported() {
    let problems = EC2TestSupport.problems { stack in
      _ = EC2.Vpc(
        stack, "Vpc", ipAddresses: .cidr("10.0.0.0/20"),
        subnetConfiguration: [
          EC2.SubnetConfiguration(name: "Huge", subnetType: .public, cidrMask: 16)
        ], natGateways: 0)
    }
    #expect(problems.count == 1)
    #expect(
      problems.first?.hasPrefix(
        "S/Vpc: the subnet group \"Huge\" (cidrMask 16) does not fit in the VPC CIDR 10.0.0.0/20")
        == true)
  }

  @Test func badVpcBlocksAreReported() {
    let cases: [(String, String)] = [
      (
        "10.0.0/16",
        "S/Vpc: the VPC CIDR \"10.0.0/16\" is not an IPv4 CIDR block. Write it as a.b.c.d/n, such as 10.0.0.0/16."
      ),
      (
        "10.0.0.0/12",
        "S/Vpc: the VPC CIDR 10.0.0.0/12 is a /12; a VPC's block must be /16 to /28. Use a prefix length from 16 to 28."
      ),
      (
        "10.0.3.0/16",
        "S/Vpc: the VPC CIDR 10.0.3.0/16 has host bits set; CDK would silently move it up to 10.1.0.0/16. Write the network address of the block you mean, such as 10.0.0.0/16."
      ),
    ]
    for (cidr, message) in cases {
      let problems = EC2TestSupport.problems { stack in
        _ = EC2.Vpc(stack, "Vpc", ipAddresses: .cidr(cidr), natGateways: 0)
      }
      #expect(problems == [message])
    }
  }

  @Test func maxAZsBelowOneIsReported() {
    let problems = EC2TestSupport.problems { stack in
      _ = EC2.Vpc(stack, "Vpc", maxAZs: 0)
    }
    #expect(
      problems.contains {
        $0.hasPrefix("S/Vpc: maxAZs is 0; a VPC needs at least one availability zone.")
      })
  }

  @Test func privateSubnetsWithoutPublicOnesCannotGetNATGateways() {
    let problems = EC2TestSupport.problems { stack in
      _ = EC2.Vpc(
        stack, "Vpc",
        subnetConfiguration: [EC2.SubnetConfiguration(name: "App", subnetType: .privateWithEgress)])
    }
    #expect(
      problems.contains {
        $0.hasPrefix(
          "S/Vpc: the VPC needs 2 NAT gateway(s) for its private subnets with egress, but has no public subnet group"
        )
      })
  }

  @Test func dnsHostnamesNeedDNSSupportAndMapPublicIPIsForPublicSubnets() {
    let problems = EC2TestSupport.problems { stack in
      _ = EC2.Vpc(
        stack, "Vpc",
        subnetConfiguration: [
          EC2.SubnetConfiguration(
            name: "Data", subnetType: .privateIsolated, mapPublicIPOnLaunch: true)
        ], enableDNSSupport: false)
    }
    #expect(
      problems.contains {
        $0.hasPrefix("S/Vpc: enableDNSHostnames is true but enableDNSSupport is false")
      })
    #expect(
      problems.contains {
        $0.hasPrefix("S/Vpc: the Isolated subnet group \"Data\" sets mapPublicIPOnLaunch")
      })
  }
}

@Suite struct SubnetSelectionTests {
  func referenceVpc(_ stack: Stack) -> EC2.Vpc {
    EC2.Vpc(
      stack, "Vpc",
      subnetConfiguration: [
        EC2.SubnetConfiguration(name: "Isolated", subnetType: .privateIsolated, cidrMask: 24)
      ])
  }

  @Test func isolatedSelectionHasTheReferenceSubnetsAndTheirAssociations() throws {
    let app = App(environment: [:])
    let stack = Stack(app, "RedisRbacStack")
    let vpc = referenceVpc(stack)
    let selected = vpc.selectSubnets(subnetType: .privateIsolated)
    #expect(
      selected.subnets.map(\.resource.logicalID) == [
        "VpcIsolatedSubnet1SubnetE48C5737", "VpcIsolatedSubnet2Subnet16364B91",
      ])
    #expect(selected.subnets.map(\.ipv4CIDRBlock) == ["10.0.0.0/24", "10.0.1.0/24"])
    #expect(
      selected.internetConnectivityEstablished.roots.compactMap { ($0 as? CfnElement)?.logicalID }
        == [
          "VpcIsolatedSubnet1RouteTableAssociationD300FCBB",
          "VpcIsolatedSubnet2RouteTableAssociationF7B18CCA",
        ])
    #expect(!selected.hasPublic)
    // The default selection falls back to isolated subnets when there are no private ones.
    #expect(vpc.selectSubnets().subnets.count == 2)
    #expect(vpc.selectSubnets(subnetGroupName: "Isolated").subnets.count == 2)
  }

  @Test func privateSubnetsDependOnTheirNATRoutes() {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let vpc = EC2.Vpc(stack, "Vpc")
    let roots = vpc.selectSubnets().internetConnectivityEstablished.roots
    #expect(roots.compactMap { ($0 as? CfnElement)?.logicalID }.count == 4)
    #expect(vpc.selectSubnets(EC2.SubnetSelection(subnetType: .public, onePerAZ: true)).hasPublic)
  }

  @Test func missingGroupsAndConflictingSelectionsAreReported() {
    let problems = EC2TestSupport.problems { stack in
      let vpc = referenceVpc(stack)
      _ = vpc.selectSubnets(subnetGroupName: "Web")
      _ = vpc.selectSubnets(subnetType: .public)
      _ = vpc.selectSubnets(EC2.SubnetSelection(subnetType: .public, subnetGroupName: "Isolated"))
    }
    #expect(
      problems.contains(
        "S/Vpc: there is no subnet group named \"Web\" in this VPC (it has Isolated). Select one of those names."
      ))
    #expect(
      problems.contains(
        "S/Vpc: there are no Public subnets in this VPC (it has Isolated). Select another subnet type or add a Public subnet group."
      ))
    #expect(
      problems.contains(
        "S/Vpc: a subnet selection gives subnetType and subnetGroupName; give only one of subnets, subnetType and subnetGroupName."
      ))
  }

  @Test func explicitZonesAndContextZonesAreUsed() throws {
    let template = try EC2TestSupport.synthesize("S") { stack in
      _ = EC2.Vpc(stack, "Vpc", availabilityZones: ["us-east-1a", "us-east-1c"], natGateways: 0)
    }
    let subnet = EC2TestSupport.resource(template, "VpcPublicSubnet2Subnet")
    #expect(subnet?["Properties"]?["AvailabilityZone"] == .string("us-east-1c"))

    let app = App(
      context: [
        "availability-zones:account=123456789012:region=eu-west-1": .array(
          ["eu-west-1a", "eu-west-1b", "eu-west-1c"].map(JSON.string))
      ], environment: [:])
    let stack = Stack(
      app, "Fixed", environment: Environment(account: "123456789012", region: "eu-west-1"))
    let vpc = EC2.Vpc(stack, "Vpc", natGateways: 1)
    #expect(
      vpc.availabilityZones.compactMap(\.literalString) == [
        "eu-west-1a", "eu-west-1b", "eu-west-1c",
      ])
    #expect(
      vpc.privateSubnets.map(\.ipv4CIDRBlock) == ["10.0.96.0/19", "10.0.128.0/19", "10.0.160.0/19"])
  }
}
