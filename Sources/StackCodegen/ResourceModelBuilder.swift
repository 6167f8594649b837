import Foundation
import StackKit

/// Maps a ``ResourceSchema`` to a ``ResourceModel``: chooses the Swift type of every property,
/// names the nested types and attributes, and leaves out read-only properties.
///
/// ```swift
/// let model = try ResourceModelBuilder.build(schema)
/// model.properties.first { $0.cfnName == "InstanceTenancy" }?.type  // .enumeration("InstanceTenancy")
/// ```
///
/// Type mapping: scalars, lists of scalars, JSON and maps are `Value`; `$ref`s and inline objects
/// with properties are nested structs (lists of them `[X]`); `{Key, Value}` definitions are
/// `CfnTag`; string enums are enum-like structs; secret properties are `SecretValue`.
public struct ResourceModelBuilder {
  /// Members of `CfnResource`, `CfnElement` and `Construct` a generated property must not
  /// shadow: such a property gets a `Property` suffix (`stackProperty`).
  public static let reservedMemberNames: Set<String> = [
    "addDeletionOverride", "addDependency", "addOverride", "addPropertyDeletionOverride",
    "addPropertyOverride", "applyRemovalPolicy", "cfnOptions", "cfnProperties", "cfnRender",
    "cfnResourceType", "cfnSection", "dependencyRoots", "dependsOn", "getAtt",
    "hasLogicalIDOverride", "logicalID", "node", "overrideLogicalID", "ref", "removeDependency",
    "stack", "validate",
  ]

  /// Type names a nested type must not take, because generated files use them (or Swift reserves
  /// them): such a type gets a `Property` suffix (`TypeProperty`).
  public static let reservedTypeNames: Set<String> = [
    "Any", "Array", "Bool", "CfnResource", "CfnTag", "Construct", "Dictionary", "Double", "Error",
    "ExpressibleByStringLiteral", "Int", "Never", "Optional", "Protocol", "SecretValue", "Self",
    "Sendable", "String", "Type", "Value", "ValueConvertible",
  ]

  /// Properties whose values are secrets: typed `SecretValue` (`[SecretValue]` for lists), so a
  /// literal can never be written into a template.
  public static let secretPropertyNames: Set<String> = [
    "AuthToken", "ClientSecret", "MasterUserPassword", "Password", "Passwords", "PrivateKey",
    "SecretAccessKey", "SecretString", "SharedSecret",
  ]

  private let schema: ResourceSchema
  private let docs: ResourceDocs?
  private let className: String
  private let readOnly: Set<String>
  private let createOnly: Set<String>
  private let conditionalCreateOnly: Set<String>
  private var takenTypeNames: Set<String>
  private let definitionNames: Set<String>
  private var typeNameByOrigin: [String: String] = [:]
  private var nestedTypes: [String: NestedType] = [:]

  private init(schema: ResourceSchema, docs: ResourceDocs?) {
    self.schema = schema
    self.docs = docs
    className = "Cfn" + SwiftNames.typeName(schema.resourceName)
    readOnly = Set(schema.readOnlyProperties)
    createOnly = Set(schema.createOnlyProperties)
    conditionalCreateOnly = Set(schema.conditionalCreateOnlyProperties)
    takenTypeNames = Self.reservedTypeNames.union([className])
    definitionNames = Set(schema.definitions.keys.map(SwiftNames.typeName))
  }

  /// Builds the model of one resource type; errors name the schema file and the property.
  /// `docs` supplies summaries where the schema has no `description`.
  public static func build(
    _ schema: ResourceSchema, docs: ResourceDocs? = nil
  ) throws(CodegenError) -> ResourceModel {
    var builder = ResourceModelBuilder(schema: schema, docs: docs)
    return try builder.buildModel()
  }

