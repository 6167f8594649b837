import Testing

@testable import StackKit

/// `Tags.of(scope)`: how the tags of scopes and of the resource itself merge (the CDK comparison
/// is in StackKitAWSTests/TagsTests.swift).
@Suite struct TagsTests {
  /// A resource type StackKit has no class for, taking list tags as generated L1s do.
  final class Queue: CfnResource {
    var tags: [CfnTag]?

    init(_ scope: Construct, _ id: String, tags: [CfnTag]? = nil) {
      self.tags = tags
      super.init(scope, id, type: "AWS::SQS::Queue")
    }

    override var cfnProperties: [(String, Value)] {
      var p: [(String, Value)] = [("QueueName", "q")]
      if let v = Tags.renderedList(tags, of: self) { p.append(("Tags", v)) }
      p.append(("VisibilityTimeout", 30))
      return p
    }
  }

  static func keysAndValues(_ tags: [(key: String, value: Value)]) -> [String] {
    tags.map { "\($0.key)=\($0.value.literalString ?? "?")" }
  }

  @Test func priorityThenClosenessThenOrderDecide() {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let group = Construct(stack, "Group")
    let queue = Queue(group, "Queue")
    Tags.of(app).add("a", "app")
    Tags.of(group).add("a", "group")
    Tags.of(stack).add("a", "stack")  // farther than the group: loses at equal priority
    Tags.of(queue).add("b", "one")
    Tags.of(queue).add("b", "two")  // same scope: the later one wins
    Tags.of(app).add("c", "app", priority: 101)
    Tags.of(queue).add("c", "queue")  // closer but lower priority: loses
    Tags.of(stack).remove("d", priority: 99)
    Tags.of(group).add("d", "group")  // a remove below the add's priority does not count
    Tags.of(group).add("e", "kept")
    Tags.of(stack).remove("e")  // remove (200) wins over add (100) from farther away
    #expect(
      Self.keysAndValues(
        Tags.resolve(
          initial: [("z", "initial"), ("c", "initial")], resourceType: "AWS::SQS::Queue",
          at: queue))
        == ["a=group", "b=two", "c=app", "d=group", "z=initial"])
  }

  @Test func initialTagsHavePriorityFiftyAndResourceTypesFilter() {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let queue = Queue(stack, "Queue")
    Tags.of(stack).add("low", "scope", priority: 49)
    Tags.of(stack).add("tie", "scope", priority: 50)
    Tags.of(stack).add("only", "queues", includeResourceTypes: ["AWS::SQS::Queue"])
    Tags.of(stack).add("never", "topics", includeResourceTypes: ["AWS::SNS::Topic"])
    Tags.of(stack).add("not", "queues", excludeResourceTypes: ["AWS::SQS::Queue"])
    Tags.of(stack).remove("gone", includeResourceTypes: ["AWS::SQS::Queue"])
    Tags.of(stack).remove("stays", excludeResourceTypes: ["AWS::SQS::Queue"])
    #expect(
      Self.keysAndValues(
        Tags.resolve(
          initial: [
            ("low", "initial"), ("tie", "initial"), ("gone", "initial"), ("stays", "initial"),
          ],
          resourceType: queue.cfnResourceType, at: queue))
        == ["low=initial", "only=queues", "stays=initial", "tie=scope"])
  }

  @Test func keysSortAsCDKAndTagsRenderInTheirPropertyPlace() throws {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let queue = Queue(stack, "Queue", tags: [CfnTag(key: "b", value: "2")])
    let bare = Queue(stack, "Bare")
    Tags.of(queue).add("B", "3")
    Tags.of(queue).add("_x", "4")
    Tags.of(queue).add("10", "5")
    Tags.of(queue).add("a", "1")
    let template = try app.synthesizeTemplates().stacks[0].template
    let properties = try #require(template["Resources"]?["Queue"]?["Properties"]?.objectValue)
    #expect(properties.keys == ["QueueName", "Tags", "VisibilityTimeout"])
    #expect(
      properties["Tags"]?.arrayValue?.compactMap { $0["Key"]?.stringValue }
        == ["_x", "10", "a", "b", "B"])
    // No tag at all: no Tags key.
    #expect(
      template["Resources"]?["Bare"]?["Properties"]?.objectValue?.keys
        == ["QueueName", "VisibilityTimeout"])
    _ = bare
  }
}

extension TagsTests {
  /// What CDK writes in the manifest for the same program (`tags` of the stack artifact): the
  /// stack's own tags at priority 50, tags of the app and the stack, not those limited to other
  /// resource types or set below the stack.
  @Test func tagsOfTheAppAndTheStackAreStackTagsAsCDK() throws {
    let app = App(environment: [:])
    let stack = Stack(
      app, "S", tags: [("team", "x"), ("b", "1"), ("Z", "z"), ("low", "stack-prop")])
    let queue = Queue(stack, "Q")
    Tags.of(app).add("team", "platform")
    Tags.of(app).add("low", "aspect", priority: 10)
    Tags.of(stack).add("only-queues", "y", includeResourceTypes: ["AWS::SQS::Queue"])
    Tags.of(queue).add("inner", "y")
    let assembly = try app.synthesizeTemplates()
    #expect(
      assembly.stacks[0].tags.map { "\($0.0)=\($0.1)" }
        == ["b=1", "low=stack-prop", "team=platform", "Z=z"])
    #expect(
      JSONWriter(indent: nil).write(assembly.manifest["stacks"]?["S"]?["tags"] ?? .null)
        == #"{"b":"1","low":"stack-prop","team":"platform","Z":"z"}"#)
    #expect(
      assembly.stacks[0].template["Resources"]?["Q"]?["Properties"]?["Tags"]?.arrayValue?
        .compactMap { $0["Key"]?.stringValue } == ["inner", "low", "only-queues", "team"])
  }
}
