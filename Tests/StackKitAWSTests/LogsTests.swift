import StackKit
import Testing

@testable import StackKitAWS

@Suite struct LogsTests {
  /// The same calls as Fixtures/cdk/programs/logs.py.
  @Test func logGroupsAndGrantsRenderAsCDK() throws {
    let template = try synthesizeStack { s in
      let lg = Logs.LogGroup(s, "LG")
      let lg2 = Logs.LogGroup(
        s, "LG2", logGroupName: "/app/x", retention: .infinite, removalPolicy: .destroy)
      let lg3 = Logs.LogGroup(s, "LG3", retention: .oneWeek, logGroupClass: .infrequentAccess)
      let r = IAM.Role(s, "R", assumedBy: IAM.ServicePrincipal("vpc-flow-logs.amazonaws.com"))
      lg.grantWrite(r)
      lg2.grant(
        r, actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"])
      lg3.grantRead(r)
    }
    expectSameResources(template, try cdkFixture("units/logs.template.json"))
  }

  @Test func defaultsAreTwoYearsAndRetain() throws {
    var id = ""
    let template = try synthesizeStack { s in id = Logs.LogGroup(s, "Group").resource.logicalID }
    let group = template["Resources"]?[id]
    #expect(group?["Properties"]?["RetentionInDays"] == .int(731))
    #expect(group?["DeletionPolicy"] == .string("Retain"))
    #expect(group?["UpdateReplacePolicy"] == .string("Retain"))
  }

  @Test func badNamesAndServiceGrantsAreReported() {
    let problems = synthesisProblems { s in
      let group = Logs.LogGroup(s, "Group", logGroupName: "has space")
      group.grantWrite(IAM.ServicePrincipal("delivery.logs.amazonaws.com"))
    }
    #expect(problems.contains { $0.hasPrefix("S/Group: the log group name \"has space\"") })
    #expect(problems.contains { $0.hasPrefix("S/Group: a grant on the log group") })
  }
}