  private mutating func buildModel() throws(CodegenError) -> ResourceModel {
    var properties: [PropertyModel] = []
    var taken = Self.reservedMemberNames
    for (name, node) in try sortedProperties(schema.properties, at: "properties") {
      if readOnly.contains(name) || isEntirelyReadOnly(node, path: name) { continue }
      properties.append(
        try property(
          name, node: node, path: name, required: schema.required.contains(name), parent: nil,
          docsScope: nil, taken: &taken))
    }
    return ResourceModel(
      typeName: schema.typeName, service: schema.service, className: className,
      schemaFile: schema.headerName,
      summary: (schema.description ?? docs?.summary).map(Self.firstSentence),
      primaryIdentifier: schema.primaryIdentifier,
      createOnlyProperties: schema.createOnlyProperties.sorted(),
      conditionalCreateOnlyProperties: schema.conditionalCreateOnlyProperties.sorted(),
      properties: properties,
      nestedTypes: nestedTypes.keys.sorted().compactMap { nestedTypes[$0] },
      attributes: attributes(), tagging: try tagging(properties))
  }

  /// The tag property, when the schema's `tagging` names one that is a list of `{Key, Value}` or
  /// a map of strings; other shapes are rendered as given.
  private func tagging(_ properties: [PropertyModel]) throws(CodegenError) -> TaggingModel? {
    guard let name = schema.tagProperty,
      let property = properties.first(where: { $0.cfnName == name }),
      let node = schema.properties[name]?.objectValue
    else { return nil }
    switch property.type {
    case .tagList:
      return TaggingModel(property: name, format: .list)
    case .value where isStringMap(try resolve(node, at: name).node):
      return TaggingModel(property: name, format: .map)
    default:
      return nil
    }
  }

  // MARK: Properties

  /// `docsScope` is the schema name of the nested type the property is in, to look up its
  /// documentation (nil at the top level).
  private mutating func property(
    _ cfnName: String, node: JSONObject, path: String, required: Bool, parent: String?,
    docsScope: String?, taken: inout Set<String>
  ) throws(CodegenError) -> PropertyModel {
    let resolved = try resolve(node, at: path).node
    let type: SwiftType
    if Self.secretPropertyNames.contains(cfnName) {
      type = isArray(resolved) ? .secretList : .secret
    } else {
      type = try swiftType(of: node, hint: cfnName, path: path, parent: parent)
    }
    var swiftName = SwiftNames.lowerCamel(cfnName)
    if swiftName.isEmpty { swiftName = "property" }
    if taken.contains(swiftName) { swiftName += "Property" }
    var candidate = swiftName
    var counter = 2
    while taken.contains(candidate) {
      candidate = swiftName + String(counter)
      counter += 1
    }
    taken.insert(candidate)
    return PropertyModel(
      cfnName: cfnName, swiftName: candidate, type: type, isRequired: required,
      doc: documentation(
        cfnName, node: node, resolved: resolved, path: path, required: required,
        summary: docsScope.map { docs?.field(cfnName, of: $0) } ?? docs?.property(cfnName)))
  }

  /// `parent` is the struct the property is in (nil at the top level): an inline type whose name
  /// is taken is named after it (`VersioningConfigurationStatus`).
  private mutating func swiftType(
    of node: JSONObject, hint: String, path: String, parent: String?
  ) throws(CodegenError) -> SwiftType {
    let (definition, d) = try resolve(node, at: path)
    if isTag(d) { return .tag }
    if isArray(d) {
      guard let items = d["items"]?.objectValue else { return .value }
      let (itemDefinition, item) = try resolve(items, at: path + "/items")
      if isTag(item) { return .tagList }
      if !(try objectProperties(item, at: path)).isEmpty {
        let origin = itemDefinition.map { "definitions/\($0)" } ?? path + "/items"
        let name = try structure(
          item, hint: itemDefinition ?? hint, origin: origin, path: path,
          parent: itemDefinition == nil ? parent : nil)
        return .structureList(name)
      }
      return .value
    }
    if !(try objectProperties(d, at: path)).isEmpty {
      let origin = definition.map { "definitions/\($0)" } ?? path
      let name = try structure(
        d, hint: definition ?? hint, origin: origin, path: path,
        parent: definition == nil ? parent : nil)
      return .structure(name)
    }
    if let values = stringEnum(d) {
      let origin = definition.map { "definitions/\($0)" } ?? path
      return .enumeration(
        enumeration(
          values, hint: definition ?? hint, origin: origin,
          parent: definition == nil ? parent : nil, isInline: definition == nil))
    }
    return .value
  }

