import Foundation
import StackCodegen
import Testing

/// How schema shapes map to Swift types and names, on small made-up schemas.
@Suite struct TypeMappingTests {
  static let schema = """
    {
      "typeName": "AWS::Test::Widget",
      "description": "Describes a widget. It has parts.",
      "definitions": {
        "Tag": {
          "type": "object",
          "properties": {"Key": {"type": "string"}, "Value": {"type": "string"}},
          "required": ["Key", "Value"]
        },
        "Endpoint": {
          "type": "object",
          "properties": {"Address": {"type": "string"}, "Port": {"type": "integer"}}
        },
        "Rule": {
          "type": "object",
          "properties": {
            "Name": {"type": "string"},
            "Type": {"type": "string", "enum": ["allow", "deny"]},
            "Protocol": {"$ref": "#/definitions/Protocol"}
          },
          "required": ["Name"]
        },
        "Protocol": {"type": "string", "enum": ["tcp", "udp", "-1"]},
        "Auth": {
          "type": "object",
          "properties": {
            "Passwords": {"type": "array", "items": {"type": "string"}},
            "Type": {"type": "string", "enum": ["password", "no-password-required", "none"]}
          }
        },
        "Value": {"type": "object", "properties": {"Amount": {"type": "number"}}}
      },
      "properties": {
        "Name": {"type": "string"},
        "Size": {"type": "integer", "minimum": 1, "maximum": 10},
        "Zones": {"type": "array", "items": {"type": "string"}},
        "Mode": {"type": "string", "enum": ["default", "dedicated", "GLACIER_IR", "python3.12"]},
        "Rules": {"type": "array", "items": {"$ref": "#/definitions/Rule"}},
        "Auth": {"$ref": "#/definitions/Auth"},
        "Tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}},
        "Settings": {"type": "object", "patternProperties": {".*": {"type": "string"}}},
        "Policy": {"type": ["object", "string"]},
        "AuthToken": {"type": "string"},
        "Protocol": {"type": "string"},
        "Stack": {"type": "string"},
        "Ref": {"type": "string"},
        "Endpoint": {"$ref": "#/definitions/Endpoint"},
        "Worth": {"$ref": "#/definitions/Value"},
        "Inline": {
          "type": "object",
          "properties": {"Status": {"type": "string", "enum": ["Enabled", "Disabled"]}}
        },
        "Other": {
          "type": "object",
          "properties": {"Status": {"type": "string", "enum": ["On", "Off"]}}
        },
        "Arn": {"type": "string"},
        "Id": {"type": "string"}
      },
      "required": ["Name", "Rules"],
      "readOnlyProperties": [
        "/properties/Arn", "/properties/Id", "/properties/Endpoint/Address",
        "/properties/Endpoint/Port"
      ],
      "createOnlyProperties": ["/properties/Name", "/properties/Auth/Type"],
      "primaryIdentifier": ["/properties/Id"]
    }
    """

  static func model() throws -> ResourceModel {
    try ResourceModelBuilder.build(ResourceSchema(text: schema, file: "schemas/widget.json"))
  }

  static func property(_ name: String) throws -> PropertyModel {
    let found = try model().properties.first { $0.cfnName == name }
    return try #require(found, "no property \(name)")
  }

  static func nested(_ name: String) throws -> NestedType {
    let found = try model().nestedTypes.first { $0.name == name }
    return try #require(found, "no nested type \(name)")
  }

  @Test func scalarsListsOfScalarsAndJSONAreValues() throws {
    for name in ["Name", "Size", "Zones", "Settings", "Policy", "Protocol"] {
      #expect(try Self.property(name).type == .value, "\(name)")
    }
  }

  @Test func requiredPropertiesAreMarkedAndOthersAreNot() throws {
    #expect(try Self.property("Name").isRequired)
    #expect(try Self.property("Rules").isRequired)
    #expect(try !Self.property("Size").isRequired)
  }

  @Test func propertiesAreSortedAndReadOnlyOnesLeftOut() throws {
    let names = try Self.model().properties.map(\.cfnName)
    #expect(names == names.sorted())
    #expect(!names.contains("Arn"))
    #expect(!names.contains("Id"))
    // Every field of Endpoint is read-only: it is an output, not a property.
    #expect(!names.contains("Endpoint"))
  }

  @Test func enumsBecomeStructsWithSanitizedMembers() throws {
    #expect(try Self.property("Mode").type == .enumeration("Mode"))
    guard case .enumeration(let mode) = try Self.nested("Mode") else {
      Issue.record("Mode is not an enumeration")
      return
    }
    #expect(mode.members.map(\.swiftName) == ["default", "dedicated", "glacierIr", "python3_12"])
    #expect(mode.members.map(\.rawValue) == ["default", "dedicated", "GLACIER_IR", "python3.12"])
    guard case .enumeration(let proto) = try Self.nested("ProtocolProperty") else {
      Issue.record("the Protocol definition is not renamed ProtocolProperty")
      return
    }
    #expect(proto.members.map(\.swiftName) == ["tcp", "udp", "_1"])
  }

  @Test func noneIsNotAnEnumMemberName() throws {
    guard case .enumeration(let type) = try Self.nested("TypeProperty") else {
      Issue.record("no TypeProperty")
      return
    }
    #expect(type.members.map(\.swiftName).contains("noneValue"))
    #expect(type.members.map(\.swiftName).contains("noPasswordRequired"))
  }

