import Foundation
import Testing

@testable import StackKit

/// Cross-stack references against AWS CDK: each test builds the Swift twin of one program of
/// Fixtures/CrossStack/cross_stack.py and compares its templates, section by section and byte
/// for byte (after writing both with the same writer), and its stack dependencies with the
/// templates and manifest CDK made (`synth.sh` there regenerates them).
@Suite struct CrossStackReferenceTests {
  static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/CrossStack")

  /// Compares every stack of `app` with the CDK output of `fixture`. CDK's templates have no
  /// `AWSTemplateFormatVersion` (the legacy synthesizer leaves it out); everything else must be
  /// identical, keys in the same order.
  func expectMatchesCDK(_ app: App, fixture: String) throws {
    let assembly = try app.synthesizeTemplates()
    let folder = Self.fixtures.appendingPathComponent(fixture)
    let writer = JSONWriter()
    let dependencies = try JSONParser.parse(
      String(contentsOf: folder.appendingPathComponent("dependencies.json"), encoding: .utf8))
    #expect(dependencies.objectValue?.keys == assembly.stacks.map(\.id))
    for stack in assembly.stacks {
      let file = folder.appendingPathComponent("\(stack.id).template.json")
      let cdk = try JSONParser.parse(String(contentsOf: file, encoding: .utf8))
      var ours = stack.template.objectValue!
      ours["AWSTemplateFormatVersion"] = nil
      #expect(ours.keys == cdk.objectValue?.keys, "sections of \(stack.id)")
      for (section, value) in ours {
        #expect(
          writer.write(value) == cdk[section].map(writer.write), "\(stack.id) \(section)")
      }
      #expect(
        .array(stack.dependencies.map(JSON.string)) == dependencies[stack.id],
        "dependencies of \(stack.id)")
    }
  }

  @Test func refsAndGetAttsBecomeExportsAndImportsAsInCDK() throws {
    let app = App(environment: [:])
    let producer = Stack(app, "Producer")
    let bucket = CfnResource(producer, "Bucket", type: "AWS::S3::Bucket")
    let queue = CfnResource(producer, "Queue", type: "AWS::SQS::Queue")
    _ = CfnOutput(producer, "Own", value: bucket.ref)

    let consumer = Stack(app, "Consumer")
    let topic = CfnResource(
      consumer, "Topic", type: "AWS::SNS::Topic", properties: [("DisplayName", bucket.ref)])
    _ = CfnResource(
      consumer, "Sub", type: "AWS::SNS::Subscription",
      properties: [("Endpoint", queue.getAtt("Arn")), ("Protocol", "sqs"), ("TopicArn", topic.ref)])
    _ = CfnResource(
      consumer, "Sub2", type: "AWS::SNS::Subscription",
      properties: [
        ("Endpoint", queue.getAtt("Arn")),
        ("FilterPolicy", ["bucket": [bucket.ref], "arn": [bucket.getAtt("Arn")]]),
        ("Protocol", "sqs"), ("TopicArn", topic.ref),
      ])
    _ = CfnResource(
      consumer, "Named", type: "AWS::SQS::Queue",
      properties: [("QueueName", "\(bucket.ref)-copy-\(queue.getAtt("QueueName"))")])
    _ = CfnOutput(consumer, "Joined", value: Fn.sub("${B}/x", [("B", bucket.getAtt("Arn"))]))
    _ = CfnOutput(consumer, "Domain", value: bucket.getAtt("RegionalDomainName"))
    try expectMatchesCDK(app, fixture: "basic")
  }

  @Test func exportsAreSharedOrderedAndNamedWithinTheLimitsAsInCDK() throws {
    let app = App(environment: [:])
    let early = Stack(app, "Early")
    let shared = Stack(app, "Shared")
    let late = Stack(app, "Late")
    let longStack = Stack(app, "LongStack", stackName: "Long" + String(repeating: "x", count: 96))

    let topic = CfnResource(shared, "Topic", type: "AWS::SNS::Topic")
    let queue = CfnResource(shared, "Queue", type: "AWS::SQS::Queue")
    let bucket = CfnResource(Construct(shared, "Group"), "Bucket", type: "AWS::S3::Bucket")
    let cache = CfnResource(
      shared, "Cache", type: "AWS::ElastiCache::CacheCluster",
      properties: [("CacheNodeType", "cache.t3.micro"), ("Engine", "redis"), ("NumCacheNodes", 1)])
    let longQueue = CfnResource(
      longStack, "Resource" + String(repeating: "y", count: 200), type: "AWS::SQS::Queue")

    _ = CfnResource(
      early, "Sub", type: "AWS::SNS::Subscription",
      properties: [("Endpoint", queue.getAtt("Arn")), ("Protocol", "sqs"), ("TopicArn", topic.ref)])
    _ = CfnResource(
      early, "Named", type: "AWS::SQS::Queue",
      properties: [
        ("QueueName", Fn.select(0, Fn.split(".", cache.getAtt("RedisEndpoint.Address"))))
      ])

    _ = CfnResource(
      late, "Sub", type: "AWS::SNS::Subscription",
      properties: [
        ("Endpoint", longQueue.getAtt("Arn")), ("Protocol", "sqs"), ("TopicArn", topic.ref),
      ])
    _ = CfnOutput(late, "BucketName", value: bucket.ref)
    _ = CfnOutput(late, "QueueUrl", value: queue.ref)
    _ = CfnOutput(
      late, "Host",
      value:
        "redis://\(cache.getAtt("RedisEndpoint.Address")):\(cache.getAtt("RedisEndpoint.Port"))")
    try expectMatchesCDK(app, fixture: "many")

    // The long export name is cut from the left to CloudFormation's 255 characters.
    let template = try app.synthesizeTemplates().stacks.first { $0.id == "LongStack" }!.template
    let names = template["Outputs"]?.objectValue?.map { $0.value["Export"]?["Name"]?.stringValue }
    #expect(names?.count == 1)
    #expect(names?.first??.utf8.count == 255)
  }

  @Test func chainedStacksDependOnEveryStackTheyImportFrom() throws {
    let app = App(environment: [:])
    let a = Stack(app, "A")
    let b = Stack(app, "B")
    let c = Stack(app, "C")
    let bucket = CfnResource(a, "Bucket", type: "AWS::S3::Bucket")
    let topic = CfnResource(
      b, "Topic", type: "AWS::SNS::Topic", properties: [("DisplayName", bucket.ref)])
    _ = CfnResource(
      c, "Sub", type: "AWS::SNS::Subscription",
      properties: [
        ("Endpoint", bucket.getAtt("DomainName")), ("Protocol", "email"), ("TopicArn", topic.ref),
      ])
    try expectMatchesCDK(app, fixture: "chain")
    let manifest = try app.synthesizeTemplates().manifest
    #expect(manifest["stacks"]?["C"]?["dependencies"] == .array([.string("A"), .string("B")]))
  }

  @Test func exportValueNamesItsOutputAsCDKDoesAndSharesItWithReferences() throws {
    let app = App(environment: [:])
    let producer = Stack(app, "Producer")
    let bucket = CfnResource(producer, "Bucket", type: "AWS::S3::Bucket")
    let topic = CfnResource(producer, "Topic", type: "AWS::SNS::Topic")
    let imported = producer.exportValue(bucket.getAtt("Arn"))
    let named = producer.exportValue(
      topic.ref, name: "shared-topic", description: "The shared topic")
    let consumer = Stack(app, "Consumer")
    _ = CfnResource(
      consumer, "Queue", type: "AWS::SQS::Queue",
      properties: [
        ("QueueName", bucket.ref),
        ("RedriveAllowPolicy", ["sourceQueueArns": [bucket.getAtt("Arn")]]),
      ])
    try expectMatchesCDK(app, fixture: "export-value")
    guard case .importValue(.string(let name)) = imported,
      case .importValue(.string(let given)) = named
    else {
      Issue.record("exportValue returns Fn::ImportValue of the export name")
      return
    }
    #expect(name == "Producer:ExportsOutputFnGetAttBucketArn436138FE")
    #expect(given == "shared-topic")
  }

  @Test func synthesizingTwiceGivesTheSameTemplates() throws {
    let app = App(environment: [:])
    let producer = Stack(app, "Producer")
    let bucket = CfnResource(producer, "Bucket", type: "AWS::S3::Bucket")
    let consumer = Stack(app, "Consumer")
    _ = CfnResource(
      consumer, "Queue", type: "AWS::SQS::Queue", properties: [("QueueName", bucket.ref)])
    let first = try app.synthesizeTemplates().stacks.map(\.templateText)
    let second = try app.synthesizeTemplates().stacks.map(\.templateText)
    #expect(first == second)
    #expect(first[0].contains("ExportsOutputRefBucket239F7DF2"))
  }

  @Test func aConsumerBeforeItsProducerInTheTreeGetsTheSameExport() throws {
    // The producer is rendered after the consumer here, so it is never rendered twice.
    let app = App(environment: [:])
    let consumer = Stack(app, "Consumer")
    let producer = Stack(app, "Producer")
    let bucket = CfnResource(producer, "Bucket", type: "AWS::S3::Bucket")
    _ = CfnResource(
      consumer, "Queue", type: "AWS::SQS::Queue", properties: [("QueueName", bucket.ref)])
    let assembly = try app.synthesizeTemplates()
    #expect(
      assembly.stacks[0].template["Resources"]?["Queue"]?["Properties"]?["QueueName"]
        == .object(
          JSONObject([("Fn::ImportValue", .string("Producer:ExportsOutputRefBucket239F7DF2"))])))
    #expect(
      assembly.stacks[1].template["Outputs"]?["ExportsOutputRefBucket239F7DF2"]?["Export"]?[
        "Name"] == .string("Producer:ExportsOutputRefBucket239F7DF2"))
    #expect(assembly.stacks[0].dependencies == ["Producer"])
  }

  @Test func referencesBothWaysAreAStackCycleWithTheirReasons() throws {
    let app = App(environment: [:])
    let one = Stack(app, "One")
    let two = Stack(app, "Two")
    let topic = CfnResource(one, "Topic", type: "AWS::SNS::Topic")
    let queue = CfnResource(
      two, "Queue", type: "AWS::SQS::Queue", properties: [("QueueName", topic.getAtt("TopicName"))])
    _ = CfnResource(
      one, "Bucket", type: "AWS::S3::Bucket",
      properties: [("BucketName", queue.getAtt("QueueName"))])
    do {
      _ = try app.synthesizeTemplates()
      Issue.record("expected a cycle")
    } catch {
      let cycle = error.problems.first { $0.message.contains("cycle") }
      #expect(cycle?.message.contains("One → Two → One") == true)
      #expect(cycle?.message.contains("One/Bucket refers to Two/Queue.QueueName") == true)
      #expect(cycle?.message.contains("Two/Queue refers to One/Topic.TopicName") == true)
    }
  }

  @Test func parametersConditionsAndMappingsOfAnotherStackAreClearErrors() throws {
    let app = App(environment: [:])
    let one = Stack(app, "One")
    _ = CfnResource(one, "Topic", type: "AWS::SNS::Topic")
    let param = CfnParameter(one, "Env", defaultValue: "dev")
    let isProd = CfnCondition(one, "IsProd", expression: Fn.equals(param.ref, "prod"))
    let sizes = CfnMapping(one, "Sizes", mapping: ["dev": ["size": "small"]])
    let two = Stack(app, "Two")
    let queue = CfnResource(
      two, "Queue", type: "AWS::SQS::Queue",
      properties: [
        ("QueueName", param.ref), ("DelaySeconds", Fn.findInMap(sizes, "dev", "size")),
        ("MaximumMessageSize", Fn.if(isProd, 1024, 2048)),
      ])
    queue.cfnOptions.condition = isProd
    do {
      _ = try app.synthesizeTemplates()
      Issue.record("expected errors")
    } catch {
      let messages = error.problems.filter { $0.path == "Two/Queue" }.map(\.message)
      #expect(
        messages.contains {
          $0.contains("refers to the parameter One/Env of the stack One")
            && $0.contains("declare the parameter in this stack too")
        })
      #expect(messages.contains { $0.contains("refers to the mapping One/Sizes of the stack One") })
      #expect(
        messages.contains { $0.contains("refers to the condition One/IsProd of the stack One") })
      #expect(!error.description.contains("Fn::ImportValue"))
    }
  }

  @Test func stacksInDifferentEnvironmentsCannotReferToEachOther() throws {
    let app = App(environment: [:])
    let one = Stack(
      app, "One", environment: Environment(account: "111111111111", region: "us-east-1"))
    let topic = CfnResource(one, "Topic", type: "AWS::SNS::Topic")
    let two = Stack(
      app, "Two", environment: Environment(account: "111111111111", region: "eu-west-1"))
    _ = CfnResource(
      two, "Queue", type: "AWS::SQS::Queue", properties: [("QueueName", topic.getAtt("TopicName"))])
    let three = Stack(app, "Three")
    _ = CfnResource(three, "Queue", type: "AWS::SQS::Queue", properties: [("QueueName", topic.ref)])
    let four = Stack(
      app, "Four", environment: Environment(account: "111111111111", region: "us-east-1"))
    _ = CfnResource(four, "Queue", type: "AWS::SQS::Queue", properties: [("QueueName", topic.ref)])
    do {
      _ = try app.synthesizeTemplates()
      Issue.record("expected errors")
    } catch {
      let two = error.problems.first { $0.path == "Two/Queue" }?.message ?? ""
      #expect(two.contains("refers to One/Topic.TopicName in the stack One"))
      #expect(
        two.contains(
          "account 111111111111, region us-east-1; this stack: account 111111111111, region eu-west-1"
        ))
      #expect(two.contains("same account and region"))
      let three = error.problems.first { $0.path == "Three/Queue" }?.message ?? ""
      #expect(three.contains("this stack: account unset, region unset"))
      // The stack in the producer's own environment imports as usual.
      #expect(!error.problems.contains { $0.path.hasPrefix("Four") })
    }
  }

  @Test func anExportValueThatCannotBeExportedIsReported() throws {
    let app = App(environment: [:])
    let one = Stack(app, "One")
    let two = Stack(app, "Two")
    let topic = CfnResource(one, "Topic", type: "AWS::SNS::Topic")
    _ = CfnResource(two, "Queue", type: "AWS::SQS::Queue")
    let literal = two.exportValue("just text")
    let foreign = two.exportValue(topic.ref)
    let late = CfnResource(two, "Late", type: "AWS::SQS::Queue")
    _ = two.exportValue(late.ref)
    late.overrideLogicalID("Renamed")
    #expect(literal.literalString == "just text")
    if case .ref = foreign {} else { Issue.record("a refused export returns the value as it was") }
    do {
      _ = try app.synthesizeTemplates()
      Issue.record("expected errors")
    } catch {
      let messages = error.problems.filter { $0.path == "Two" }.map(\.message)
      #expect(messages.contains { $0.contains("neither a Ref nor a GetAtt") })
      #expect(messages.contains { $0.contains("One/Topic, which is not an element of this stack") })
      #expect(messages.contains { $0.contains("Call overrideLogicalID before exportValue") })
    }
  }
}