  private mutating func structure(
    _ node: JSONObject, hint: String, origin: String, path: String, parent: String?
  ) throws(CodegenError) -> String {
    if let existing = typeNameByOrigin[origin] { return existing }
    let name = allocateTypeName(
      SwiftNames.typeName(hint), parent: parent, isInline: !origin.hasPrefix("definitions/"))
    typeNameByOrigin[origin] = name
    let required = Set(node["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    var fields: [PropertyModel] = []
    var taken: Set<String> = ["cfnValue"]
    for (field, fieldNode) in try objectProperties(node, at: path) {
      let fieldPath = path + "/" + field
      if readOnly.contains(fieldPath) || isEntirelyReadOnly(fieldNode, path: fieldPath) { continue }
      fields.append(
        try property(
          field, node: fieldNode, path: fieldPath, required: required.contains(field),
          parent: name, docsScope: hint, taken: &taken))
    }
    let summary = (node["description"]?.stringValue ?? docs?.types[hint]?.summary)
      .map(Self.firstSentence)
    nestedTypes[name] = .structure(
      StructModel(name: name, origin: origin, summary: summary, fields: fields))
    return name
  }

  private mutating func enumeration(
    _ values: [String], hint: String, origin: String, parent: String?, isInline: Bool
  ) -> String {
    if let existing = typeNameByOrigin[origin] { return existing }
    let name = allocateTypeName(SwiftNames.typeName(hint), parent: parent, isInline: isInline)
    typeNameByOrigin[origin] = name
    var taken: Set<String> = ["cfnValue", "init"]
    var members: [(swiftName: String, rawValue: String)] = []
    for raw in values where !members.contains(where: { $0.rawValue == raw }) {
      var base = SwiftNames.enumMember(raw)
      // `.none` and `.some` would be read as `Optional`'s cases where an optional is expected.
      if base == "none" || base == "some" { base += "Value" }
      var candidate = base
      var counter = 2
      while taken.contains(candidate) {
        candidate = base + String(counter)
        counter += 1
      }
      taken.insert(candidate)
      members.append((candidate, raw))
    }
    nestedTypes[name] = .enumeration(EnumModel(name: name, origin: origin, members: members))
    return name
  }

  /// A free name for a nested type. A reserved name gets a `Property` suffix (`TypeProperty`).
  /// Definitions keep their names; an inline type (an object or enum written in place) avoids
  /// every definition's name and, when its name is taken, is prefixed with its parent struct's
  /// (`VersioningConfigurationStatus`); a number is the last resort.
  private mutating func allocateTypeName(
    _ hint: String, parent: String?, isInline: Bool
  ) -> String {
    let base = Self.reservedTypeNames.contains(hint) || hint == className ? hint + "Property" : hint
    let taken = takenTypeNames
    let avoided = isInline ? definitionNames : []
    let isFree = { (name: String) in !taken.contains(name) && !avoided.contains(name) }
    var candidates = [base]
    if let parent { candidates.append(parent + hint) }
    candidates.append(base + "Property")
    var name = candidates.first(where: isFree)
    var counter = 2
    while name == nil {
      if isFree(base + String(counter)) { name = base + String(counter) }
      counter += 1
    }
    takenTypeNames.insert(name!)
    return name!
  }

  // MARK: Attributes

  private func attributes() -> [AttributeModel] {
    var taken: Set<String> = []
    var out: [AttributeModel] = []
    for path in schema.readOnlyProperties.sorted() {
      let parts = path.split(separator: "/").map(String.init).filter { $0 != "*" }
      guard !parts.isEmpty else { continue }
      let base = "attr" + parts.map(SwiftNames.typeName).joined()
      var candidate = base
      var counter = 2
      while taken.contains(candidate) {
        candidate = base + String(counter)
        counter += 1
      }
      taken.insert(candidate)
      let attributeName = parts.joined(separator: ".")
      out.append(
        AttributeModel(
          swiftName: candidate, attributeName: attributeName,
          summary: docs?.attributes[attributeName].map(Self.firstSentence)))
    }
    return out
  }

  // MARK: Schema helpers

  /// Follows `$ref`s to `#/definitions/…`; returns the last definition's name and node.
  private func resolve(
    _ node: JSONObject, at path: String
  ) throws(CodegenError) -> (name: String?, node: JSONObject) {
    var current = node
    var name: String?
    var hops = 0
    while let ref = current["$ref"] {
      let prefix = "#/definitions/"
      guard let target = ref.stringValue, target.hasPrefix(prefix) else {
        throw CodegenError(
          file: schema.file,
          "\(path): unsupported $ref \(ref.stringValue.map { "\"\($0)\"" } ?? ref.kindName); "
            + "only \"#/definitions/Name\" is understood")
      }
      let definitionName = String(target.dropFirst(prefix.count))
      guard let definition = schema.definitions[definitionName]?.objectValue else {
        throw CodegenError(
          file: schema.file, "\(path): $ref \"\(target)\" names no object in \"definitions\"")
      }
      hops += 1
      if hops > 32 {
        throw CodegenError(file: schema.file, "\(path): $ref \"\(target)\" is part of a cycle")
      }
      name = definitionName
      current = definition
    }
    return (name, current)
  }

