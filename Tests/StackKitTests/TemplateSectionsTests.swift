import Testing

@testable import StackKit

@Suite struct TemplateSectionsTests {
  @Test func sectionsComeInCloudFormationAnatomyOrder() throws {
    let app = App(environment: [:])
    let stack = Stack(app, "S", description: "demo")
    stack.transforms = ["AWS::Serverless-2016-10-31"]
    // Created in an order unlike the anatomy order on purpose.
    let topic = CfnResource(stack, "Topic", type: "AWS::SNS::Topic")
    _ = CfnOutput(stack, "TopicArn", value: topic.ref, exportName: "demo-topic")
    let env = CfnParameter(stack, "Env", defaultValue: "dev", allowedValues: ["dev", "prod"])
    let isProd = CfnCondition(stack, "IsProd", expression: Fn.equals(env.ref, "prod"))
    _ = CfnMapping(stack, "Sizes", mapping: ["dev": ["size": "small"]])
    let rule = CfnRule(stack, "OnlyKnown")
    rule.addAssertion(Fn.contains(["dev", "prod"], env.ref), "Env must be dev or prod")
    topic.cfnOptions.condition = isProd
    let template = try app.synthesizeTemplates().stacks[0].template
    #expect(
      template.objectValue?.keys == [
        "AWSTemplateFormatVersion", "Description", "Parameters", "Rules", "Mappings", "Conditions",
        "Transform", "Resources", "Outputs",
      ])
    #expect(template["Resources"]?["Topic"]?["Condition"] == .string("IsProd"))
    #expect(
      JSONWriter(indent: nil).write(template["Outputs"]!)
        == #"{"TopicArn":{"Value":{"Ref":"Topic"},"Export":{"Name":"demo-topic"}}}"#)
    #expect(
      JSONWriter(indent: nil).write(template["Conditions"]!)
        == #"{"IsProd":{"Fn::Equals":[{"Ref":"Env"},"prod"]}}"#)
  }

  @Test func resourceAttributesRenderInCDKOrderAndOverridesApplyLast() throws {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let a = CfnResource(stack, "A", type: "AWS::SNS::Topic", properties: [("TopicName", "a")])
    let b = CfnResource(
      stack, "B", type: "AWS::SQS::Queue", properties: [("Tags", [["Key": "k", "Value": "v"]])])
    b.addDependency(a)
    b.applyRemovalPolicy(.retain)
    b.cfnOptions.metadata = [("Note", "hello")]
    b.addPropertyOverride("Tags.0.Value", "w")
    b.addPropertyOverride("Redrive\\.Policy.MaxCount", 3)
    b.addPropertyDeletionOverride("Missing.Key")
    a.addPropertyDeletionOverride("TopicName")
    let template = try app.synthesizeTemplates().stacks[0].template
    #expect(
      JSONWriter(indent: nil).write(template["Resources"]!["B"]!)
        == #"{"Type":"AWS::SQS::Queue","Properties":{"Tags":[{"Key":"k","Value":"w"}],"Redrive.Policy":{"MaxCount":3}},"DependsOn":["A"],"UpdateReplacePolicy":"Retain","DeletionPolicy":"Retain","Metadata":{"Note":"hello"}}"#
    )
    #expect(template["Resources"]?["A"]?["Properties"] == .object(JSONObject()))
  }

  @Test func overrideLogicalIDKeepsADeployedName() throws {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let group = Construct(stack, "Group")
    let r = CfnResource(group, "Resource", type: "AWS::SNS::Topic")
    let other = CfnResource(stack, "Other", type: "AWS::SNS::Topic", properties: [("X", r.ref)])
    r.overrideLogicalID("LegacyTopic")
    _ = other
    let template = try app.synthesizeTemplates().stacks[0].template
    #expect(template["Resources"]?["LegacyTopic"] != nil)
    #expect(
      template["Resources"]?["Other"]?["Properties"]?["X"]
        == .object(JSONObject([("Ref", .string("LegacyTopic"))])))
  }

  @Test func synthesisIsByteIdenticalFromRunToRun() throws {
    func build() throws -> [String] {
      let app = App(environment: [:])
      for s in 0..<3 {
        let stack = Stack(app, "Stack\(s)")
        var previous: CfnResource?
        for i in 0..<20 {
          let r = CfnResource(
            stack, "Res\(i)", type: "AWS::SNS::Topic",
            properties: [("Name", "t-\(i)-\(Pseudo.region)"), ("Other", previous?.ref ?? "none")])
          if let previous, i % 3 == 0 { r.addDependency(previous) }
          previous = r
        }
      }
      let assembly = try app.synthesizeTemplates()
      return assembly.stacks.map(\.templateText) + [JSONWriter().write(assembly.manifest)]
    }
    #expect(try build() == build())
  }

  @Test func referencesAcrossStacksAreImportsAndAcrossAppsClearErrors() throws {
    let app = App(environment: [:])
    let one = Stack(app, "One")
    let two = Stack(app, "Two")
    let topic = CfnResource(one, "Topic", type: "AWS::SNS::Topic")
    _ = CfnResource(
      two, "Sub", type: "AWS::SNS::Subscription", properties: [("TopicArn", topic.ref)])
    let otherApp = App(environment: [:])
    let otherStack = Stack(otherApp, "Three")
    let foreign = CfnResource(otherStack, "Queue", type: "AWS::SQS::Queue")
    _ = CfnResource(
      one, "Policy", type: "AWS::SQS::QueuePolicy", properties: [("Queues", [foreign.ref])])
    do {
      _ = try app.synthesizeTemplates()
      Issue.record("expected an error")
    } catch {
      // Across stacks of one app: an export and an import, as AWS CDK makes them.
      #expect(!error.problems.contains { $0.path.hasPrefix("Two") })
      #expect(
        error.problems.contains { $0.path == "One/Policy" && $0.message.contains("another App") })
    }
    let fixed = App(environment: [:])
    let a = Stack(fixed, "One")
    let b = Stack(fixed, "Two")
    let t = CfnResource(a, "Topic", type: "AWS::SNS::Topic")
    _ = CfnResource(b, "Sub", type: "AWS::SNS::Subscription", properties: [("TopicArn", t.ref)])
    let assembly = try fixed.synthesizeTemplates()
    #expect(
      JSONWriter(indent: nil).write(assembly.stacks[1].template["Resources"]!)
        == #"{"Sub":{"Type":"AWS::SNS::Subscription","Properties":{"TopicArn":{"Fn::ImportValue":"One:ExportsOutputRefTopicA7DE468A"}}}}"#
    )
    #expect(
      JSONWriter(indent: nil).write(assembly.stacks[0].template["Outputs"]!)
        == #"{"ExportsOutputRefTopicA7DE468A":{"Value":{"Ref":"Topic"},"Export":{"Name":"One:ExportsOutputRefTopicA7DE468A"}}}"#
    )
    #expect(assembly.stacks[1].dependencies == ["One"])
  }

  @Test func badIdsAndElementsOutsideStacksAreReported() throws {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    _ = CfnResource(stack, "", type: "AWS::SNS::Topic")
    _ = CfnResource(stack, "a/b", type: "AWS::SNS::Topic")
    _ = CfnResource(app, "Loose", type: "AWS::SNS::Topic")
    _ = Stack(app, "9bad")
    do {
      _ = try app.synthesizeTemplates()
      Issue.record("expected an error")
    } catch {
      let text = error.description
      #expect(text.contains("the construct id is empty"))
      #expect(text.contains("contains '/'"))
      #expect(text.contains("Loose: CfnResource is not inside a Stack"))
      #expect(text.contains("9bad: the stack name \"9bad\" is not one CloudFormation accepts"))
      #expect(text.contains("9bad: the stack has no resources"))
    }
  }

  @Test func lazyValuesAreComputedAtSynthesis() throws {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    final class Names { var list: [String] = [] }
    let names = Names()
    _ = CfnResource(
      stack, "R", type: "AWS::SNS::Topic",
      properties: [("Names", .lazy(Lazy { .strings(names.list) }))])
    names.list = ["late", "later"]
    let template = try app.synthesizeTemplates().stacks[0].template
    #expect(
      template["Resources"]?["R"]?["Properties"]?["Names"]
        == .array([.string("late"), .string("later")]))
  }

  @Test func noEchoParameterIsTheOnlyParameterASecretMayUse() throws {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let open = CfnParameter(stack, "Open")
    let hidden = CfnParameter(stack, "Hidden", noEcho: true)
    _ = CfnResource(
      stack, "A", type: "AWS::ElastiCache::ReplicationGroup",
      properties: [("AuthToken", SecretValue.parameter(hidden).cfnValue)])
    _ = CfnResource(
      stack, "B", type: "AWS::ElastiCache::ReplicationGroup", properties: [("AuthToken", open.ref)])
    do {
      _ = try app.synthesizeTemplates()
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.count == 1)
      #expect(error.problems[0].path == "S/B")
      #expect(error.problems[0].message.contains("not NoEcho"))
    }
  }
}
