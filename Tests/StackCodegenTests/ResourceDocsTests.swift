import StackCodegen
import Testing

/// Summaries from `schemas/docs/cdk-docs.json` fill in what the schemas do not describe.
@Suite struct ResourceDocsTests {
  static let docs = """
    {"source": "test", "types": {"AWS::Test::Gadget": {
      "summary": "Specifies a gadget. More text follows.",
      "attributes": {"Endpoint.Address": "The address of the gadget."},
      "properties": {"cidrblock": "The IPv4 range.", "config": "The configuration."},
      "types": {"Config": {"summary": "Settings of a gadget.",
                           "properties": {"subnetids": "The subnets."}}}
    }}}
    """

  static let schema = """
    {
      "typeName": "AWS::Test::Gadget",
      "definitions": {
        "Config": {"type": "object", "properties": {"SubnetIds": {"type": "array"}}}
      },
      "properties": {
        "CidrBlock": {"type": "string"},
        "Described": {"type": "string", "description": "Own text. Not this."},
        "Config": {"$ref": "#/definitions/Config"},
        "Plain": {"type": "integer"}
      },
      "readOnlyProperties": ["/properties/Endpoint/Address"]
    }
    """

  static func model() throws -> ResourceModel {
    let docs = try ResourceDocs.load(text: Self.docs, file: "docs.json")
    return try ResourceModelBuilder.build(
      ResourceSchema(text: Self.schema, file: "schemas/aws-test-gadget.json"),
      docs: docs["AWS::Test::Gadget"])
  }

  @Test func summariesComeFromTheDocsWhenTheSchemaHasNone() throws {
    let model = try Self.model()
    #expect(model.summary == "Specifies a gadget.")
    let docs = Dictionary(uniqueKeysWithValues: model.properties.map { ($0.cfnName, $0.doc[0]) })
    #expect(docs["CidrBlock"] == "`CidrBlock`: The IPv4 range.")
    #expect(docs["Described"] == "`Described`: Own text.")
    #expect(docs["Plain"] == "`Plain`: integer.")
    #expect(model.attributes.first?.summary == "The address of the gadget.")
    guard case .structure(let config)? = model.nestedTypes.first else {
      Issue.record("no Config struct")
      return
    }
    #expect(config.summary == "Settings of a gadget.")
    #expect(config.fields.first?.doc.first == "`SubnetIds`: The subnets.")
  }

  @Test func renderedDocCommentsUseTheSummaries() throws {
    let text = SwiftRenderer.resourceFile(try Self.model())
    #expect(text.contains("  /// `AWS::Test::Gadget`: Specifies a gadget.\n"))
    #expect(
      text.contains("    /// `Endpoint.Address` (`Fn::GetAtt`): The address of the gadget.\n"))
    #expect(text.contains("    /// Settings of a gadget.\n"))
  }

  @Test func aMalformedDocsFileIsAnErrorNamingIt() {
    #expect {
      try ResourceDocs.load(text: "{\"types\": 3}", file: "schemas/docs/cdk-docs.json")
    } throws: { error in
      "\(error)".hasPrefix("schemas/docs/cdk-docs.json: no \"types\" object")
    }
  }
}
