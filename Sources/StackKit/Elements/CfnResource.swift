/// A CloudFormation resource: type, properties and resource options.
///
/// Generated L1 types (`EC2.CfnVPC` …) subclass it and override ``cfnProperties``; it can also be
/// used directly for a type StackKit has no class for:
///
/// ```swift
/// let topic = CfnResource(stack, "Topic", type: "AWS::SNS::Topic",
///                         properties: [("TopicName", "alerts")])
/// topic.applyRemovalPolicy(.retain)
/// topic.addPropertyOverride("FifoTopic", true)
/// ```
open class CfnResource: CfnElement {
  /// The CloudFormation type, such as `AWS::EC2::VPC`.
  public let cfnResourceType: String
  /// `DeletionPolicy`, `UpdateReplacePolicy`, `Condition`, `Metadata` and the other options.
  public var cfnOptions = ResourceOptions()
  private var untypedProperties: [(String, Value)]
  private var resourceDependencies: [CfnResource] = []
  private var overrides: [(path: [String], value: Value?)] = []

  public init(
    _ scope: Construct, _ id: String, type: String, properties: [(String, Value)] = []
  ) {
    cfnResourceType = type
    untypedProperties = properties
    super.init(scope, id)
  }

  /// The properties as they go in the template, before overrides. Generated types override this
  /// and list their properties in alphabetical order, as AWS CDK does.
  open var cfnProperties: [(String, Value)] { untypedProperties }

  /// `{"Fn::GetAtt": [logicalID, attribute]}`.
  public func getAtt(_ attribute: String) -> Value { .getAtt(self, attribute) }

  /// Adds an explicit `DependsOn` on another resource of the same stack.
  public func addDependency(_ target: CfnResource) {
    guard target !== self, !resourceDependencies.contains(where: { $0 === target }) else { return }
    resourceDependencies.append(target)
  }

  /// Removes an explicit `DependsOn`.
  public func removeDependency(_ target: CfnResource) {
    resourceDependencies.removeAll { $0 === target }
  }

  /// The resources this one has an explicit `DependsOn` on.
  public var dependsOn: [CfnResource] { resourceDependencies }

  /// Sets `DeletionPolicy` and `UpdateReplacePolicy`, as AWS CDK's `applyRemovalPolicy` does.
  public func applyRemovalPolicy(_ policy: RemovalPolicy) {
    cfnOptions.deletionPolicy = policy
    cfnOptions.updateReplacePolicy = policy == .retainExceptOnCreate ? .retain : policy
  }

  /// Sets any part of the rendered resource by a dotted path (`"Properties.Tags.0.Value"`); a dot
  /// inside a key is written `\.`. Applied after the resource renders.
  public func addOverride(_ path: String, _ value: Value) {
    overrides.append((Self.splitPath(path), value))
  }

  /// Removes a part of the rendered resource by a dotted path.
  public func addDeletionOverride(_ path: String) {
    overrides.append((Self.splitPath(path), nil))
  }

  /// `addOverride("Properties." + path, value)`.
  public func addPropertyOverride(_ path: String, _ value: Value) {
    addOverride("Properties." + path, value)
  }

  /// `addDeletionOverride("Properties." + path)`.
  public func addPropertyDeletionOverride(_ path: String) {
    addDeletionOverride("Properties." + path)
  }

  static func splitPath(_ path: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var escaped = false
    for ch in path {
      if escaped {
        current.append(ch)
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else if ch == "." {
        parts.append(current)
        current = ""
      } else {
        current.append(ch)
      }
    }
    parts.append(current)
    return parts
  }

  open override func cfnRender(_ resolver: inout Resolver) -> JSON {
    var entry = JSONObject()
    entry["Type"] = .string(cfnResourceType)
    var properties = JSONObject()
    for (key, value) in cfnProperties {
      if let rendered = resolver.resolve(value, at: key) { properties[key] = rendered }
    }
    if !properties.isEmpty { entry["Properties"] = .object(properties) }
    let dependencies = resolver.dependsOn(of: self)
    if !dependencies.isEmpty { entry["DependsOn"] = .array(dependencies.map(JSON.string)) }
    if let v = cfnOptions.creationPolicy, let r = resolver.resolve(v, at: "CreationPolicy") {
      entry["CreationPolicy"] = r
    }
    if let v = cfnOptions.updatePolicy, let r = resolver.resolve(v, at: "UpdatePolicy") {
      entry["UpdatePolicy"] = r
    }
    if let v = cfnOptions.updateReplacePolicy { entry["UpdateReplacePolicy"] = .string(v.rawValue) }
    if let v = cfnOptions.deletionPolicy { entry["DeletionPolicy"] = .string(v.rawValue) }
    if let v = cfnOptions.version { entry["Version"] = .string(v) }
    if let v = cfnOptions.description { entry["Description"] = .string(v) }
    if !cfnOptions.metadata.isEmpty,
      let r = resolver.resolve(.object(cfnOptions.metadata), at: "Metadata")
    {
      entry["Metadata"] = r
    }
    if let c = cfnOptions.condition { entry["Condition"] = .string(resolver.logicalID(of: c)) }
    var result = JSON.object(entry)
    for o in overrides {
      let resolved = o.value.flatMap { resolver.resolve($0, at: o.path.joined(separator: ".")) }
      Self.apply(override: o.path[...], resolved, to: &result, deleting: o.value == nil)
    }
    return result
  }

  private static func apply(
    override path: ArraySlice<String>, _ value: JSON?, to node: inout JSON, deleting: Bool
  ) {
    guard let key = path.first else { return }
    let rest = path.dropFirst()
    if case .array(var items) = node, let index = Int(key), index >= 0, index < items.count {
      if rest.isEmpty {
        if deleting { items.remove(at: index) } else if let value { items[index] = value }
      } else {
        apply(override: rest, value, to: &items[index], deleting: deleting)
      }
      node = .array(items)
      return
    }
    var object = node.objectValue ?? JSONObject()
    if rest.isEmpty {
      if deleting {
        object[key] = nil
      } else if let value {
        if case .object(let existing)? = object[key], case .object(let incoming) = value {
          object[key] = .object(merge(existing, incoming))
        } else {
          object[key] = value
        }
      }
    } else {
      if object[key] == nil && deleting { return }
      var child = object[key] ?? .object(JSONObject())
      apply(override: rest, value, to: &child, deleting: deleting)
      object[key] = child
    }
    node = .object(object)
  }

  private static func merge(_ a: JSONObject, _ b: JSONObject) -> JSONObject {
    var out = a
    for (k, v) in b {
      if case .object(let x)? = out[k], case .object(let y) = v {
        out[k] = .object(merge(x, y))
      } else {
        out[k] = v
      }
    }
    return out
  }
}

/// The resource attributes besides `Type` and `Properties`.
public struct ResourceOptions {
  public var deletionPolicy: RemovalPolicy?
  public var updateReplacePolicy: RemovalPolicy?
  /// Only create (or update) the resource when this condition holds.
  public var condition: CfnCondition?
  public var creationPolicy: Value?
  public var updatePolicy: Value?
  public var metadata: [(String, Value)] = []
  public var version: String?
  public var description: String?

  public init() {}
}
