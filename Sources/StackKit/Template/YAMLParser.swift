import Yams

/// Reads a YAML template into ``JSON``, keeping key order, and expands CloudFormation's short-form
/// tags (`!Ref X`, `!GetAtt A.B`, `!Sub …`, `!Join […]` …) into their long form (`{"Ref": …}`,
/// `{"Fn::GetAtt": […]}`), so a template written in either style compares equal.
///
/// Plain scalars are read as CloudFormation reads them, by YAML 1.1's rules: `yes`, `no`, `on`
/// and `off` are Booleans, `~` and an empty value are null; quoted scalars are always strings.
///
/// ```swift
/// let template = try YAMLParser.parse("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
/// ```
public enum YAMLParser {
  /// A parse failure, with the line when the YAML reader gave it.
  public struct Error: Swift.Error, CustomStringConvertible, Sendable {
    public let description: String
  }

  /// Short-form tags and the long-form key each stands for.
  static let shortForms: [String: String] = [
    "Ref": "Ref", "Condition": "Condition", "GetAtt": "Fn::GetAtt", "Sub": "Fn::Sub",
    "Join": "Fn::Join", "Select": "Fn::Select", "Split": "Fn::Split", "If": "Fn::If",
    "Equals": "Fn::Equals", "And": "Fn::And", "Or": "Fn::Or", "Not": "Fn::Not",
    "FindInMap": "Fn::FindInMap", "Base64": "Fn::Base64", "Cidr": "Fn::Cidr",
    "ImportValue": "Fn::ImportValue", "GetAZs": "Fn::GetAZs", "Transform": "Fn::Transform",
    "Length": "Fn::Length", "ToJsonString": "Fn::ToJsonString", "Contains": "Fn::Contains",
    "EachMemberEquals": "Fn::EachMemberEquals", "EachMemberIn": "Fn::EachMemberIn",
    "RefAll": "Fn::RefAll", "ValueOf": "Fn::ValueOf",
  ]

  /// Parses one YAML document. An empty document is an empty object.
  public static func parse(_ text: String) throws(Error) -> JSON {
    let root: Yams.Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw Error(description: "the template is not valid YAML: \(error)")
    }
    guard let root else { return .object(JSONObject()) }
    return try convert(root)
  }

  private static func convert(_ node: Yams.Node) throws(Error) -> JSON {
    let tagName = node.tag.rawValue
    if tagName.hasPrefix("!"), !tagName.hasPrefix("!!") {
      let name = String(tagName.dropFirst())
      guard let key = shortForms[name] else {
        throw Error(description: "unknown YAML tag \(tagName) at line \(line(node))")
      }
      return .object(JSONObject([(key, try shortFormArgument(name, node))]))
    }
    switch node {
    case .scalar(let scalar): return self.scalar(scalar)
    case .sequence(let sequence):
      var items: [JSON] = []
      for item in sequence { items.append(try convert(item)) }
      return .array(items)
    case .mapping(let mapping):
      var object = JSONObject()
      for (k, v) in mapping {
        guard case .scalar(let key) = k else {
          throw Error(description: "a mapping key at line \(line(k)) is not a plain string")
        }
        object[key.string] = try convert(v)
      }
      return .object(object)
    case .alias:
      throw Error(description: "YAML aliases are not supported in templates (line \(line(node)))")
    }
  }

  private static func shortFormArgument(_ name: String, _ node: Yams.Node) throws(Error) -> JSON {
    switch node {
    case .scalar(let s):
      // !GetAtt Resource.Attribute is the one scalar form that means a list.
      if name == "GetAtt" {
        let parts = s.string.split(separator: ".", maxSplits: 1).map(String.init)
        return .array(parts.map(JSON.string))
      }
      return .string(s.string)
    case .sequence(let sequence):
      var items: [JSON] = []
      for item in sequence { items.append(try convert(item)) }
      return .array(items)
    case .mapping(let mapping):
      return try convert(.mapping(Yams.Node.Mapping(Array(mapping), Yams.Tag(.map), mapping.style)))
    case .alias:
      throw Error(description: "YAML aliases are not supported in templates (line \(line(node)))")
    }
  }

  private static func scalar(_ s: Yams.Node.Scalar) -> JSON {
    // Quoted scalars are strings whatever they look like.
    if s.style == .singleQuoted || s.style == .doubleQuoted || s.style == .literal
      || s.style == .folded
    {
      return .string(s.string)
    }
    let tag = Yams.Tag.Name(rawValue: s.tag.rawValue)
    if tag == .str { return .string(s.string) }
    switch Yams.Resolver.default.resolveTag(of: .scalar(s)) {
    case .null: return .null
    case .bool:
      return .bool(["true", "yes", "on"].contains(s.string.lowercased()))
    case .int:
      if let i = Int(s.string) { return .int(i) }
      return .string(s.string)
    case .float:
      if let d = Double(s.string) { return .double(d) }
      return .string(s.string)
    default:
      return .string(s.string)
    }
  }

  private static func line(_ node: Yams.Node) -> Int { (node.mark?.line ?? 0) }
}