  private func sortedProperties(
    _ properties: JSONObject, at path: String
  ) throws(CodegenError) -> [(String, JSONObject)] {
    var out: [(String, JSONObject)] = []
    for (name, value) in properties {
      guard let object = value.objectValue else {
        throw CodegenError(
          file: schema.file, "\(path)/\(name) is a \(value.kindName), expected an object")
      }
      out.append((name, object))
    }
    return out.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
  }

  /// The properties of an object node, including those of its `oneOf`/`anyOf`/`allOf` branches.
  private func objectProperties(
    _ node: JSONObject, at path: String
  ) throws(CodegenError) -> [(String, JSONObject)] {
    var merged = JSONObject()
    var branches = [node]
    for key in ["oneOf", "anyOf", "allOf"] {
      branches += node[key]?.arrayValue?.compactMap(\.objectValue) ?? []
    }
    for branch in branches {
      guard let properties = branch["properties"]?.objectValue else { continue }
      for (name, value) in properties where merged[name] == nil { merged[name] = value }
    }
    return try sortedProperties(merged, at: path)
  }

  /// True when every property below `path` is read-only (an output such as `PrimaryEndPoint`).
  private func isEntirelyReadOnly(_ node: JSONObject, path: String) -> Bool {
    guard let resolved = try? resolve(node, at: path).node,
      let properties = try? objectProperties(resolved, at: path), !properties.isEmpty
    else { return false }
    return properties.allSatisfy { name, child in
      readOnly.contains(path + "/" + name) || isEntirelyReadOnly(child, path: path + "/" + name)
    }
  }

