import StackKit
import Testing

@testable import StackKitAWS

@Suite struct SecurityGroupTests {
  @Test func inlineAndStandaloneRulesAndConnectionsMatchCDK() throws {
    try EC2TestSupport.expectMatchesFixture("SecurityGroups") { stack in
      let vpc = EC2.Vpc(stack, "Vpc", maxAZs: 1, natGateways: 0)
      let web = EC2.SecurityGroup(stack, "Web", vpc: vpc)
      let db = EC2.SecurityGroup(
        stack, "Db", vpc: vpc, description: "database tier", allowAllOutbound: false)
      let closed = EC2.SecurityGroup(
        stack, "Closed", vpc: vpc, securityGroupName: "closed", allowAllOutbound: false)
      let standalone = EC2.SecurityGroup(stack, "Standalone", vpc: vpc, disableInlineRules: true)
      web.addIngressRule(EC2.Peer.ipv4("10.0.0.0/16"), .tcp(22))
      web.addIngressRule(EC2.Peer.anyIPv4(), .tcpRange(8000, 8080), description: "web ports")
      web.addIngressRule(EC2.Peer.anyIPv6(), .https)
      web.addIngressRule(EC2.Peer.prefixList("pl-12345678"), .udp(53))
      web.addIngressRule(EC2.Peer.securityGroupID("sg-0123456789abcdef0"), .icmpPing())
      web.addIngressRule(EC2.Peer.ipv4("10.0.0.0/16"), .tcp(22))  // a duplicate is dropped
      web.addEgressRule(EC2.Peer.anyIPv4(), .tcp(443))  // ignored: allowAllOutbound
      db.addEgressRule(EC2.Peer.ipv4("10.1.0.0/16"), .allICMP())
      db.addEgressRule(EC2.Peer.anyIPv4(), .udpRange(1000, 2000), description: "udp out")
      db.connections.allowTo(web, .tcp(5432))
      web.connections.allowFrom(db, .allTCP(), description: "everything tcp")
      db.connections.allowInternally(.icmpTypeAndCode(3, 4))
      standalone.addIngressRule(EC2.Peer.anyIPv4(), .allUDP())
      standalone.addIngressRule(EC2.Peer.ipv4("172.16.0.0/12"), .allTraffic(), description: "vpn")
      let cache = EC2.Connections(securityGroups: [closed], defaultPort: .tcp(6379))
      cache.allowDefaultPortFrom(web, description: "redis")
      cache.allowDefaultPortFromAnyIPv4()
    }
  }

