/// Turns ``Value``s into rendered ``JSON`` for one stack: logical IDs for references, reduced joins,
/// dynamic references for secrets. Problems (a reference into another stack or app, a literal
/// secret) are collected, not thrown, so synthesis can report them all.
public struct Resolver {
  /// The stack being rendered.
  public let stack: Stack
  /// The element being rendered, for error paths.
  var current: CfnElement?
  private(set) var problems: [SynthesisProblem] = []
  /// Every element the current stack's elements reference, for cycle detection.
  private(set) var references: [(from: CfnElement, to: CfnElement)] = []
  let dependsOnMap: [ObjectIdentifier: [CfnResource]]
  private var keyPath: [String] = []

  init(stack: Stack, dependsOn: [ObjectIdentifier: [CfnResource]]) {
    self.stack = stack
    self.dependsOnMap = dependsOn
  }

  /// Property names whose values are secrets: a literal there is a synthesis error.
  static let secretKeys: Set<String> = [
    "AuthToken", "ClientSecret", "MasterUserPassword", "Password", "Passwords", "PrivateKey",
    "SecretAccessKey", "SecretString", "SharedSecret",
  ]

  mutating func report(_ message: String) {
    problems.append(SynthesisProblem(path: current?.node.path ?? stack.node.path, message: message))
  }

  /// The logical ID of an element of this stack.
  public mutating func logicalID(of element: CfnElement) -> String {
    checkReachable(element)
    return element.logicalID
  }

  /// The logical IDs a resource's `DependsOn` lists: its explicit dependencies and those from
  /// construct dependencies, sorted by construct path as AWS CDK sorts them.
  public func dependsOn(of resource: CfnResource) -> [String] {
    let targets = dependsOnMap[ObjectIdentifier(resource)] ?? []
    var seen = Set<String>()
    return targets.sorted { PathCollation.precedes($0.node.path, $1.node.path) }
      .map(\.logicalID).filter { seen.insert($0).inserted }
  }

  private mutating func checkReachable(_ element: CfnElement) {
    if element.node.root !== stack.node.root {
      report(
        "refers to \(element.node.path) of another App. A construct can only refer to constructs of its own App; create the target in this App."
      )
    } else if element.stack !== stack {
      report(
        "refers to \(element.node.path) in the stack \(element.stack?.stackName ?? "<none>"); references across stacks are not supported yet. Export the value with a CfnOutput(exportName:) and read it with Fn.importValue."
      )
    } else if let current {
      references.append((current, element))
    }
  }

  /// Resolves a value; `key` names the property, for messages and the secret-literal check.
  public mutating func resolve(_ value: Value, at key: String) -> JSON? {
    keyPath.append(key)
    defer { keyPath.removeLast() }
    // An override's key is a dotted path ("Properties.Passwords.0"): any secret component counts.
    if Self.secretKeys.contains(key)
      || (key.contains(".")
        && key.split(separator: ".").contains { Self.secretKeys.contains(String($0)) })
    {
      checkSecret(value, key: key)
    }
    return resolve(value)
  }

  private mutating func checkSecret(_ value: Value, key: String) {
    switch value {
    case .string(let s) where !s.hasPrefix("{{resolve:"):
      report(
        "the property \(keyPath.joined(separator: ".")) holds a literal secret. Secrets must never be written in a template: pass a SecretValue (a Secrets Manager or SSM dynamic reference, or a NoEcho parameter) instead."
      )
    case .list(let items):
      for item in items { checkSecret(item, key: key) }
    case .ref(let p as CfnParameter) where !p.noEcho:
      report(
        "the property \(keyPath.joined(separator: ".")) takes its secret from the parameter \(p.node.id), which is not NoEcho. Set noEcho: true on the parameter."
      )
    default: break
    }
  }