  private func types(_ node: JSONObject) -> [String] {
    if let s = node["type"]?.stringValue { return [s] }
    return node["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
  }

  private func isArray(_ node: JSONObject) -> Bool {
    let t = types(node)
    return t == ["array"] || (t.isEmpty && node["items"] != nil)
  }

  /// An object of exactly `Key` and `Value` (`AWS::SSM::Document` does not mark them required).
  private func isTag(_ node: JSONObject) -> Bool {
    guard let properties = node["properties"]?.objectValue else { return false }
    return Set(properties.keys) == ["Key", "Value"]
  }

  /// An object of arbitrary keys whose values are strings (`{"patternProperties": …}`).
  private func isStringMap(_ node: JSONObject) -> Bool {
    guard types(node) == ["object"], node["properties"] == nil else { return false }
    var valueNodes = node["patternProperties"]?.objectValue?.map(\.value) ?? []
    if let additional = node["additionalProperties"], additional.objectValue != nil {
      valueNodes.append(additional)
    }
    return !valueNodes.isEmpty
      && valueNodes.allSatisfy { $0.objectValue.map(types) == ["string"] }
  }

  private func stringEnum(_ node: JSONObject) -> [String]? {
    let t = types(node)
    guard t.isEmpty || t == ["string"], let values = node["enum"]?.arrayValue, !values.isEmpty
    else { return nil }
    let strings = values.compactMap(\.stringValue)
    return strings.count == values.count ? strings : nil
  }

  // MARK: Documentation

  private func documentation(
    _ cfnName: String, node: JSONObject, resolved: JSONObject, path: String, required: Bool,
    summary: String?
  ) -> [String] {
    var lines: [String] = []
    if let description = node["description"]?.stringValue ?? resolved["description"]?.stringValue
      ?? summary
    {
      lines.append("`\(cfnName)`: \(Self.firstSentence(description))")
    } else {
      lines.append("`\(cfnName)`: \(kind(of: resolved)).")
    }
    var notes: [String] = []
    if required { notes.append("Required.") }
    if createOnly.contains(path) { notes.append("Changing it replaces the resource.") }
    if conditionalCreateOnly.contains(path) {
      notes.append("Changing it may replace the resource.")
    }
    let itemNode = isArray(resolved) ? resolved["items"]?.objectValue : nil
    if let itemNode, let values = stringEnum((try? resolve(itemNode, at: path).node) ?? itemNode) {
      notes.append("Allowed values: " + values.map { "`\($0)`" }.joined(separator: ", ") + ".")
    }
    if let minimum = number(resolved["minimum"]), let maximum = number(resolved["maximum"]) {
      notes.append("From \(minimum) to \(maximum).")
    } else if let minimum = number(resolved["minimum"]) {
      notes.append("At least \(minimum).")
    } else if let maximum = number(resolved["maximum"]) {
      notes.append("At most \(maximum).")
    }
    if let value = resolved["default"] ?? node["default"], let text = scalarText(value),
      text.count <= 60, !text.contains("\n")
    {
      notes.append("Default: `\(text)`.")
    }
    if !notes.isEmpty { lines.append(notes.joined(separator: " ")) }
    return lines
  }

  private func kind(of node: JSONObject) -> String {
    if isTag(node) { return "tag" }
    let t = types(node)
    if isArray(node) {
      guard let items = node["items"]?.objectValue,
        let item = try? resolve(items, at: "").node
      else { return "list" }
      if isTag(item) { return "list of tags" }
      let itemKind = kind(of: item)
      switch itemKind {
      case "string", "integer", "number", "boolean", "object", "JSON object", "map":
        return "list of \(itemKind)s"
      default:
        return "list of \(itemKind) items"
      }
    }
    if t == ["object"] || (t.isEmpty && node["properties"] != nil) {
      if node["properties"] != nil || node["oneOf"] != nil || node["anyOf"] != nil {
        return "object"
      }
      if node["patternProperties"] != nil || node["additionalProperties"]?.objectValue != nil {
        return "map"
      }
      return "JSON object"
    }
    if t.count > 1 { return t.sorted().joined(separator: " or ") }
    if node["enum"] != nil, let first = t.first { return first + " enum" }
    return t.first ?? "value"
  }

  private func number(_ value: JSON?) -> String? {
    switch value {
    case .int(let i)?: String(i)
    case .double(let d)?: d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    default: nil
    }
  }

  private func scalarText(_ value: JSON) -> String? {
    switch value {
    case .string(let s): s
    case .bool(let b): String(b)
    case .int, .double: number(value)
    default: nil
    }
  }

  /// The description up to its first sentence end, on one line.
  static func firstSentence(_ text: String) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
      .trimmingCharacters(in: .whitespaces)
    if let end = flat.range(of: ". ") {
      return String(flat[..<end.lowerBound]) + "."
    }
    return flat
  }
}