  @Test func defaultsAreDescriptionFromPathAndAllowAllOutbound() throws {
    let template = try EC2TestSupport.synthesize("S") { stack in
      let vpc = EC2.Vpc(stack, "Vpc", natGateways: 0)
      _ = EC2.SecurityGroup(stack, "Group", vpc: vpc)
    }
    let group = EC2TestSupport.resource(template, "Group")?["Properties"]
    #expect(group?["GroupDescription"] == .string("S/Group"))
    #expect(
      EC2TestSupport.text(group?["SecurityGroupEgress"] ?? .null)
        == #"[{"CidrIp":"0.0.0.0/0","Description":"Allow all outbound traffic by default","IpProtocol":"-1"}]"#
    )
    #expect(group?["SecurityGroupIngress"] == nil)
  }

  @Test func closedGroupKeepsTheDisallowRuleUntilAnEgressRuleArrives() throws {
    let template = try EC2TestSupport.synthesize("S") { stack in
      let vpc = EC2.Vpc(stack, "Vpc", natGateways: 0)
      _ = EC2.SecurityGroup(stack, "Closed", vpc: vpc, allowAllOutbound: false)
      let open = EC2.SecurityGroup(stack, "Opened", vpc: vpc, allowAllOutbound: false)
      open.addEgressRule(EC2.Peer.ipv4("10.0.0.0/8"), .https)
    }
    let closed = template["Resources"]?["ClosedBAF26A78"]?["Properties"]?["SecurityGroupEgress"]
    #expect(closed?.arrayValue?.first?["Description"] == .string("Disallow all traffic"))
    #expect(closed?.arrayValue?.first?["FromPort"] == .int(252))
    #expect(closed?.arrayValue?.first?["ToPort"] == .int(86))
    let opened = try #require(EC2TestSupport.resource(template, "Opened"))
    #expect(
      EC2TestSupport.text(opened["Properties"]?["SecurityGroupEgress"] ?? .null)
        == #"[{"CidrIp":"10.0.0.0/8","Description":"from 10.0.0.0/8:443","FromPort":443,"IpProtocol":"tcp","ToPort":443}]"#
    )
  }

  @Test func standaloneClosedGroupDropsTheDisallowResourceOnFirstEgressRule() throws {
    let template = try EC2TestSupport.synthesize("S") { stack in
      let vpc = EC2.Vpc(stack, "Vpc", natGateways: 0)
      _ = EC2.SecurityGroup(
        stack, "Kept", vpc: vpc, allowAllOutbound: false, disableInlineRules: true)
      let dropped = EC2.SecurityGroup(
        stack, "Dropped", vpc: vpc, allowAllOutbound: false, disableInlineRules: true)
      dropped.addEgressRule(EC2.Peer.anyIPv4(), .https)
    }
    let ids = template["Resources"]?.objectValue?.map(\.key) ?? []
    #expect(ids.contains { $0.hasPrefix("Keptto255255255255") })
    #expect(!ids.contains { $0.hasPrefix("Droppedto255255255255") })
    #expect(ids.contains { $0.hasPrefix("Droppedto00000443") })
  }

  @Test func portsOutOfRangeAreReportedWithTheGroupPath() {
    let problems = EC2TestSupport.problems { stack in
      let vpc = EC2.Vpc(stack, "Vpc", natGateways: 0)
      let sg = EC2.SecurityGroup(stack, "Group", vpc: vpc)
      sg.addIngressRule(EC2.Peer.anyIPv4(), .tcp(70000))
      sg.addIngressRule(EC2.Peer.anyIPv4(), .tcpRange(900, 80))
      sg.addIngressRule(EC2.Peer.anyIPv4(), .udp(-5))
      sg.addIngressRule(EC2.Peer.anyIPv4(), .icmpType(300))
    }
    #expect(
      problems.contains(
        "S/Group: the tcp port 70000 is outside 0-65535. Use a port from 0 to 65535."))
    #expect(
      problems.contains { $0.hasPrefix("S/Group: the tcp port range 900-80 starts after it ends.") }
    )
    #expect(problems.contains { $0.hasPrefix("S/Group: the udp port -5 is outside 0-65535.") })
    #expect(problems.contains { $0.hasPrefix("S/Group: the ICMP type 300 is outside -1-255.") })
  }

  @Test func malformedPeersAreReported() {
    let problems = EC2TestSupport.problems { stack in
      let vpc = EC2.Vpc(stack, "Vpc", natGateways: 0)
      let sg = EC2.SecurityGroup(stack, "Group", vpc: vpc)
      sg.addIngressRule(EC2.Peer.ipv4("10.0.0.1"), .ssh)
      sg.addIngressRule(EC2.Peer.ipv4("10.0.0/8"), .ssh)
      sg.addIngressRule(EC2.Peer.securityGroupID("group-1"), .ssh)
    }
    #expect(problems.contains { $0.contains("has no mask. Did you mean \"10.0.0.1/32\"?") })
    #expect(problems.contains { $0.contains("\"10.0.0/8\" is not an IPv4 CIDR block") })
    #expect(problems.contains { $0.contains("\"group-1\" is not a security group id") })
  }

  @Test func aGroupOfAnotherVpcIsReported() {
    let problems = EC2TestSupport.problems { stack in
      let a = EC2.Vpc(stack, "A", natGateways: 0)
      let b = EC2.Vpc(stack, "B", ipAddresses: .cidr("10.1.0.0/16"), natGateways: 0)
      let sgA = EC2.SecurityGroup(stack, "InA", vpc: a)
      let sgB = EC2.SecurityGroup(stack, "InB", vpc: b)
      sgA.connections.allowFrom(sgB, .https)
    }
    #expect(
      problems.contains {
        $0.hasPrefix(
          "S/InA: a rule connects this group with S/InB, which belongs to another VPC (S/B, not S/A)"
        )
      })
  }

  @Test func allTrafficEgressRuleIsRefused() {
    let problems = EC2TestSupport.problems { stack in
      let vpc = EC2.Vpc(stack, "Vpc", natGateways: 0)
      let sg = EC2.SecurityGroup(stack, "Group", vpc: vpc, allowAllOutbound: false)
      sg.addEgressRule(EC2.Peer.anyIPv4(), .allTraffic())
    }
    #expect(
      problems.contains { $0.contains("Set allowAllOutbound (or allowAllIPv6Outbound) to true") })
  }

  @Test func defaultPortMethodsNeedADefaultPort() {
    let problems = EC2TestSupport.problems { stack in
      let vpc = EC2.Vpc(stack, "Vpc", natGateways: 0)
      let sg = EC2.SecurityGroup(stack, "Group", vpc: vpc)
      sg.connections.allowDefaultPortFromAnyIPv4()
    }
    #expect(
      problems.contains {
        $0.hasPrefix(
          "S/Group: allowDefaultPortFromAnyIPv4: these connections have no default port.")
      })
  }
}
