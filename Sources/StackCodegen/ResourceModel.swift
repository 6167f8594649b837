/// What the generator writes for one resource type: the class, its properties, nested types and
/// attributes, with every Swift name already chosen.
///
/// ```swift
/// let model = try ResourceModelBuilder(schema: schema).build()
/// model.className                // "CfnVPC"
/// model.properties.map(\.cfnName) // ["CidrBlock", "EnableDnsHostnames", …]
/// ```
public struct ResourceModel: Sendable {
  public var typeName: String
  /// The namespace enum: `EC2`.
  public var service: String
  /// `CfnVPC`.
  public var className: String
  public var schemaFile: String
  /// The first sentence of the schema's description, when it has one.
  public var summary: String?
  /// Primary identifier properties (what `Ref` returns).
  public var primaryIdentifier: [String]
  public var createOnlyProperties: [String]
  public var conditionalCreateOnlyProperties: [String]
  /// Writable properties, sorted by CloudFormation name.
  public var properties: [PropertyModel]
  /// Nested structs and enum types, sorted by Swift name.
  public var nestedTypes: [NestedType]
  /// `GetAtt` attributes, sorted by attribute name.
  public var attributes: [AttributeModel]
  /// Where the tags of a taggable resource go; `nil` when `Tags.of(…)` does not reach it.
  public var tagging: TaggingModel?
}

/// The tag property of a taggable resource and its shape, as AWS CDK's `TagType`: generated
/// classes merge it with the tags of `Tags.of(…)` when they render.
public struct TaggingModel: Sendable, Equatable {
  /// How the tags are written.
  public enum Format: Sendable, Equatable {
    /// `[{"Key": …, "Value": …}]` (CDK's `STANDARD`), a `[CfnTag]` property.
    case list
    /// `{"key": "value"}` (CDK's `MAP`), a `Value` property.
    case map
  }

  /// The CloudFormation name of the property: `Tags`.
  public var property: String
  public var format: Format

  public init(property: String, format: Format) {
    self.property = property
    self.format = format
  }
}

/// A property of a resource or a field of a nested struct.
public struct PropertyModel: Sendable, Equatable {
  public var cfnName: String
  /// The Swift name, unescaped: `cidrBlock`, `protocol`.
  public var swiftName: String
  public var type: SwiftType
  public var isRequired: Bool
  /// Doc comment lines, without the `///`.
  public var doc: [String]
}

/// The Swift type of a property.
public enum SwiftType: Sendable, Equatable {
  /// `Value`: scalars, lists of scalars, JSON, maps.
  case value
  /// `SecretValue`.
  case secret
  /// `[SecretValue]`.
  case secretList
  /// `CfnTag`.
  case tag
  /// `[CfnTag]`.
  case tagList
  /// A nested struct.
  case structure(String)
  /// A list of a nested struct.
  case structureList(String)
  /// A nested enum-like struct.
  case enumeration(String)

  /// How the type is spelled in Swift.
  public var spelling: String {
    switch self {
    case .value: "Value"
    case .secret: "SecretValue"
    case .secretList: "[SecretValue]"
    case .tag: "CfnTag"
    case .tagList: "[CfnTag]"
    case .structure(let name), .enumeration(let name): name
    case .structureList(let name): "[\(name)]"
    }
  }
}

/// A type nested in a resource class.
public enum NestedType: Sendable, Equatable {
  case structure(StructModel)
  case enumeration(EnumModel)

  public var name: String {
    switch self {
    case .structure(let s): s.name
    case .enumeration(let e): e.name
    }
  }
}

/// A nested property type, rendered as a struct with memberwise init.
public struct StructModel: Sendable, Equatable {
  public var name: String
  /// Where it comes from: `definitions/VpcConfig` or the property path for an inline object.
  public var origin: String
  /// The first sentence of its documentation, when known.
  public var summary: String?
  public var fields: [PropertyModel]
}

/// A string enum, rendered as a struct with a static member per allowed value.
public struct EnumModel: Sendable, Equatable {
  public var name: String
  public var origin: String
  /// (Swift member name, CloudFormation value), in schema order.
  public var members: [(swiftName: String, rawValue: String)]

  public static func == (a: EnumModel, b: EnumModel) -> Bool {
    a.name == b.name && a.origin == b.origin
      && a.members.map(\.swiftName) == b.members.map(\.swiftName)
      && a.members.map(\.rawValue) == b.members.map(\.rawValue)
  }
}

/// A `Fn::GetAtt` attribute from `readOnlyProperties`.
public struct AttributeModel: Sendable, Equatable {
  /// `attrVpcId`, `attrPrimaryEndPointAddress`.
  public var swiftName: String
  /// `VpcId`, `PrimaryEndPoint.Address`.
  public var attributeName: String
  /// The first sentence of its documentation, when known.
  public var summary: String?
}
