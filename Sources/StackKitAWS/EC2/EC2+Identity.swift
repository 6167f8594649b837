import StackKit

extension EC2 {
  /// CDK's `Names.nodeUniqueId`: the path below the app without separators, plus a hash of it
  /// (the logical-ID algorithm over the whole path), such as `RedisRbacStackLambdaSGE761ABEE`.
  static func uniqueID(of construct: Construct) -> String {
    LogicalID.make(components: construct.node.scopes.dropFirst().map(\.node.id))
  }

  /// A text that is equal for two rule field lists exactly when CDK would find the rules equal
  /// (literals by value, references by the element they point at).
  static func ruleKey(_ fields: [Value?]) -> String {
    fields.map { $0.map(identity) ?? "-" }.joined(separator: "|")
  }

  private static func identity(_ value: Value) -> String {
    switch value {
    case .string(let s): return "s:" + s
    case .int(let i): return "i:\(i)"
    case .double(let d): return "d:\(d)"
    case .bool(let b): return "b:\(b)"
    case .null: return "null"
    case .list(let items): return "[" + items.map(identity).joined(separator: ",") + "]"
    case .object(let pairs):
      return "{" + pairs.map { "\($0.0)=\(identity($0.1))" }.joined(separator: ",") + "}"
    case .ref(let e): return "ref:\(ObjectIdentifier(e))"
    case .getAtt(let e, let a): return "att:\(ObjectIdentifier(e)).\(a)"
    case .pseudo(let p): return "pseudo:" + p.rawValue
    case .join(let d, let parts): return "join(\(d)):" + parts.map(identity).joined(separator: ",")
    default: return "value:\(value)"
    }
  }
}
