import Yams

/// Reads a YAML template into ``JSON``, keeping key order, and expands CloudFormation's short-form
/// tags (`!Ref X`, `!GetAtt A.B`, `!Sub …`, `!Join […]` …) into their long form, so a template
/// written in either style compares equal.
///
/// ```swift
/// let template = try YAMLParser.parse("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
/// ```
public enum YAMLParser {
  /// A parse failure, with the line and column when the YAML reader gave them.
  public struct Error: Swift.Error, CustomStringConvertible, Sendable {
    public let description: String
  }

  /// Parses one YAML document. An empty document is an empty object.
  public static func parse(_ text: String) throws(Error) -> JSON {
    let node: Yams.Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw Error(description: "\(error)")
    }
    guard let node else { return .object(JSONObject()) }
    return try convert(node)
  }

  private static let shortForms: Set<String> = [
    "Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
    "Transform", "And", "Equals", "If", "Not", "Or", "Contains", "EachMemberEquals", "EachMemberIn",
    "RefAll", "ValueOf", "Length", "ToJsonString",
  ]

  private static func convert(_ node: Yams.Node) throws(Error) -> JSON {
    let tag = node.tag.rawValue
    if tag.hasPrefix("!"), tag != "!" {
      let name = String(tag.dropFirst())
      let inner = try untagged(node)
      switch name {
      case "Ref": return .object(JSONObject([("Ref", inner)]))
      case "Condition": return .object(JSONObject([("Condition", inner)]))
      case "GetAtt":
        if case .string(let s) = inner, let dot = s.firstIndex(of: ".") {
          return .object(
            JSONObject([
              (
                "Fn::GetAtt",
                .array([.string(String(s[..<dot])), .string(String(s[s.index(after: dot)...]))])
              )
            ]))
        }
        return .object(JSONObject([("Fn::GetAtt", inner)]))
      default:
        guard shortForms.contains(name) else {
          throw Error(description: "unknown tag !\(name) at line \(node.mark?.line ?? 0)")
        }
        return .object(JSONObject([("Fn::\(name)", inner)]))
      }
    }
    return try untagged(node)
  }

  private static func untagged(_ node: Yams.Node) throws(Error) -> JSON {
    switch node {
    case .scalar(let scalar):
      return scalarValue(scalar)
    case .sequence(let sequence):
      var items: [JSON] = []
      for item in sequence { items.append(try convert(item)) }
      return .array(items)
    case .mapping(let mapping):
      var object = JSONObject()
      for (key, value) in mapping {
        guard let k = key.string else {
          throw Error(description: "a mapping key at line \(key.mark?.line ?? 0) is not a string")
        }
        object[k] = try convert(value)
      }
      return .object(object)
    case .alias:
      throw Error(description: "YAML aliases are not supported in templates")
    }
  }

  private static func scalarValue(_ scalar: Yams.Node.Scalar) -> JSON {
    let s = scalar.string
    if scalar.style != .plain && scalar.style != .any { return .string(s) }
    if scalar.tag.rawValue.hasPrefix("!") { return .string(s) }
    switch s {
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case "null", "Null", "NULL", "~", "": return s.isEmpty ? .string("") : .null
    default: break
    }
    if let i = Int(s), !s.hasPrefix("+"), !(s.count > 1 && (s.hasPrefix("0") || s.hasPrefix("-0")))
    {
      return .int(i)
    }
    if s.contains("."), !s.hasSuffix("."), let d = Double(s), d.isFinite,
      s.allSatisfy({ "0123456789.-+eE".contains($0) })
    {
      return .double(d)
    }
    return .string(s)
  }
}