  private mutating func resolve(_ value: Value) -> JSON? {
    switch value {
    case .string(let s): return .string(s)
    case .int(let i): return .int(i)
    case .double(let d): return .double(d)
    case .bool(let b): return .bool(b)
    case .null: return .null
    case .list(let items):
      return .array(items.compactMap { resolve($0) })
    case .object(let pairs):
      var o = JSONObject()
      for (k, v) in pairs {
        if let r = resolve(v, at: k) { o[k] = r }
      }
      return .object(o)
    case .ref(let element):
      return .object(JSONObject([("Ref", .string(logicalID(of: element)))]))
    case .getAtt(let element, let attribute):
      let id = logicalID(of: element)
      return .object(JSONObject([("Fn::GetAtt", .array([.string(id), .string(attribute)]))]))
    case .pseudo(let p):
      return .object(JSONObject([("Ref", .string(p.rawValue))]))
    case .join(let delimiter, let parts):
      let reduced = Fn.join(delimiter, parts.map(flattenLazy))
      guard case .join(let d, let items) = reduced else { return resolve(reduced) }
      let resolvedItems = items.compactMap { resolve($0) }
      return fn("Fn::Join", .array([.string(d), .array(resolvedItems)]))
    case .sub(let template, let variables):
      if variables.isEmpty { return fn("Fn::Sub", .string(template)) }
      var o = JSONObject()
      for (k, v) in variables { o[k] = resolve(v) ?? .null }
      return fn("Fn::Sub", .array([.string(template), .object(o)]))
    case .select(let index, let list):
      return fn("Fn::Select", .array([.int(index), resolve(list) ?? .null]))
    case .split(let delimiter, let source):
      return fn("Fn::Split", .array([.string(delimiter), resolve(source) ?? .null]))
    case .getAZs(let region):
      return fn("Fn::GetAZs", resolve(region) ?? .string(""))
    case .importValue(let name):
      return fn("Fn::ImportValue", resolve(name) ?? .null)
    case .base64(let v):
      return fn("Fn::Base64", resolve(v) ?? .null)
    case .cidr(let block, let count, let bits):
      return fn(
        "Fn::Cidr",
        .array([resolve(block) ?? .null, resolve(count) ?? .null, resolve(bits) ?? .null]))
    case .findInMap(let mapping, let top, let second):
      return fn(
        "Fn::FindInMap",
        .array([.string(logicalID(of: mapping)), resolve(top) ?? .null, resolve(second) ?? .null]))
    case .fnIf(let condition, let a, let b):
      return fn(
        "Fn::If",
        .array([.string(logicalID(of: condition)), resolve(a) ?? .null, resolve(b) ?? .null]))
    case .condition(let expression):
      return resolve(expression)
    case .secret(let secret):
      if case .parameter(let p) = secret.source, !p.noEcho {
        report(
          "a secret is taken from the parameter \(p.node.id), which is not NoEcho. Set noEcho: true on the parameter."
        )
      }
      return resolve(secret.dynamicReference)
    case .lazy(let lazy):
      guard let produced = lazy.produceOptional() else { return nil }
      return resolve(produced)
    }
  }

  private func flattenLazy(_ v: Value) -> Value {
    if case .lazy(let l) = v { return flattenLazy(l.produceOptional() ?? .string("")) }
    if case .secret(let s) = v { return s.dynamicReference }
    return v
  }

  private mutating func resolve(_ expression: ConditionExpression) -> JSON {
    switch expression {
    case .equals(let a, let b):
      return fn("Fn::Equals", .array([resolve(a) ?? .null, resolve(b) ?? .null]))
    case .and(let items):
      return fn("Fn::And", .array(items.map { resolve($0) }))
    case .or(let items):
      return fn("Fn::Or", .array(items.map { resolve($0) }))
    case .not(let item):
      return fn("Fn::Not", .array([resolve(item)]))
    case .condition(let c):
      return .object(JSONObject([("Condition", .string(logicalID(of: c)))]))
    case .rule(let name, let args):
      return fn(name, .array(args.map { resolve($0) ?? .null }))
    }
  }

  private func fn(_ name: String, _ argument: JSON) -> JSON {
    .object(JSONObject([(name, argument)]))
  }
}