  @Test func nestedDefinitionsBecomeStructsWithTheirFields() throws {
    #expect(try Self.property("Rules").type == .structureList("Rule"))
    #expect(try Self.property("Auth").type == .structure("Auth"))
    guard case .structure(let rule) = try Self.nested("Rule") else {
      Issue.record("Rule is not a struct")
      return
    }
    #expect(rule.fields.map(\.cfnName) == ["Name", "Protocol", "Type"])
    #expect(rule.fields.map(\.isRequired) == [true, false, false])
    // `Type` is reserved: the first inline `Type` enum (in Auth) is `TypeProperty`, the next one
    // is named after its struct.
    #expect(
      rule.fields.map(\.type) == [
        .value, .enumeration("ProtocolProperty"), .enumeration("RuleType"),
      ])
  }

  @Test func tagsBecomeCfnTag() throws {
    #expect(try Self.property("Tags").type == .tagList)
    #expect(try Self.model().nestedTypes.allSatisfy { $0.name != "Tag" })
  }

  @Test func secretPropertiesAreSecretValues() throws {
    #expect(try Self.property("AuthToken").type == .secret)
    guard case .structure(let auth) = try Self.nested("Auth") else {
      Issue.record("Auth is not a struct")
      return
    }
    #expect(auth.fields.first { $0.cfnName == "Passwords" }?.type == .secretList)
  }

  @Test func reservedAndKeywordNamesAreEscapedOrRenamed() throws {
    #expect(try Self.property("Protocol").swiftName == "protocol")
    #expect(SwiftNames.escaped("protocol") == "`protocol`")
    #expect(try Self.property("Stack").swiftName == "stackProperty")
    #expect(try Self.property("Ref").swiftName == "refProperty")
    // A definition named like a core type is renamed, and references follow it.
    #expect(try Self.property("Worth").type == .structure("ValueProperty"))
  }

  @Test func inlineTypesWithTakenNamesArePrefixedWithTheirParent() throws {
    #expect(try Self.property("Inline").type == .structure("Inline"))
    let names = try Self.model().nestedTypes.map(\.name)
    #expect(names.contains("Status"))
    #expect(names.contains("OtherStatus"))
  }

  @Test func attributesComeFromReadOnlyPropertiesWithDottedNames() throws {
    let attributes = try Self.model().attributes
    #expect(
      attributes.map(\.swiftName) == [
        "attrArn", "attrEndpointAddress", "attrEndpointPort", "attrId",
      ])
    #expect(attributes.map(\.attributeName) == ["Arn", "Endpoint.Address", "Endpoint.Port", "Id"])
  }

  @Test func createOnlyPathsAndSummaryAreKept() throws {
    let model = try Self.model()
    #expect(model.createOnlyProperties == ["Auth/Type", "Name"])
    #expect(model.summary == "Describes a widget.")
    #expect(model.className == "CfnWidget")
    #expect(model.service == "Test")
    #expect(model.primaryIdentifier == ["Id"])
  }

  @Test func renderedClassFollowsTheContract() throws {
    let text = SwiftRenderer.resourceFile(try Self.model())
    #expect(text.contains("extension Test {"))
    #expect(text.contains("public final class CfnWidget: CfnResource {"))
    #expect(text.contains("public static let cfnResourceTypeName = \"AWS::Test::Widget\""))
    #expect(text.contains("/// `Ref` returns the `Id`."))
    #expect(text.contains("public var name: Value\n"))
    #expect(text.contains("public var size: Value?\n"))
    #expect(text.contains("public var authToken: SecretValue?\n"))
    #expect(text.contains("public var `protocol`: Value?\n"))
    #expect(text.contains("name: Value,\n"))
    #expect(text.contains("size: Value? = nil,\n"))
    #expect(text.contains("p.append((\"Name\", name))"))
    #expect(text.contains("if let v = size { p.append((\"Size\", v)) }"))
    #expect(text.contains("if let v = mode { p.append((\"Mode\", v.cfnValue)) }"))
    #expect(text.contains("public var attrEndpointAddress: Value { getAtt(\"Endpoint.Address\") }"))
    #expect(text.contains("public static var `default`: Self { Self(.string(\"default\")) }"))
    #expect(text.contains("public struct Mode: ValueConvertible, ExpressibleByStringLiteral {"))
    #expect(text.contains("public struct Rule: ValueConvertible {"))
    // Initializer parameters follow the CloudFormation names' alphabetical order.
    let lines = text.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "    public init("))
    let end = try #require(lines[start...].firstIndex(of: "    ) {"))
    let parameters = lines[(start + 1)..<end].map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    #expect(
      Array(parameters.prefix(5)) == [
        "_ scope: Construct,", "_ id: String,", "auth: Auth? = nil,",
        "authToken: SecretValue? = nil,", "inline: Inline? = nil,",
      ])
    #expect(parameters.contains("rules: [Rule],"))
    #expect(parameters.contains("tags: [CfnTag]? = nil,"))
  }

  @Test func badSchemasAreErrorsNamingTheFile() {
    #expect {
      try ResourceSchema(text: "{\"typeName\": ", file: "schemas/broken.json")
    } throws: { error in
      "\(error)".hasPrefix("schemas/broken.json: not valid JSON")
    }
    #expect {
      try ResourceSchema(text: "{\"typeName\": \"Widget\", \"properties\": {}}", file: "w.json")
    } throws: { error in
      "\(error)".contains("w.json") && "\(error)".contains("AWS::Service::Type")
    }
    #expect {
      let schema = try ResourceSchema(
        text: """
          {"typeName": "AWS::A::B", "properties": {"X": {"$ref": "#/definitions/Missing"}}}
          """, file: "schemas/aws-a-b.json")
      _ = try ResourceModelBuilder.build(schema)
    } throws: { error in
      "\(error)".hasPrefix("schemas/aws-a-b.json: X: $ref \"#/definitions/Missing\"")
    }
  }
}
