import AWSClient
import Foundation
import StackKit
import Testing

@testable import StackToolkit

/// `stack deploy` against the scripted ``FakeCloud``: what moto cannot show.
@Suite struct DeployEngineTests {
  static let vpcTemplate = """
    {
      "Resources": {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "Queue": {"Type": "AWS::SQS::Queue"}
      },
      "Outputs": {"VpcId": {"Value": {"Ref": "Vpc"}}}
    }
    """
  static let vpcTemplateV2 = """
    {
      "Resources": {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}}
      }
    }
    """
  static let broadTemplate = """
    {
      "Resources": {
        "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "web",
          "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
            "CidrIp": "0.0.0.0/0"}]}}
      }
    }
    """

  static func options(_ change: (inout DeployOptions) -> Void = { _ in }) -> DeployOptions {
    testDeployOptions(poll: .milliseconds(1), maxPoll: .milliseconds(2), change)
  }

  static func deploy(
    _ fake: FakeCloud, _ stacks: [DeploymentStack],
    terminal: RecordingTerminal = RecordingTerminal(),
    options: DeployOptions = options()
  ) async throws -> DeployTask.Report {
    try await DeployTask(options: options).run(
      stacks: stacks, session: AWSSession(client: fake.client()), terminal: terminal)
  }

  static func stack(_ name: String = "Demo", _ template: String = vpcTemplate, deps: [String] = [])
    -> DeploymentStack
  {
    DeploymentStack(id: name, stackName: name, templateText: template, dependencies: deps)
  }

  @Test func createThenNoOpThenUpdateAlwaysPassingTheChangeSetType() async throws {
    let fake = FakeCloud()
    let terminal = RecordingTerminal()
    let created = try await Self.deploy(fake, [Self.stack()], terminal: terminal)
    #expect(created.succeeded)
    #expect(created.results["Demo"]?.outcome == .created)
    let create = try #require(
      fake.requests.first { $0.formParameters["Action"] == "CreateChangeSet" })
    #expect(create.formParameters["ChangeSetType"] == "CREATE")
    #expect(create.formParameters["TemplateBody"] == Self.vpcTemplate)
    #expect(create.formParameters["Capabilities.member.2"] == "CAPABILITY_NAMED_IAM")
    #expect(terminal.output.contains("Demo | 2/2 |"))
    #expect(terminal.output.contains("Demo: created in"))
    #expect(fake.stack("Demo")?.status == "CREATE_COMPLETE")

    // The same template again: no change set at all.
    let before = fake.requests.count
    let again = RecordingTerminal()
    let noop = try await Self.deploy(fake, [Self.stack()], terminal: again)
    #expect(noop.results["Demo"]?.outcome == .unchanged)
    #expect(again.output.contains("Demo: no changes"))
    let noopActions = Array(fake.actions.dropFirst(before))
    #expect(noopActions == ["DescribeStacks", "GetTemplate"])

