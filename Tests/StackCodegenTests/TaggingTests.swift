import StackCodegen
import Testing

/// Which generated types take the tags of `Tags.of(…)`, and how they render them.
@Suite struct TaggingTests {
  /// A schema of `AWS::Test::<name>` with the given `Tags` property, `tagging` section and
  /// definitions.
  static func model(
    _ name: String, tags: String?, tagging: String? = nil, definitions: String = "{}"
  ) throws -> ResourceModel {
    var properties = [#""Name": {"type": "string"}"#]
    if let tags { properties.append(#""Tags": "# + tags) }
    let text = """
      {
        "typeName": "AWS::Test::\(name)",
        "definitions": \(definitions),
        "properties": {\(properties.joined(separator: ", "))}
        \(tagging.map { #", "tagging": "# + $0 } ?? "")
      }
      """
    return try ResourceModelBuilder.build(
      ResourceSchema(text: text, file: "schemas/\(name.lowercased()).json"))
  }

  static let tagDefinition = """
    {"Tag": {"type": "object", "properties": {"Key": {"type": "string"},
      "Value": {"type": "string"}}, "required": ["Key", "Value"]}}
    """

  static let tagList = ##"{"type": "array", "items": {"$ref": "#/definitions/Tag"}}"##

  @Test func aListOfKeyValueTagsIsAStandardTagProperty() throws {
    let model = try Self.model(
      "Listed", tags: Self.tagList, tagging: #"{"taggable": true}"#,
      definitions: Self.tagDefinition)
    #expect(model.tagging == TaggingModel(property: "Tags", format: .list))
    let text = SwiftRenderer.resourceFile(model)
    #expect(text.contains("public var tags: [CfnTag]?"))
    #expect(
      text.contains(
        #"      if let v = Tags.renderedList(tags, of: self) { p.append(("Tags", v)) }"# + "\n"))
    #expect(text.contains("merged with the tags of `Tags.of(…)`"))
    #expect(!text.contains("override func validate"))
  }

  @Test func aMapOfStringsIsAMapTagPropertyThatValidatesTokens() throws {
    let map = #"{"type": "object", "patternProperties": {".*": {"type": "string"}}}"#
    let model = try Self.model("Mapped", tags: map)
    #expect(model.tagging == TaggingModel(property: "Tags", format: .map))
    let text = SwiftRenderer.resourceFile(model)
    #expect(text.contains("public var tags: Value?"))
    #expect(
      text.contains(#"if let v = Tags.renderedMap(tags, of: self) { p.append(("Tags", v)) }"#))
    #expect(text.contains("super.validate() + Tags.mapProblems(tags, of: self)"))
  }

  @Test func keyAndValueWithoutRequiredAreTagsToo() throws {
    // AWS::SSM::Document's Tag definition does not mark Key required.
    let model = try Self.model(
      "Loose", tags: Self.tagList,
      definitions: #"{"Tag": {"type": "object", "properties": {"Key": {"type": "string"}, "#
        + #""Value": {"type": "string"}}}}"#)
    #expect(model.tagging?.format == .list)
    #expect(model.nestedTypes.isEmpty)
  }

  @Test func untaggableOtherShapesAndOtherPropertiesAreLeftAsGiven() throws {
    let notTaggable = try Self.model(
      "Off", tags: Self.tagList, tagging: #"{"taggable": false}"#,
      definitions: Self.tagDefinition)
    #expect(notTaggable.tagging == nil)
    #expect(
      SwiftRenderer.resourceFile(notTaggable).contains(
        #"if let v = tags { p.append(("Tags", v.cfnValue)) }"#))
    #expect(try Self.model("Bare", tags: nil).tagging == nil)
    #expect(try Self.model("Text", tags: #"{"type": "string"}"#).tagging == nil)
    let elsewhere = try Self.model(
      "Elsewhere", tags: Self.tagList,
      tagging: #"{"taggable": true, "tagProperty": "/properties/Name"}"#,
      definitions: Self.tagDefinition)
    #expect(elsewhere.tagging == nil, "Name is a string, not tags")
  }

  @Test func aTagPropertyPointerOutsideTheTopLevelIsAnError() {
    #expect {
      try Self.model(
        "Deep", tags: Self.tagList, tagging: #"{"tagProperty": "/properties/Tags/Inner"}"#,
        definitions: Self.tagDefinition)
    } throws: { error in
      "\(error)".hasPrefix(
        "schemas/deep.json: \"tagging.tagProperty\" is \"/properties/Tags/Inner\"")
    }
  }
}
