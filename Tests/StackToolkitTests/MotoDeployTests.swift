import AWSClient
import Foundation
import StackKit
import TestSupport
import Testing

@testable import StackToolkit

/// The deploy cycle of the MotoDemo example stack against a real moto_server on 127.0.0.1:
/// bootstrap, create, update, no-op, diff, destroy — checked through moto's own APIs — and the
/// same with moto verifying every request's signature.
@Suite(
  .serialized,
  .enabled(
    if: MotoServer.enabled,
    "moto_server is not installed (pip install 'moto[server]'); set STACKKIT_REQUIRE_MOTO=1 to fail instead of skipping"
  ))
struct MotoDeployTests {
  /// The MotoDemo stack as the example app synthesizes it (version 1 or 2) in `project`.
  static func motoDemo(version: Int, in project: ExampleProject) async throws -> DeploymentStack {
    let synth = try await Synthesis.run(
      config: project.config,
      options: .init(context: JSONObject([("motoDemoVersion", .int(version))])))
    let stacks = try DeployTask.select(
      ["MotoDemo"], all: false, from: DeploymentStack.all(from: synth))
    return try #require(stacks.first)
  }

  static func options(_ change: (inout DeployOptions) -> Void = { _ in }) -> DeployOptions {
    testDeployOptions(poll: .milliseconds(20), maxPoll: .milliseconds(200), change)
  }

  @Test(.timeLimit(.minutes(3)))
  func createUpdateNoOpDiffDestroy() async throws {
    let moto = try await MotoServer()
    defer { moto.stop() }
    let client = try moto.client()
    let session = AWSSession(client: client)
    try await Self.cycle(moto: moto, session: session, client: client, checkLambda: true)
  }

  @Test(.timeLimit(.minutes(3)))
  func theSameWithEverySignatureVerified() async throws {
    // The first three actions run unauthenticated: they make the deployer's user and key.
    let moto = try await MotoServer(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"])
    defer { moto.stop() }
    let admin = try moto.client()
    _ = try await MotoAPI.query(admin, MotoAPI.iam, "CreateUser", [("UserName", "deployer")])
    _ = try await MotoAPI.query(
      admin, MotoAPI.iam, "PutUserPolicy",
      [
        ("UserName", "deployer"), ("PolicyName", "everything"),
        (
          "PolicyDocument",
          #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#
        ),
      ])
    let created = try await MotoAPI.query(
      admin, MotoAPI.iam, "CreateAccessKey", [("UserName", "deployer")])
    let key = try #require(created.first(named: "AccessKey"))
    let keyID = try #require(key.string("AccessKeyId"))
    let secret = try #require(key.string("SecretAccessKey"))

    // From here on moto checks signatures: a wrong secret is refused …
    let impostor = try moto.client(accessKey: keyID, secretKey: "not-the-secret")
    do {
      _ = try await impostor.cloudFormation.describeStacks()
      Issue.record("moto accepted a request signed with the wrong secret key")
    } catch let error as AWSError {
      #expect(error.code == "SignatureDoesNotMatch", "\(error)")
    }
    // … and the whole cycle works with the right one. (moto cannot verify signed GET requests
    // of REST services — boto3's own Lambda GetFunction is refused — so Lambda is checked in
    // the unsigned test.)
    let client = try moto.client(accessKey: keyID, secretKey: secret)
    try await Self.cycle(
      moto: moto, session: AWSSession(client: client), client: client, checkLambda: false)
  }

  /// bootstrap → create → update → no-op → diff → destroy, each checked through moto's API.
  static func cycle(moto: MotoServer, session: AWSSession, client: AWSClient, checkLambda: Bool)
    async throws
  {
    // The assets are staged in the project's folder and uploaded from there.
    let project = try ExampleProject()
    defer { project.remove() }
    let v1 = try await motoDemo(version: 1, in: project)
    let v2 = try await motoDemo(version: 2, in: project)
    let bucket = "stackkit-assets-123456789012-us-east-1"

    // Bootstrap: the bucket, encrypted; then idempotent. (moto applies only BucketEncryption
    // and Tags of AWS::S3::Bucket and skips AWS::S3::BucketPolicy: versioning, the public
    // access block and the TLS-only policy are checked in the template by
    // BootstrapTemplateTests.)
    let boot = try await BootstrapTask().run(session: session, terminal: RecordingTerminal())
    #expect(boot.changed && boot.bucketName == bucket)
    #expect(try await client.s3.headBucket(bucket: bucket) != nil)
    #expect(try await MotoAPI.bucketConfiguration(client, bucket, "encryption").contains("AES256"))
    let again = try await BootstrapTask().run(
      session: AWSSession(client: client), terminal: RecordingTerminal())
    #expect(!again.changed)

    // Create.
    let terminal = RecordingTerminal()
    let created = try await DeployTask(options: options()).run(
      stacks: [v1], session: session, terminal: terminal)
    #expect(created.results["MotoDemo"]?.outcome == .created, "\(created.outcomes) \(terminal.all)")
    let asset = try #require(v1.assets.first)
    #expect(try await client.s3.headObject(bucket: bucket, key: asset.objectKey) != nil)
    #expect(terminal.output.contains("functions/moto-demo: uploaded"))
    let stack = try #require(try await client.cloudFormation.describeStack("MotoDemo"))
    #expect(stack.stackStatus.rawValue == "CREATE_COMPLETE")
    let resources = try await client.cloudFormation.describeStackResources(stackName: "MotoDemo")
    #expect(
      Set(resources.map(\.logicalResourceID))
        == [
          "Vpc", "Subnet1", "Subnet2", "FunctionSecurityGroup", "DataBucket", "FunctionRole",
          "FunctionPolicy", "Function",
        ])
    let vpcID = try #require(resources.first { $0.logicalResourceID == "Vpc" }?.physicalResourceID)
    let vpcs = try await MotoAPI.query(client, MotoAPI.ec2, "DescribeVpcs", [("VpcId.1", vpcID)])
    #expect(vpcs.first(named: "cidrBlock")?.text == "10.40.0.0/16")
    let functionName = try #require(
      resources.first { $0.logicalResourceID == "Function" }?.physicalResourceID)
    if checkLambda {
      let function = try #require(try await MotoAPI.lambdaFunction(client, functionName))
      #expect(function["MemorySize"] as? Int == 128)
      #expect(function["Handler"] as? String == "index.handler")
    }

