import StackKit

/// Renders template values as short readable text for diffs and tables: `{"Ref": "Role"}` reads
/// `${Role}`, `{"Fn::GetAtt": ["Role", "Arn"]}` reads `${Role.Arn}`, a `Fn::Join` is joined, and
/// anything else is written as compact JSON.
///
/// ```swift
/// IntrinsicText.render(.object(JSONObject([("Ref", .string("Vpc"))])))  // "${Vpc}"
/// ```
public enum IntrinsicText {
  /// The readable text of a value.
  public static func render(_ value: JSON) -> String {
    switch value {
    case .string(let s): return s
    case .int, .double, .bool:
      return TemplateEquivalence.scalarText(value) ?? ""
    case .null: return "null"
    case .array(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
    case .object(let object):
      if object.count == 1, let (key, argument) = object.first(where: { _ in true }) {
        switch key {
        case "Ref":
          if let name = argument.stringValue { return "${\(name)}" }
        case "Fn::GetAtt":
          if let parts = argument.arrayValue?.compactMap(\.stringValue), parts.count == 2 {
            return "${\(parts[0]).\(parts[1])}"
          }
          if let dotted = argument.stringValue { return "${\(dotted)}" }
        case "Fn::Join":
          if let parts = argument.arrayValue, parts.count == 2,
            let separator = parts[0].stringValue, let list = parts[1].arrayValue
          {
            return list.map(render).joined(separator: separator)
          }
        case "Fn::Sub":
          if let text = argument.stringValue { return text }
          if let parts = argument.arrayValue, let text = parts.first?.stringValue {
            return text
          }
        case "Fn::ImportValue":
          return "${Import:\(render(argument))}"
        default: break
        }
      }
      return JSONWriter(indent: nil).write(value)
    }
  }

  /// The logical IDs a value points at through `Ref`, `Fn::GetAtt` and `Fn::Sub` (`${X}` and
  /// `${X.Attr}`; pseudo parameters such as `AWS::Region` are left out).
  public static func references(in value: JSON) -> Set<String> {
    var out: Set<String> = []
    collect(value, into: &out)
    return out
  }

  private static func collect(_ value: JSON, into out: inout Set<String>) {
    switch value {
    case .array(let items): for item in items { collect(item, into: &out) }
    case .object(let object):
      if object.count == 1 {
        if let name = object["Ref"]?.stringValue, !name.hasPrefix("AWS::") { out.insert(name) }
        if let parts = object["Fn::GetAtt"]?.arrayValue, let name = parts.first?.stringValue {
          out.insert(name)
        }
        if let dotted = object["Fn::GetAtt"]?.stringValue,
          let name = dotted.split(separator: ".").first
        {
          out.insert(String(name))
        }
        if let sub = object["Fn::Sub"] {
          let text = sub.stringValue ?? sub.arrayValue?.first?.stringValue ?? ""
          for name in substitutions(in: text) where !name.hasPrefix("AWS::") {
            out.insert(String(name.split(separator: ".").first ?? Substring(name)))
          }
        }
      }
      for (_, v) in object { collect(v, into: &out) }
    default: break
    }
  }

  /// The `${…}` names in a `Fn::Sub` string (`${!Literal}` escapes are skipped).
  static func substitutions(in text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let start = rest.range(of: "${") {
      let after = rest[start.upperBound...]
      guard let end = after.firstIndex(of: "}") else { break }
      let name = after[..<end]
      if !name.hasPrefix("!") { names.append(String(name)) }
      rest = after[after.index(after: end)...]
    }
    return names
  }
}
