import StackKit

/// One-sentence documentation of a resource type, its properties, attributes and nested types,
/// for schemas that carry no `description` (cfn-lint strips them). Read from
/// `schemas/docs/cdk-docs.json`, which `schemas/refresh_docs.py` extracts from AWS CDK.
///
/// ```swift
/// let docs = try ResourceDocs.load(text: text, file: "schemas/docs/cdk-docs.json")
/// docs["AWS::EC2::VPC"]?.property("CidrBlock")  // "The IPv4 network range for the VPC, …"
/// ```
public struct ResourceDocs: Sendable {
  /// The resource type's summary.
  public var summary: String?
  /// Attribute name (`PrimaryEndPoint.Address`) → summary.
  public var attributes: [String: String]
  /// Lower-cased property name → summary.
  public var properties: [String: String]
  /// Nested type name (`VpcConfig`) → its summary and lower-cased property summaries.
  public var types: [String: (summary: String?, properties: [String: String])]

  /// The summary of a top-level property.
  public func property(_ cfnName: String) -> String? { properties[cfnName.lowercased()] }

  /// The summary of a field of the nested type named `typeName` in the schema.
  public func field(_ cfnName: String, of typeName: String) -> String? {
    types[typeName]?.properties[cfnName.lowercased()]
  }

  /// Parses the documentation file: `{"types": {"AWS::EC2::VPC": {"summary": …}}}`.
  public static func load(
    text: String, file: String
  ) throws(CodegenError) -> [String: ResourceDocs] {
    let root: JSON
    do {
      root = try JSONParser.parse(text)
    } catch {
      throw CodegenError(file: file, "not valid JSON: \(error)")
    }
    guard let types = root["types"]?.objectValue else {
      throw CodegenError(file: file, "no \"types\" object; regenerate it with refresh_docs.py")
    }
    var out: [String: ResourceDocs] = [:]
    for (typeName, entry) in types {
      var nested: [String: (summary: String?, properties: [String: String])] = [:]
      for (name, type) in entry["types"]?.objectValue ?? JSONObject() {
        nested[name] = (nonEmpty(type["summary"]), strings(type["properties"]))
      }
      out[typeName] = ResourceDocs(
        summary: nonEmpty(entry["summary"]), attributes: strings(entry["attributes"]),
        properties: strings(entry["properties"]), types: nested)
    }
    return out
  }

  private static func nonEmpty(_ value: JSON?) -> String? {
    guard let s = value?.stringValue, !s.isEmpty else { return nil }
    return s
  }

  private static func strings(_ value: JSON?) -> [String: String] {
    var out: [String: String] = [:]
    for (key, value) in value?.objectValue ?? JSONObject() {
      if let s = nonEmpty(value) { out[key] = s }
    }
    return out
  }
}