    // A change: an UPDATE change set, executed.
    let updated = try await Self.deploy(fake, [Self.stack("Demo", Self.vpcTemplateV2)])
    #expect(updated.results["Demo"]?.outcome == .updated)
    let update = try #require(
      fake.requests.last { $0.formParameters["Action"] == "CreateChangeSet" })
    #expect(update.formParameters["ChangeSetType"] == "UPDATE")
    #expect(fake.stack("Demo")?.template == Self.vpcTemplateV2)
  }

  @Test func eventsArrivingOverTimeAreShownInOrder() async throws {
    let fake = FakeCloud()
    fake.onExecute = { _, _ in
      [
        .init(events: [("Vpc", "AWS::EC2::VPC", "CREATE_IN_PROGRESS", nil)]),
        .init(events: [
          ("Vpc", "AWS::EC2::VPC", "CREATE_COMPLETE", nil),
          ("Queue", "AWS::SQS::Queue", "CREATE_IN_PROGRESS", nil),
        ]),
        .init(events: []),
        .init(
          events: [("Queue", "AWS::SQS::Queue", "CREATE_COMPLETE", nil)],
          stackStatus: "CREATE_COMPLETE"),
      ]
    }
    let terminal = RecordingTerminal()
    let report = try await Self.deploy(fake, [Self.stack()], terminal: terminal)
    #expect(report.succeeded)
    let lines = terminal.output.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix("Demo | ")
    }
    let statuses = lines.map { line -> String in
      let columns = line.components(separatedBy: " | ")
      return columns[3] + " " + (columns[5].components(separatedBy: " — ").first ?? "")
    }
    #expect(
      statuses == [
        "CREATE_IN_PROGRESS Demo", "CREATE_IN_PROGRESS Vpc (vpc-1)",
        "CREATE_COMPLETE Vpc (vpc-1)", "CREATE_IN_PROGRESS Queue (queue-1)",
        "CREATE_COMPLETE Queue (queue-1)", "CREATE_COMPLETE Demo",
      ])
    // Polled until the end: one DescribeStacks per step at least.
    #expect(fake.actions.filter { $0 == "DescribeStacks" }.count >= 5)
    #expect(lines.last?.hasPrefix("Demo | 2/2 | ") == true)
  }

  @Test func createFailedReportsTheFirstFailingResourceNotTheCancellations() async throws {
    let fake = FakeCloud()
    fake.onExecute = { _, _ in
      [
        .init(events: [
          ("Vpc", "AWS::EC2::VPC", "CREATE_IN_PROGRESS", nil),
          ("Role", "AWS::IAM::Role", "CREATE_IN_PROGRESS", nil),
        ]),
        .init(events: [
          (
            "Role", "AWS::IAM::Role", "CREATE_FAILED",
            "User is not authorized to perform: iam:CreateRole (Service: Iam, Status Code: 403)"
          ),
          ("Vpc", "AWS::EC2::VPC", "CREATE_FAILED", "Resource creation cancelled"),
        ]),
        .init(
          events: [], stackStatus: "ROLLBACK_IN_PROGRESS",
          stackReason:
            "The following resource(s) failed to create: [Vpc, Role]. Rollback requested by user."),
        .init(
          events: [("Vpc", "AWS::EC2::VPC", "DELETE_COMPLETE", nil)],
          stackStatus: "ROLLBACK_COMPLETE"),
      ]
    }
    let terminal = RecordingTerminal()
    let report = try await Self.deploy(fake, [Self.stack()], terminal: terminal)
    #expect(!report.succeeded)
    guard case .failed(let message)? = report.outcomes["Demo"] else {
      Issue.record("the deployment did not fail: \(report.outcomes)")
      return
    }
    #expect(message.contains("the stack is ROLLBACK_COMPLETE"))
    #expect(
      message.contains(
        "The first resource to fail: Role (AWS::IAM::Role) CREATE_FAILED: User is not authorized to perform: iam:CreateRole"
      ))
    #expect(!message.contains("first resource to fail: Vpc"))
    #expect(terminal.errors.contains("error: Demo: the creation failed"))

    // The next deploy replaces the rolled-back stack, saying so.
    fake.onExecute = nil
    let again = RecordingTerminal()
    let retry = try await Self.deploy(fake, [Self.stack()], terminal: again)
    #expect(retry.succeeded)
    #expect(again.output.contains("Demo is ROLLBACK_COMPLETE"))
    #expect(again.output.contains("Deleting it and creating it again"))
    let tail = fake.actions.suffix(12)
    #expect(tail.contains("DeleteStack"))
  }

  @Test func noRollbackKeepsWhatWasCreated() async throws {
    let fake = FakeCloud()
    fake.onExecute = { _, _ in
      [
        .init(events: [("Vpc", "AWS::EC2::VPC", "CREATE_COMPLETE", nil)]),
        .init(
          events: [("Queue", "AWS::SQS::Queue", "CREATE_FAILED", "Queue limit exceeded")],
          stackStatus: "CREATE_FAILED"),
      ]
    }
    let report = try await Self.deploy(
      fake, [Self.stack()], options: Self.options { $0.noRollback = true })
    guard case .failed(let message)? = report.outcomes["Demo"] else {
      Issue.record("expected a failure")
      return
    }
    let execute = try #require(
      fake.requests.first { $0.formParameters["Action"] == "ExecuteChangeSet" })
    #expect(execute.formParameters["DisableRollback"] == "true")
    #expect(message.contains("Queue (AWS::SQS::Queue) CREATE_FAILED: Queue limit exceeded"))
    #expect(message.contains("Rollback was disabled (--no-rollback)"))
  }

  @Test func updateRollbackFailedIsExplainedAndBlocksTheNextDeploy() async throws {
    let fake = FakeCloud()
    fake.addStack(
      "Demo", status: "UPDATE_COMPLETE", template: Self.vpcTemplate,
      resources: [("Vpc", "AWS::EC2::VPC"), ("Queue", "AWS::SQS::Queue")])
    fake.onExecute = { _, _ in
      [
        .init(events: [("Queue", "AWS::SQS::Queue", "UPDATE_FAILED", "Queue name already in use")]),
        .init(events: [], stackStatus: "UPDATE_ROLLBACK_IN_PROGRESS"),
        .init(
          events: [("Vpc", "AWS::EC2::VPC", "UPDATE_FAILED", "Vpc is in use by an ENI")],
          stackStatus: "UPDATE_ROLLBACK_FAILED"),
      ]
    }
    let report = try await Self.deploy(fake, [Self.stack("Demo", Self.vpcTemplateV2)])
    guard case .failed(let message)? = report.outcomes["Demo"] else {
      Issue.record("expected a failure")
      return
    }
    #expect(message.contains("UPDATE_ROLLBACK_FAILED"))
    #expect(message.contains("Queue (AWS::SQS::Queue) UPDATE_FAILED: Queue name already in use"))
    #expect(message.contains("continue-update-rollback"))

    let count = fake.requests.count
    let blocked = try await Self.deploy(fake, [Self.stack("Demo", Self.vpcTemplateV2)])
    guard case .failed(let second)? = blocked.outcomes["Demo"] else {
      Issue.record("expected the second deploy to refuse")
      return
    }
    #expect(second.contains("Demo is UPDATE_ROLLBACK_FAILED"))
    #expect(!fake.actions.dropFirst(count).contains("CreateChangeSet"))
  }

  @Test func throttlingServerErrorsAndDroppedConnectionsAreRetried() async throws {
    let fake = FakeCloud()
    fake.inject(.throttle, times: 3, action: "DescribeStacks")
    fake.inject(.serverError, times: 2, action: "DescribeChangeSet")
    fake.inject(.dropConnection, times: 1, action: "DescribeStackEvents")
    fake.inject(.htmlError, times: 1, action: "ExecuteChangeSet")
    let report = try await Self.deploy(fake, [Self.stack()])
    #expect(report.succeeded, "\(report.outcomes)")
    let actions = fake.actions
    #expect(Array(actions.prefix(4)) == Array(repeating: "DescribeStacks", count: 4))
    #expect(actions.filter { $0 == "ExecuteChangeSet" }.count == 2)
    // The retried execution carried the same idempotency token.
    let tokens = fake.requests.filter { $0.formParameters["Action"] == "ExecuteChangeSet" }
      .map { $0.formParameters["ClientRequestToken"] }
    #expect(tokens.count == 2 && tokens[0] != nil && tokens[0] == tokens[1])
    #expect(fake.stack("Demo")?.status == "CREATE_COMPLETE")
  }

  @Test func persistentServerErrorsEndWithAClearMessage() async throws {
    let fake = FakeCloud()
    fake.inject(.serverError, times: 100, action: "DescribeStacks")
    let report = try await Self.deploy(fake, [Self.stack()])
    guard case .failed(let message)? = report.outcomes["Demo"] else {
      Issue.record("expected a failure")
      return
    }
    #expect(message.contains("Demo: looking up the stack failed"))
    #expect(message.contains("InternalFailure"))
    #expect(message.contains("after 4 attempts"))
    #expect(!message.contains("fake-secret-not-real"))
  }

  @Test func emptyChangeSetIsDeletedAndReportedAsNoChanges() async throws {
    let fake = FakeCloud()
    // Deployed text differs (formatting), so the local check cannot tell; CloudFormation can.
    fake.addStack("Demo", status: "CREATE_COMPLETE", template: Self.vpcTemplate + "\n\n")
    fake.emptyChangeSets = true
    let terminal = RecordingTerminal()
    let report = try await Self.deploy(
      fake, [Self.stack("Demo", Self.vpcTemplateV2)], terminal: terminal)
    #expect(report.results["Demo"]?.outcome == .unchanged)
    #expect(terminal.output.contains("Demo: no changes (CloudFormation found nothing to change"))
    #expect(fake.actions.contains("DeleteChangeSet"))
    #expect(!fake.actions.contains("ExecuteChangeSet"))
  }

  @Test func emptyReviewInProgressStackIsRecreated() async throws {
    let fake = FakeCloud()
    fake.addStack("Demo", status: "REVIEW_IN_PROGRESS")
    let terminal = RecordingTerminal()
    let report = try await Self.deploy(fake, [Self.stack()], terminal: terminal)
    #expect(report.succeeded)
    #expect(terminal.output.contains("Demo is REVIEW_IN_PROGRESS"))
    #expect(terminal.output.contains("Deleting it and creating it again"))
    let actions = fake.actions
    let delete = try #require(actions.firstIndex(of: "DeleteStack"))
    let create = try #require(actions.firstIndex(of: "CreateChangeSet"))
    #expect(delete < create)
  }

  @Test func broadeningChangesNeedApproval() async throws {
    // No terminal: refuse clearly, clean up the change set's empty stack, execute nothing.
    let fake = FakeCloud()
    var options = Self.options { $0.requireApproval = .broadening }
    let report = try await Self.deploy(
      fake, [Self.stack("Web", Self.broadTemplate)], options: options)
    guard case .failed(let message)? = report.outcomes["Web"] else {
      Issue.record("expected a refusal")
      return
    }
    #expect(message.contains("broadens IAM permissions or security-group rules"))
    #expect(message.contains("standard input is not a TTY"))
    #expect(message.contains("--yes"))
    #expect(!fake.actions.contains("ExecuteChangeSet"))
    #expect(fake.actions.contains("DeleteStack"))

    // A person says no.
    let no = RecordingTerminal(interactive: true, answers: ["n"])
    let declined = try await Self.deploy(
      fake, [Self.stack("Web", Self.broadTemplate)], terminal: no, options: options)
    #expect(!declined.succeeded)
    #expect(no.output.contains("Deploy these changes to Web? (y/n)"))
    #expect(no.output.contains("0.0.0.0/0"))
    #expect(!fake.actions.contains("ExecuteChangeSet"))

    // A person says yes.
    let yes = RecordingTerminal(interactive: true, answers: ["y"])
    let approved = try await Self.deploy(
      fake, [Self.stack("Web", Self.broadTemplate)], terminal: yes, options: options)
    #expect(approved.succeeded)

    // --yes approves without asking; a narrowing change never asks at this level.
    options.yes = true
    let fake2 = FakeCloud()
    #expect(
      try await Self.deploy(fake2, [Self.stack("Web", Self.broadTemplate)], options: options)
        .succeeded)
    options.yes = false
    #expect(
      try await Self.deploy(fake2, [Self.stack("Web", Self.vpcTemplate)], options: options)
        .succeeded)
    // any-change asks for every change.
    let anyChange = Self.options { $0.requireApproval = .anyChange }
    let refused = try await Self.deploy(
      FakeCloud(), [Self.stack("Demo", Self.vpcTemplate)], options: anyChange)
    #expect(!refused.succeeded)
  }

  @Test func assetsUploadOnceAndOnlyWhenMissing() async throws {
    let fake = FakeCloud()
    fake.bootstrap()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "deploy-assets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let zip = directory.appendingPathComponent("asset.abc.zip")
    try Data("zip bytes".utf8).write(to: zip)
    let other = directory.appendingPathComponent("asset.def.zip")
    try Data("other".utf8).write(to: other)
    let shared = DeploymentStack.AssetFile(
      hash: "abc", objectKey: "abc.zip", path: zip.path, source: "functions/a")
    let present = DeploymentStack.AssetFile(
      hash: "def", objectKey: "def.zip", path: other.path, source: "functions/b")
    fake.putObject(bucket: fake.bucket, key: "def.zip", Data("other".utf8))
    var one = Self.stack("One")
    one.assets = [shared, present]
    var two = Self.stack("Two")
    two.assets = [shared]
    let terminal = RecordingTerminal()
    let report = try await Self.deploy(fake, [one, two], terminal: terminal)
    #expect(report.succeeded, "\(report.outcomes)")
    let puts = fake.requests.filter { $0.method == "PUT" }
    #expect(puts.map(\.url.path) == ["/\(fake.bucket)/abc.zip"])
    #expect(fake.object(bucket: fake.bucket, key: "abc.zip") == Data("zip bytes".utf8))
    #expect(terminal.output.contains("functions/a: uploaded 9 B to s3://\(fake.bucket)/abc.zip"))
    #expect(terminal.output.contains("functions/b: already in s3://"))
  }

  @Test func assetsNeedABootstrappedRegion() async throws {
    let fake = FakeCloud()
    var stack = Self.stack()
    stack.assets = [
      .init(hash: "h", objectKey: "h.zip", path: "/nonexistent", source: "functions/x")
    ]
    let report = try await Self.deploy(fake, [stack])
    guard case .failed(let message)? = report.outcomes["Demo"] else {
      Issue.record("expected a failure")
      return
    }
    #expect(message.contains("not bootstrapped"))
    #expect(message.contains("Run `stack bootstrap`"))
    #expect(!fake.actions.contains("CreateChangeSet"))
  }

  @Test func largeTemplatesGoThroughTheBucket() async throws {
    let fake = FakeCloud()
    fake.bootstrap()
    var resources: [String] = []
    for i in 0..<600 {
      resources.append(
        "\"Queue\(i)\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\": {\"QueueName\": \"queue-number-\(i)-with-a-long-name\"}}"
      )
    }
    let big = "{\"Resources\": {" + resources.joined(separator: ", ") + "}}"
    #expect(big.utf8.count > DeploymentStack.inlineTemplateLimit)
    let report = try await Self.deploy(fake, [Self.stack("Big", big)])
    #expect(report.succeeded, "\(report.outcomes)")
    let create = try #require(
      fake.requests.first { $0.formParameters["Action"] == "CreateChangeSet" })
    #expect(create.formParameters["TemplateBody"] == nil)
    let url = try #require(create.formParameters["TemplateURL"])
    #expect(url.hasPrefix("https://s3.us-east-1.amazonaws.com/\(fake.bucket)/templates/"))
    #expect(fake.requests.contains { $0.method == "PUT" && $0.url.host == "127.0.0.1" })
    #expect(create.formParameters["ChangeSetType"] == "CREATE")
    #expect(fake.stack("Big")?.template == big)
  }

  @Test func parametersAreSentAndKeptAndCountForNoOp() async throws {
    let template = """
      {"Parameters": {"Env": {"Type": "String"}, "Size": {"Type": "Number", "Default": 1}},
       "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}
      """
    let fake = FakeCloud()
    fake.addStack(
      "Demo", status: "UPDATE_COMPLETE", template: template,
      parameters: [("Env", "dev"), ("Size", "3")])
    // Same template, same Env: nothing to do.
    let same = try await Self.deploy(
      fake, [Self.stack("Demo", template)],
      options: Self.options { $0.parameters = [.init(key: "Env", value: "dev")] })
    #expect(same.results["Demo"]?.outcome == .unchanged)
    #expect(!fake.actions.contains("CreateChangeSet"))
    // A new value for Env (for this stack only): a change set with it, Size kept.
    let changed = try await Self.deploy(
      fake, [Self.stack("Demo", template)],
      options: Self.options {
        $0.parameters = [
          try! ParameterAssignment.parse("Demo:Env=prod"),
          try! ParameterAssignment.parse("Other:Env=x"),
        ]
      })
    #expect(changed.results["Demo"]?.outcome == .updated)
    let create = try #require(
      fake.requests.first { $0.formParameters["Action"] == "CreateChangeSet" })
    let p = create.formParameters
    #expect(p["Parameters.member.1.ParameterKey"] == "Env")
    #expect(p["Parameters.member.1.ParameterValue"] == "prod")
    #expect(p["Parameters.member.2.ParameterKey"] == "Size")
    #expect(p["Parameters.member.2.UsePreviousValue"] == "true")
    #expect(fake.stack("Demo")?.parameters.map { "\($0.0)=\($0.1)" } == ["Env=prod", "Size=3"])
  }

  @Test func secretParameterValuesAndChangeSetValuesAreNeverPrinted() async throws {
    let template = """
      {"Parameters": {"DbPassword": {"Type": "String", "NoEcho": true,
         "Default": "template-default-s3cret"}},
       "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}
      """
    let changed = template.replacingOccurrences(of: "AWS::SQS::Queue", with: "AWS::SNS::Topic")
      .replacingOccurrences(of: "template-default-s3cret", with: "new-default-s3cret")
    let fake = FakeCloud()
    fake.addStack(
      "Demo", status: "UPDATE_COMPLETE", template: template, parameters: [("DbPassword", "****")])
    let terminal = RecordingTerminal(interactive: true, answers: ["y"])
    let report = try await Self.deploy(
      fake, [Self.stack("Demo", changed)], terminal: terminal,
      options: Self.options {
        $0.requireApproval = .anyChange
        $0.parameters = [.init(key: "DbPassword", value: "given-s3cret")]
      })
    #expect(report.results["Demo"]?.outcome == .updated, "\(report.outcomes)")
    #expect(terminal.output.contains("Deploy these changes to Demo? (y/n)"))
    for secret in ["template-default-s3cret", "new-default-s3cret", "given-s3cret"] {
      #expect(!terminal.all.contains(secret), "\(secret) printed:\n\(terminal.all)")
    }
    // The value is sent to CloudFormation, of course …
    let create = try #require(
      fake.requests.first { $0.formParameters["Action"] == "CreateChangeSet" })
    #expect(create.formParameters["Parameters.member.1.ParameterValue"] == "given-s3cret")
    // … but the change set is read without property values: they are never fetched.
    let describes = fake.requests.filter { $0.formParameters["Action"] == "DescribeChangeSet" }
    #expect(!describes.isEmpty)
    #expect(describes.allSatisfy { $0.formParameters["IncludePropertyValues"] == nil })
  }

  @Test func stackSelectionForDeployAndDestroy() throws {
    let all = [Self.stack("Network"), Self.stack("App", deps: ["Network"]), Self.stack("Other")]
    // Named: deploy brings what they need, destroy what needs them.
    #expect(try DeployTask.select(["App"], all: false, from: all).map(\.id) == ["Network", "App"])
    #expect(
      try DestroyTask.select(["Network"], all: false, from: all).map(\.id) == ["Network", "App"])
    #expect(try DeployTask.select(["O*"], all: false, from: all).map(\.id) == ["Other"])
    // --all, or an app of one stack: everything.
    #expect(try DeployTask.select([], all: true, from: all).count == 3)
    #expect(try DestroyTask.select([], all: true, from: all).count == 3)
    #expect(try DeployTask.select([], all: false, from: [Self.stack()]).map(\.id) == ["Demo"])
    #expect(try DestroyTask.select([], all: false, from: [Self.stack()]).map(\.id) == ["Demo"])
    // Several stacks and none named: say which there are and what to do.
    for (verb, select) in [("deploy", DeployTask.select), ("destroy", DestroyTask.select)] {
      #expect {
        _ = try select([], false, all)
      } throws: { error in
        "\(error)"
          == "the app has 3 stacks (Network, App, Other): name the ones to \(verb), or pass --all"
      }
    }
    #expect {
      _ = try DeployTask.select(["Nope"], all: false, from: all)
    } throws: { error in
      "\(error)".contains("no stack named \"Nope\"; the stacks are Network, App, Other")
    }
  }

  @Test func parameterSyntax() throws {
    #expect(try ParameterAssignment.parse("A=b=c") == .init(key: "A", value: "b=c"))
    #expect(try ParameterAssignment.parse("S:A=") == .init(stack: "S", key: "A", value: ""))
    #expect(throws: DeployError.self) { try ParameterAssignment.parse("novalue") }
    #expect(throws: DeployError.self) { try ParameterAssignment.parse("bad-key=1") }
    // Neither the errors nor the printed assignment show the value (it may be a password).
    for text in ["hunter2-s3cret", "Db-Password=hunter2-s3cret", "S:=hunter2-s3cret"] {
      do {
        _ = try ParameterAssignment.parse(text)
        Issue.record("\(text) was accepted")
      } catch {
        #expect(!"\(error)".contains("hunter2-s3cret"), "\(error)")
        #expect("\(error)".contains("--parameters"))
      }
    }
    let assignment = try ParameterAssignment.parse("Api:DbPassword=hunter2-s3cret")
    var dumped = ""
    dump(assignment, to: &dumped)
    for printed in ["\(assignment)", String(reflecting: assignment), dumped] {
      #expect(!printed.contains("hunter2-s3cret"), "\(printed)")
      #expect(printed.contains("DbPassword"))
    }
    #expect("\(assignment)" == "Api:DbPassword=****")
    #expect(assignment.value == "hunter2-s3cret")
  }

  @Test func dependentsOfAFailedStackAreSkippedAndOutputsWritten() async throws {
    let fake = FakeCloud()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "outputs-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("out.json").path
    let stacks = [
      Self.stack("Network"),
      Self.stack("Broken", "{\"Resources\": {\"X\": {\"Type\": \"Bogus::Thing\"}}}"),
      Self.stack("App", deps: ["Broken"]), Self.stack("Other", deps: ["Network"]),
    ]
    let terminal = RecordingTerminal()
    let report = try await Self.deploy(
      fake, stacks, terminal: terminal, options: Self.options { $0.outputsFile = file })
    #expect(report.outcomes["Network"] == .succeeded)
    #expect(report.outcomes["Other"] == .succeeded)
    #expect(report.outcomes["App"] == .skipped(because: "Broken"))
    guard case .failed(let message)? = report.outcomes["Broken"] else {
      Issue.record("expected Broken to fail")
      return
    }
    #expect(message.contains("CloudFormation refused the template: Template format error"))
    #expect(
      terminal.errors.contains("App: not deployed, because Broken (which it depends on) failed"))
    let written = try JSONParser.parse(String(contentsOfFile: file, encoding: .utf8))
    #expect(written["Network"]?["VpcId"]?.stringValue == "vpc-1")
    #expect(written["App"] == nil)
  }

  @Test func invalidStackNamesAreRejectedBeforeAnyCall() async throws {
    let fake = FakeCloud()
    do {
      _ = try await Self.deploy(fake, [Self.stack("my_stack")])
      Issue.record("an invalid name was accepted")
    } catch {
      #expect("\(error)".contains("the stack name 'my_stack' is not valid for CloudFormation"))
      #expect("\(error)".contains("contains '_'"))
    }
    #expect(fake.requests.isEmpty)
    #expect(StackNameRules.problem("9lives") != nil)
    #expect(StackNameRules.problem(String(repeating: "a", count: 129)) != nil)
    #expect(StackNameRules.problem("Good-Name-1") == nil)
  }

  @Test func terminationProtectionFollowsTheStackAndAccountIsChecked() async throws {
    let fake = FakeCloud()
    var protected = Self.stack()
    protected.terminationProtection = true
    let terminal = RecordingTerminal()
    #expect(try await Self.deploy(fake, [protected], terminal: terminal).succeeded)
    #expect(fake.stack("Demo")?.terminationProtection == true)
    #expect(terminal.output.contains("Demo: termination protection turned on"))
    // Unchanged template, protection turned off: no change set, just the protection.
    let count = fake.requests.count
    #expect(try await Self.deploy(fake, [Self.stack()]).results["Demo"]?.outcome == .unchanged)
    #expect(fake.stack("Demo")?.terminationProtection == false)
    #expect(!fake.actions.dropFirst(count).contains("CreateChangeSet"))

    var elsewhere = Self.stack("Other")
    elsewhere.account = "999999999999"
    let report = try await Self.deploy(fake, [elsewhere])
    guard case .failed(let message)? = report.outcomes["Other"] else {
      Issue.record("deployed into the wrong account")
      return
    }
    #expect(message.contains("Other is for account 999999999999"))
    #expect(message.contains("account 123456789012"))
  }

  @Test func ctrlCStopsWaitingAndLeavesCloudFormationWorking() async throws {
    let fake = FakeCloud()
    fake.onExecute = { _, _ in
      (0..<5).map { i in .init(events: [("R\(i)", "AWS::SQS::Queue", "CREATE_IN_PROGRESS", nil)]) }
    }
    let terminal = RecordingTerminal()
    let task = Task {
      try await Self.deploy(fake, [Self.stack()], terminal: terminal)
    }
    // Wait until it is watching (it polls the stack after executing), then interrupt.
    let watching = await eventually {
      fake.actions.drop { $0 != "ExecuteChangeSet" }.contains("DescribeStacks")
    }
    #expect(watching, "the deploy did not start watching: \(fake.actions)")
    task.cancel()
    let result = await task.result
    switch result {
    case .success: Issue.record("the deployment ended although it was interrupted")
    case .failure(let error): #expect(error is DeployInterrupted, "\(error)")
    }
    let text = terminal.output
    #expect(
      text.contains("Demo: stopped waiting. CloudFormation goes on with the deploy by itself"))
    #expect(text.contains("stack deploy Demo"))
    #expect(
      text.contains(
        "aws cloudformation describe-stack-events --stack-name Demo --region us-east-1 --endpoint-url http://127.0.0.1:9"
      ))
    let afterExecute = fake.actions.drop { $0 != "ExecuteChangeSet" }.dropFirst()
    #expect(afterExecute.allSatisfy { ["DescribeStacks", "DescribeStackEvents"].contains($0) })
    #expect(fake.stack("Demo")?.status == "CREATE_IN_PROGRESS")
  }

  @Test func anotherOperationRunningIsWaitedFor() async throws {
    let fake = FakeCloud()
    fake.addStack("Demo", status: "UPDATE_IN_PROGRESS", template: Self.vpcTemplate)
    let terminal = RecordingTerminal()
    // The other operation ends once the deploy has said it waits for it (or after 30 s, and the
    // test fails).
    Task {
      await eventually { terminal.output.contains("another operation is running") }
      fake.setStatus("Demo", "UPDATE_COMPLETE")
    }
    let report = try await Self.deploy(fake, [Self.stack()], terminal: terminal)
    #expect(report.results["Demo"]?.outcome == .unchanged)
    #expect(terminal.output.contains("Demo: UPDATE_IN_PROGRESS — another operation is running"))
  }
}
