import StackKit

/// A stable text key for a template value, so values can be compared and de-duplicated the way
/// AWS CDK compares tokens: references compare by the element they point at.
enum ValueIdentity {
  static func key(_ value: Value) -> String {
    var out = ""
    append(value, to: &out)
    return out
  }

  static func key(_ values: [Value]) -> String { key(.list(values)) }

  private static func append(_ value: Value, to out: inout String) {
    switch value {
    case .string(let s): out += "s\(s.utf8.count):\(s)"
    case .int(let i): out += "i\(i);"
    case .double(let d): out += "d\(d);"
    case .bool(let b): out += b ? "T" : "F"
    case .null: out += "N"
    case .list(let items):
      out += "["
      for item in items {
        append(item, to: &out)
        out += ","
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (k, v) in pairs {
        out += "k\(k.utf8.count):\(k)="
        append(v, to: &out)
        out += ","
      }
      out += "}"
    case .ref(let element): out += "ref(\(ObjectIdentifier(element)))"
    case .getAtt(let element, let attribute):
      out += "getAtt(\(ObjectIdentifier(element)),\(attribute))"
    case .pseudo(let p): out += "pseudo(\(p.rawValue))"
    case .join(let delimiter, let parts):
      let reduced = Fn.join(delimiter, parts)
      if case .join(let d, let items) = reduced {
        out += "join(\(d.utf8.count):\(d),"
        append(.list(items), to: &out)
        out += ")"
      } else {
        append(reduced, to: &out)
      }
    case .sub(let template, let variables):
      out += "sub(\(template.utf8.count):\(template),"
      append(.object(variables), to: &out)
      out += ")"
    case .select(let index, let list):
      out += "select(\(index),"
      append(list, to: &out)
      out += ")"
    case .split(let delimiter, let source):
      out += "split(\(delimiter.utf8.count):\(delimiter),"
      append(source, to: &out)
      out += ")"
    case .getAZs(let region):
      out += "getAZs("
      append(region, to: &out)
      out += ")"
    case .importValue(let name):
      out += "import("
      append(name, to: &out)
      out += ")"
    case .base64(let v):
      out += "base64("
      append(v, to: &out)
      out += ")"
    case .cidr(let a, let b, let c):
      out += "cidr("
      append(.list([a, b, c]), to: &out)
      out += ")"
    case .findInMap(let mapping, let a, let b):
      out += "findInMap(\(ObjectIdentifier(mapping)),"
      append(.list([a, b]), to: &out)
      out += ")"
    case .fnIf(let condition, let a, let b):
      out += "if(\(ObjectIdentifier(condition)),"
      append(.list([a, b]), to: &out)
      out += ")"
    case .condition(let expression): out += "condition(\(String(describing: expression)))"
    case .secret(let secret): out += "secret(\(String(describing: secret)))"
    case .lazy(let lazy):
      if let produced = lazy.evaluate() { append(produced, to: &out) } else { out += "absent" }
    }
  }
}
