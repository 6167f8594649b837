import AWSClient
import Foundation
import StackKit
import Testing

@testable import StackToolkit

@Suite struct DestroyTests {
  static let template = """
    {"Resources": {
      "Bucket": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain"},
      "Queue": {"Type": "AWS::SQS::Queue"},
      "Db": {"Type": "AWS::RDS::DBInstance", "DeletionPolicy": "Snapshot"}
    }}
    """

  static func task(force: Bool = true, retain: [String] = []) -> DestroyTask {
    var task = DestroyTask(force: force, retain: retain)
    task.initialPollInterval = .milliseconds(1)
    task.maxPollInterval = .milliseconds(2)
    return task
  }

  static func deployed(_ fake: FakeCloud, _ name: String = "Demo") {
    fake.addStack(
      name, status: "CREATE_COMPLETE", template: template,
      resources: [
        ("Bucket", "AWS::S3::Bucket"), ("Queue", "AWS::SQS::Queue"), ("Db", "AWS::RDS::DBInstance"),
      ])
  }

  static func stack(_ name: String = "Demo", deps: [String] = []) -> DeploymentStack {
    DeploymentStack(id: name, stackName: name, templateText: template, dependencies: deps)
  }

  @Test func confirmationIsTypedOrForcedAndNeverAwaitedWithoutATerminal() async throws {
    let fake = FakeCloud()
    Self.deployed(fake)
    let session = AWSSession(client: fake.client())
    do {
      _ = try await Self.task(force: false).run(
        stacks: [Self.stack()], session: session, terminal: RecordingTerminal())
      Issue.record("destroyed without a confirmation")
    } catch {
      #expect("\(error)".contains("refusing to destroy Demo without confirmation"))
      #expect("\(error)".contains("--force"))
    }
    let wrong = RecordingTerminal(interactive: true, answers: ["demo"])
    await #expect(throws: DeployError.self) {
      _ = try await Self.task(force: false).run(
        stacks: [Self.stack()], session: session, terminal: wrong)
    }
    #expect(wrong.output.contains("Type the stack name to destroy Demo"))
    #expect(!fake.actions.contains("DeleteStack"))

    let right = RecordingTerminal(interactive: true, answers: ["Demo"])
    let report = try await Self.task(force: false).run(
      stacks: [Self.stack()], session: session, terminal: right)
    #expect(report.succeeded)
    #expect(fake.stack("Demo") == nil)
  }

  @Test func retainedResourcesAreListed() async throws {
    let fake = FakeCloud()
    Self.deployed(fake)
    let terminal = RecordingTerminal()
    let report = try await Self.task().run(
      stacks: [Self.stack()], session: AWSSession(client: fake.client()), terminal: terminal)
    let result = try #require(report.results["Demo"])
    #expect(result.deleted)
    #expect(result.retained.map(\.logicalID).sorted() == ["Bucket", "Db"])
    #expect(terminal.output.contains("Demo: destroyed in"))
    #expect(terminal.output.contains("Bucket (AWS::S3::Bucket) bucket-1 — DeletionPolicy Retain"))
    #expect(
      terminal.output.contains("Db (AWS::RDS::DBInstance) db-1 — deleted after a final snapshot"))
    #expect(terminal.output.contains("Demo | 3/3 |"))
  }

  @Test func deleteFailedNamesTheBlockersAndRetainFinishesIt() async throws {
    let fake = FakeCloud()
    Self.deployed(fake)
    fake.onDelete = { _ in
      [
        .init(events: [("Queue", "AWS::SQS::Queue", "DELETE_COMPLETE", nil)]),
        .init(
          events: [
            (
              "Bucket2", "AWS::S3::Bucket", "DELETE_FAILED",
              "The bucket you tried to delete is not empty"
            )
          ], stackStatus: "DELETE_FAILED",
          stackReason: "The following resource(s) failed to delete: [Bucket2]."),
      ]
    }
    let report = try await Self.task().run(
      stacks: [Self.stack()], session: AWSSession(client: fake.client()),
      terminal: RecordingTerminal())
    guard case .failed(let message)? = report.outcomes["Demo"] else {
      Issue.record("expected a failure")
      return
    }
    #expect(message.contains("the stack is DELETE_FAILED"))
    #expect(
      message.contains(
        "Bucket2 (AWS::S3::Bucket) bucket2-1: The bucket you tried to delete is not empty"))
    #expect(message.contains("stack destroy Demo --retain Bucket2"))

    fake.onDelete = nil
    let again = try await Self.task(retain: ["Bucket2"]).run(
      stacks: [Self.stack()], session: AWSSession(client: fake.client()),
      terminal: RecordingTerminal())
    #expect(again.succeeded)
    let delete = try #require(fake.requests.last { $0.formParameters["Action"] == "DeleteStack" })
    #expect(delete.formParameters["RetainResources.member.1"] == "Bucket2")
    #expect(
      again.results["Demo"]?.retained.contains { $0.logicalID == "Bucket2" && $0.policy == "asked" }
        == true)
  }

  @Test func reverseDependencyOrderAndDependentsSelected() async throws {
    let fake = FakeCloud()
    Self.deployed(fake, "Network")
    Self.deployed(fake, "App")
    let all = [Self.stack("Network"), Self.stack("App", deps: ["Network"]), Self.stack("Other")]
    let chosen = try DestroyTask.select(["Network"], all: false, from: all)
    #expect(chosen.map(\.id) == ["Network", "App"])
    var task = Self.task()
    task.concurrency = 1
    let report = try await task.run(
      stacks: chosen, session: AWSSession(client: fake.client()), terminal: RecordingTerminal())
    #expect(report.succeeded)
    let deletes = fake.requests.filter { $0.formParameters["Action"] == "DeleteStack" }
      .compactMap { $0.formParameters["StackName"] }
    #expect(deletes.count == 2)
    #expect(deletes[0].contains("/App/") && deletes[1].contains("/Network/"))
  }

  @Test func notDeployedAndTerminationProtected() async throws {
    let fake = FakeCloud()
    let terminal = RecordingTerminal()
    let report = try await Self.task().run(
      stacks: [Self.stack()], session: AWSSession(client: fake.client()), terminal: terminal)
    #expect(report.results["Demo"]?.deleted == false)
    #expect(terminal.output.contains("Demo: not deployed; nothing to destroy"))

    Self.deployed(fake)
    fake.stack("Demo")?.terminationProtection = true
    let protected = try await Self.task().run(
      stacks: [Self.stack()], session: AWSSession(client: fake.client()),
      terminal: RecordingTerminal())
    guard case .failed(let message)? = protected.outcomes["Demo"] else {
      Issue.record("expected a refusal")
      return
    }
    #expect(message.contains("termination protection"))
    #expect(!fake.actions.contains("DeleteStack"))
  }
}
