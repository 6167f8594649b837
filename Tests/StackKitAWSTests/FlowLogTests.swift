import StackKit
import Testing

@testable import StackKitAWS

@Suite struct FlowLogTests {
  @Test func flowLogsToCloudWatchLogsMatchCDK() throws {
    try EC2TestSupport.expectMatchesFixture("FlowLogs") { stack in
      let vpc = EC2.Vpc(stack, "Vpc", maxAZs: 1, natGateways: 0)
      EC2.FlowLog(stack, "FlowLog", resourceType: .fromVPC(vpc))
      vpc.addFlowLog("Rejects", trafficType: .reject)
    }
  }

  @Test func givenRoleAndLogGroupAreUsedAndNothingIsCreated() throws {
    let template = try EC2TestSupport.synthesize("S") { stack in
      let vpc = EC2.Vpc(stack, "Vpc", maxAZs: 1, natGateways: 0)
      let role = IAM.Role(
        stack, "Writer", assumedBy: IAM.ServicePrincipal("vpc-flow-logs.amazonaws.com"))
      let group = Logs.LogGroup(stack, "Group")
      EC2.FlowLog(
        stack, "Log", resourceType: .fromSubnet(vpc.isolatedSubnets[0]),
        destination: .cloudWatchLogs(logGroup: group, role: role), flowLogName: "audit",
        maxAggregationInterval: 60, logFormat: ["${srcaddr}", "${dstaddr}"])
    }
    let resources = template["Resources"]?.objectValue
    #expect(
      resources?.map(\.key).contains { $0.hasPrefix("LogIAMRole") || $0.hasPrefix("LogLogGroup") }
        == false)
    let flowLog = try #require(EC2TestSupport.resource(template, "Log"))
    #expect(flowLog["Properties"]?["ResourceType"] == .string("Subnet"))
    #expect(flowLog["Properties"]?["LogFormat"] == .string("${srcaddr} ${dstaddr}"))
    #expect(flowLog["Properties"]?["MaxAggregationInterval"] == .int(60))
    #expect(
      EC2TestSupport.text(flowLog["Properties"]?["Tags"] ?? .null)
        == #"[{"Key":"Name","Value":"audit"}]"#)
    #expect(EC2TestSupport.resource(template, "WriterDefaultPolicy") != nil)
  }

  @Test func badAggregationIntervalAndTransitGatewayTrafficTypeAreReported() {
    let problems = EC2TestSupport.problems { stack in
      let vpc = EC2.Vpc(stack, "Vpc", maxAZs: 1, natGateways: 0)
      EC2.FlowLog(stack, "A", resourceType: .fromVPC(vpc), maxAggregationInterval: 120)
      EC2.FlowLog(stack, "B", resourceType: .fromTransitGatewayID("tgw-1"), trafficType: .reject)
    }
    #expect(problems.contains { $0.hasPrefix("S/A: maxAggregationInterval is 120 seconds") })
    #expect(
      problems.contains { $0.hasPrefix("S/B: trafficType is set, but transit gateway flow logs") })
  }
}
