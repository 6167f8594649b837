import StackKit
import Testing

@testable import StackToolkit

@Suite struct DeploySummaryTests {
  private let old = testJSON(
    """
    {"Resources": {
      "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
      "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x"}},
      "Old": {"Type": "AWS::SQS::Queue"}
    }}
    """)
  private let new = testJSON(
    """
    {"Resources": {
      "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.1.0.0/16"}},
      "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x",
        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
          "CidrIp": "0.0.0.0/0"}]}},
      "Topic": {"Type": "AWS::SNS::Topic"}
    }}
    """)

  @Test func changeSetRowsUseCloudFormationsReplacement() {
    let diff = TemplateDiff(old: old, new: new)
    let summary = ChangeSummary(
      stackName: "Demo",
      changes: [
        PlannedChange(
          action: .modify, logicalID: "Vpc", resourceType: "AWS::EC2::VPC", replacement: "True",
          replacingProperties: ["CidrBlock"]),
        PlannedChange(
          action: .modify, logicalID: "Sg", resourceType: "AWS::EC2::SecurityGroup",
          replacement: "False"),
        PlannedChange(action: .add, logicalID: "Topic", resourceType: "AWS::SNS::Topic"),
        PlannedChange(action: .remove, logicalID: "Old", resourceType: "AWS::SQS::Queue"),
      ], diff: diff)
    #expect(summary.countsText == "1 to add, 2 to modify (1 replaced), 1 to remove")
    #expect(summary.rows.first?.replacement == "replace")
    #expect(summary.rows.first?.because == ["CidrBlock"])
    #expect(summary.broadensSecurity)
    let text = summary.render(color: false)
    #expect(text.contains("│ ~ │ Vpc        │ AWS::EC2::VPC           │ replace (CidrBlock) │"))
    #expect(text.contains("Security group changes (broadening):"))
    #expect(text.contains("0.0.0.0/0"))
  }

  @Test func missingReplacementComesFromTheDiffAndEmptyChangeListFromTheTemplates() {
    let diff = TemplateDiff(old: old, new: new)
    let fromDiff = ChangeSummary(
      stackName: "Demo",
      changes: [PlannedChange(action: .modify, logicalID: "Vpc", resourceType: "AWS::EC2::VPC")],
      diff: diff)
    #expect(fromDiff.rows.first?.replacement == "replace")
    #expect(fromDiff.rows.first?.because == ["CidrBlock"])
    let templatesOnly = ChangeSummary(stackName: "Demo", changes: [], diff: diff)
    #expect(templatesOnly.rows.map(\.logicalID).sorted() == ["Old", "Sg", "Topic", "Vpc"])
    #expect(templatesOnly.replaceCount == 1)
  }

  @Test func approvalLevels() {
    let broad = ChangeSummary(stackName: "D", changes: [], diff: TemplateDiff(old: old, new: new))
    var narrowNew = new
    if case .object(var root) = narrowNew, var resources = root["Resources"]?.objectValue {
      resources["Sg"] = old["Resources"]?["Sg"]
      root["Resources"] = .object(resources)
      narrowNew = .object(root)
    }
    let narrow = ChangeSummary(
      stackName: "D", changes: [], diff: TemplateDiff(old: old, new: narrowNew))
    let none = ChangeSummary(stackName: "D", changes: [], diff: TemplateDiff(old: old, new: old))
    #expect(!narrow.broadensSecurity)
    #expect(ApprovalLevel.broadening.requiresApproval(broad))
    #expect(!ApprovalLevel.broadening.requiresApproval(narrow))
    #expect(ApprovalLevel.anyChange.requiresApproval(narrow))
    #expect(!ApprovalLevel.anyChange.requiresApproval(none))
    #expect(!ApprovalLevel.never.requiresApproval(broad))
  }
}

@Suite struct DeploySchedulerTests {
  actor Log {
    var events: [String] = []
    var running = 0
    var maxRunning = 0
    func start(_ id: String) {
      events.append("start \(id)")
      running += 1
      maxRunning = max(maxRunning, running)
    }
    func end(_ id: String) {
      events.append("end \(id)")
      running -= 1
    }
    /// Waits until `count` operations have run at the same time, or 10 s have passed (a
    /// scheduler that does not run them together then fails the test, slowly but surely). No
    /// operation ends before that, however slow the machine is to start the others.
    func waitUntilRunTogether(_ count: Int) async {
      let deadline = ContinuousClock.now + .seconds(10)
      while maxRunning < count && ContinuousClock.now < deadline {
        try? await Task.sleep(for: .milliseconds(5))
      }
    }
  }

  struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }

  private let items: [StackScheduler.Item] = [
    .init(id: "Network", dependencies: []),
    .init(id: "Data", dependencies: ["Network"]),
    .init(id: "App", dependencies: ["Data", "Network"]),
    .init(id: "Other", dependencies: []),
    .init(id: "Monitoring", dependencies: ["Other"]),
  ]

  @Test func dependenciesFirstIndependentOnesConcurrently() async throws {
    let log = Log()
    let outcomes = try await StackScheduler.run(items, concurrency: 4) { id in
      await log.start(id)
      // The two stacks without dependencies start together.
      if id == "Network" || id == "Other" { await log.waitUntilRunTogether(2) }
      await log.end(id)
    }
    #expect(outcomes.values.allSatisfy { $0 == .succeeded })
    let events = await log.events
    func index(_ e: String) -> Int { events.firstIndex(of: e) ?? -1 }
    #expect(index("end Network") < index("start Data"))
    #expect(index("end Data") < index("start App"))
    #expect(index("end Other") < index("start Monitoring"))
    #expect(await log.maxRunning == 2)
  }

  @Test func concurrencyLimitIsKept() async throws {
    let log = Log()
    let flat = (1...6).map { StackScheduler.Item(id: "S\($0)", dependencies: []) }
    _ = try await StackScheduler.run(flat, concurrency: 3) { id in
      await log.start(id)
      await log.waitUntilRunTogether(3)
      await log.end(id)
    }
    #expect(await log.maxRunning == 3)
  }

  @Test func failureSkipsDependentsOnly() async throws {
    let outcomes = try await StackScheduler.run(items, concurrency: 1) { id in
      if id == "Network" { throw Boom() }
    }
    #expect(outcomes["Network"] == .failed("boom"))
    #expect(outcomes["Data"] == .skipped(because: "Network"))
    #expect(outcomes["App"] == .skipped(because: "Network"))
    #expect(outcomes["Other"] == .succeeded)
    #expect(outcomes["Monitoring"] == .succeeded)
  }

  @Test func reverseOrderForDestroy() async throws {
    let log = Log()
    _ = try await StackScheduler.run(items, concurrency: 1, reverse: true) { id in
      await log.start(id)
      await log.end(id)
    }
    let events = await log.events
    func index(_ e: String) -> Int { events.firstIndex(of: e) ?? -1 }
    #expect(index("end App") < index("start Data"))
    #expect(index("end Data") < index("start Network"))
    #expect(index("end Monitoring") < index("start Other"))
  }

  @Test func cyclesAreRejected() async {
    do {
      _ = try await StackScheduler.run(
        [.init(id: "A", dependencies: ["B"]), .init(id: "B", dependencies: ["A"])],
        concurrency: 2
      ) { _ in }
      Issue.record("a cycle was accepted")
    } catch {
      #expect("\(error)".contains("cycle"))
    }
  }
}
