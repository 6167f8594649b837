import StackKit

/// One CloudFormation registry schema (`AWS::EC2::VPC` …), parsed with its key order kept.
///
/// ```swift
/// let schema = try ResourceSchema(text: text, file: "schemas/aws-ec2-vpc.json")
/// schema.typeName            // "AWS::EC2::VPC"
/// schema.createOnlyProperties  // ["CidrBlock", "Ipv4IpamPoolId", "Ipv4NetmaskLength"]
/// ```
public struct ResourceSchema: Sendable {
  /// The file it was read from, as given: errors name it.
  public let file: String
  /// How generated headers name the schema: `schemas/<file name>`, whatever folder it was read
  /// from, so the output does not depend on the working directory.
  public var headerName: String {
    "schemas/" + (file.split(separator: "/").last.map(String.init) ?? file)
  }
  /// `AWS::Service::Type`.
  public let typeName: String
  /// The service part of the type name: `EC2`.
  public let service: String
  /// The resource part of the type name: `VPC`.
  public let resourceName: String
  public let description: String?
  /// The `properties` object.
  public let properties: JSONObject
  /// The `definitions` object (nested property types).
  public let definitions: JSONObject
  public let required: Set<String>
  /// Paths below `/properties/`, `/` separated: `VpcId`, `PrimaryEndPoint/Address`.
  public let readOnlyProperties: [String]
  public let createOnlyProperties: [String]
  public let conditionalCreateOnlyProperties: [String]
  public let primaryIdentifier: [String]
  /// The property that holds the resource's tags (`tagging.tagProperty`, `Tags` when the schema
  /// does not say); `nil` when `tagging.taggable` is false.
  public let tagProperty: String?

  /// Parses and checks a schema; errors name `file`.
  public init(text: String, file: String) throws(CodegenError) {
    self.file = file
    let root: JSON
    do {
      root = try JSONParser.parse(text)
    } catch {
      throw CodegenError(file: file, "not valid JSON: \(error)")
    }
    guard let object = root.objectValue else {
      throw CodegenError(file: file, "expected a JSON object at the top, found a \(root.kindName)")
    }
    guard let typeName = object["typeName"]?.stringValue else {
      throw CodegenError(
        file: file, "no \"typeName\" string: is this a CloudFormation registry schema?")
    }
    let parts = typeName.components(separatedBy: "::")
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
      throw CodegenError(
        file: file, "typeName \"\(typeName)\" is not of the form AWS::Service::Type")
    }
    guard let properties = object["properties"]?.objectValue else {
      throw CodegenError(file: file, "no \"properties\" object in the schema of \(typeName)")
    }
    self.typeName = typeName
    service = parts[1]
    resourceName = parts[2]
    description = object["description"]?.stringValue
    self.properties = properties
    if let definitions = object["definitions"] {
      guard let definitions = definitions.objectValue else {
        throw CodegenError(
          file: file, "\"definitions\" is a \(definitions.kindName), not an object")
      }
      self.definitions = definitions
    } else {
      definitions = JSONObject()
    }
    required = Set(try Self.strings(object, "required", file: file))
    readOnlyProperties = try Self.paths(object, "readOnlyProperties", file: file)
    createOnlyProperties = try Self.paths(object, "createOnlyProperties", file: file)
    conditionalCreateOnlyProperties = try Self.paths(
      object, "conditionalCreateOnlyProperties", file: file)
    primaryIdentifier = try Self.paths(object, "primaryIdentifier", file: file)
    tagProperty = try Self.tagProperty(object, file: file)
  }

  /// Reads `tagging`: `{"taggable": false}` means no tags; `tagProperty` is a
  /// `/properties/Name` pointer.
  private static func tagProperty(
    _ object: JSONObject, file: String
  ) throws(CodegenError) -> String? {
    guard let tagging = object["tagging"] else { return "Tags" }
    guard let settings = tagging.objectValue else {
      throw CodegenError(file: file, "\"tagging\" is a \(tagging.kindName), expected an object")
    }
    if case .bool(false)? = settings["taggable"] { return nil }
    guard let pointer = settings["tagProperty"] else { return "Tags" }
    guard let path = pointer.stringValue, path.hasPrefix("/properties/"),
      !path.dropFirst("/properties/".count).contains("/")
    else {
      throw CodegenError(
        file: file,
        "\"tagging.tagProperty\" is \(JSONWriter(indent: nil).write(pointer)); expected a "
          + "top-level property such as \"/properties/Tags\"")
    }
    return String(path.dropFirst("/properties/".count))
  }

  private static func strings(
    _ object: JSONObject, _ key: String, file: String
  ) throws(CodegenError) -> [String] {
    guard let value = object[key] else { return [] }
    guard let items = value.arrayValue else {
      throw CodegenError(
        file: file, "\"\(key)\" is a \(value.kindName), expected a list of strings")
    }
    var out: [String] = []
    for item in items {
      guard let s = item.stringValue else {
        throw CodegenError(file: file, "\"\(key)\" holds a \(item.kindName), expected strings")
      }
      out.append(s)
    }
    return out
  }

  private static func paths(
    _ object: JSONObject, _ key: String, file: String
  ) throws(CodegenError) -> [String] {
    var out: [String] = []
    for path in try strings(object, key, file: file) {
      guard path.hasPrefix("/properties/") else {
        throw CodegenError(
          file: file, "\"\(key)\" entry \"\(path)\" does not start with /properties/")
      }
      out.append(String(path.dropFirst("/properties/".count)))
    }
    return out
  }
}