    // Update: a broadening change needs approval; without a terminal it is refused clearly.
    let refused = try await DeployTask(options: options { $0.requireApproval = .broadening }).run(
      stacks: [v2], session: session, terminal: RecordingTerminal())
    guard case .failed(let message)? = refused.outcomes["MotoDemo"] else {
      Issue.record("a broadening update ran without approval")
      return
    }
    #expect(message.contains("no terminal to ask on"))
    #expect(
      try await client.cloudFormation.describeStack("MotoDemo")?.stackStatus.rawValue
        == "CREATE_COMPLETE")
    let updated = try await DeployTask(
      options: options {
        $0.yes = true
        $0.requireApproval = .broadening
      }
    )
    .run(stacks: [v2], session: session, terminal: RecordingTerminal())
    #expect(updated.results["MotoDemo"]?.outcome == .updated, "\(updated.outcomes)")
    if checkLambda {
      #expect(try await MotoAPI.lambdaFunction(client, functionName)?["MemorySize"] as? Int == 256)
    }
    let groupID = try #require(
      try await client.cloudFormation.describeStackResources(stackName: "MotoDemo")
        .first { $0.logicalResourceID == "FunctionSecurityGroup" }?.physicalResourceID)
    let groups = try await MotoAPI.query(
      client, MotoAPI.ec2, "DescribeSecurityGroups", [("GroupId.1", groupID)])
    let ingress = try #require(groups.first(named: "ipPermissions"))
    #expect(ingress.first(named: "fromPort")?.text == "443")

    // No-op: same template and parameters: no change set (and so no waiting for one).
    let changeSetsBefore = try await MotoAPI.changeSetCount(client, stackName: "MotoDemo")
    let started = ContinuousClock.now
    let noop = try await DeployTask(options: options()).run(
      stacks: [v2], session: session, terminal: RecordingTerminal())
    #expect(noop.results["MotoDemo"]?.outcome == .unchanged)
    #expect(try await MotoAPI.changeSetCount(client, stackName: "MotoDemo") == changeSetsBefore)
    // A bound for a loaded machine: a no-op is a handful of calls.
    #expect(ContinuousClock.now - started < .seconds(15))

    // Diff: none against v2, the v1 changes against v1.
    let same = try await DiffTask(format: .text).run(stacks: [v2], session: session)
    #expect(!same.hasDifferences, "\(same.text)")
    let back = try await DiffTask(format: .json).run(stacks: [v1], session: session)
    #expect(back.hasDifferences)
    let diff = try #require(back.entries.first?.diff)
    #expect(
      Set(diff.resources.map(\.logicalID)) == [
        "FunctionSecurityGroup", "FunctionPolicy", "Function",
      ])
    #expect(diff.securityGroups.removed.map(\.ports) == ["443"])

    // A template over 51,200 bytes goes through the bucket, by TemplateURL.
    let padding = String(repeating: "x", count: 60_000)
    let big = DeploymentStack(
      id: "MotoBig", stackName: "MotoBig",
      templateText: """
        {"Metadata": {"Padding": "\(padding)"},
         "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
        """)
    #expect(big.needsTemplateUpload)
    let bigReport = try await DeployTask(options: options()).run(
      stacks: [big], session: session, terminal: RecordingTerminal())
    #expect(bigReport.results["MotoBig"]?.outcome == .created, "\(bigReport.outcomes)")
    let stored = try await client.cloudFormation.getTemplate(stackName: "MotoBig").templateBody
    #expect(stored.contains(padding))
    #expect(
      try await DestroyTask(force: true).run(
        stacks: [big], session: session, terminal: RecordingTerminal()
      ).succeeded)

    // Destroy: gone from CloudFormation and from EC2.
    let destroyed = try await DestroyTask(force: true).run(
      stacks: [v2], session: session, terminal: RecordingTerminal())
    #expect(destroyed.results["MotoDemo"]?.deleted == true)
    #expect(try await client.cloudFormation.describeStack("MotoDemo") == nil)
    let after = try await MotoAPI.query(client, MotoAPI.ec2, "DescribeVpcs")
    #expect(
      !after.children(named: "vpcSet").flatMap { $0.children(named: "item") }
        .contains { $0.string("vpcId") == vpcID })
    if checkLambda { #expect(try await MotoAPI.lambdaFunction(client, functionName) == nil) }
  }
}
