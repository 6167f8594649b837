/// Turns ``Value``s into rendered ``JSON`` for one stack: logical IDs for references, reduced joins,
/// dynamic references for secrets, `Fn::ImportValue` for references to another stack. Problems (a
/// reference into another app, a literal secret) are collected, not thrown, so synthesis can
/// report them all.
public struct Resolver {
  /// A reference to a resource of another stack of the same app, rendered as `Fn::ImportValue`;
  /// the synthesizer creates the producer's export and makes this stack deploy after it.
  struct Import {
    let producer: Stack
    let target: CfnElement
    /// The `Fn::GetAtt` attribute; `nil` for a `Ref`.
    let attribute: String?
    /// The element that first made the reference.
    let source: CfnElement?
  }

  private struct ImportKey: Hashable {
    let target: ObjectIdentifier
    let attribute: String?
  }

  /// The stack being rendered.
  public let stack: Stack
  /// The element being rendered, for error paths.
  var current: CfnElement?
  private(set) var problems: [SynthesisProblem] = []
  /// Every element the current stack's elements reference, for cycle detection.
  private(set) var references: [(from: CfnElement, to: CfnElement)] = []
  /// Every value of another stack this stack imports, once each, in the order first used.
  private(set) var imports: [Import] = []
  private var importNames: [ImportKey: String] = [:]
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

  /// The logical ID of an element of this stack. A condition, mapping or rule of another stack
  /// cannot be used (a template can only name its own) and is reported.
  public mutating func logicalID(of element: CfnElement) -> String {
    if element.stack === stack {
      if let current { references.append((current, element)) }
    } else if element.node.root !== stack.node.root {
      reportOtherApp(element)
    } else if let other = element.stack {
      report(
        "refers to the \(kind(of: element)) \(element.node.path) of the stack \(other.stackName). A template can only name its own conditions, mappings and rules; create the \(kind(of: element)) in this stack too."
      )
    }
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

  /// `{"Ref": …}` or `{"Fn::GetAtt": […]}` of an element of this stack; of a resource of another
  /// stack of the app, `{"Fn::ImportValue": …}` of the export the producer gets for it.
  private mutating func reference(to element: CfnElement, attribute: String?) -> JSON {
    if element.stack === stack {
      if let current { references.append((current, element)) }
    } else if let name = importName(of: element, attribute: attribute) {
      return fn("Fn::ImportValue", .string(name))
    }
    let id = element.logicalID
    guard let attribute else { return .object(JSONObject([("Ref", .string(id))])) }
    return fn("Fn::GetAtt", .array([.string(id), .string(attribute)]))
  }

  /// The export name through which this stack reads `element` of another stack, as AWS CDK
  /// (`refs.ts` `resolveValue`) makes it; `nil`, with a problem reported, when the reference
  /// cannot cross.
  private mutating func importName(of element: CfnElement, attribute: String?) -> String? {
    let key = ImportKey(target: ObjectIdentifier(element), attribute: attribute)
    if let name = importNames[key] { return name }
    guard element.node.root === stack.node.root else {
      reportOtherApp(element)
      return nil
    }
    // An element outside every stack is reported by its own validation.
    guard let producer = element.stack else { return nil }
    let display = "\(element.node.path)" + (attribute.map { ".\($0)" } ?? "")
    if element is CfnParameter {
      report(
        "refers to the parameter \(element.node.path) of the stack \(producer.stackName). Parameters are not shared across stacks: declare the parameter in this stack too and give both stacks the same value."
      )
      return nil
    }
    guard element is CfnResource else {
      report(
        "refers to the \(kind(of: element)) \(element.node.path) of the stack \(producer.stackName). Only resources can be referenced from another stack."
      )
      return nil
    }
    let (here, there) = (stack.environment, producer.environment)
    if here.account != there.account || here.region != there.region {
      report(
        "refers to \(display) in the stack \(producer.stackName), which deploys to another environment (\(Self.describe(there)); this stack: \(Self.describe(here))). CloudFormation exports are read only in their own account and region, so cross-stack references need both stacks in one environment: give them the same account and region, or pass the value another way (an SSM parameter, or a CfnParameter of this stack)."
      )
      return nil
    }
    let name = Stack.exportIdentity(
      stackName: producer.stackName, logicalID: element.logicalID, attribute: attribute
    ).exportName
    importNames[key] = name
    imports.append(
      Import(producer: producer, target: element, attribute: attribute, source: current))
    return name
  }

  private mutating func reportOtherApp(_ element: CfnElement) {
    report(
      "refers to \(element.node.path) of another App. A construct can only refer to constructs of its own App; create the target in this App."
    )
  }

  private func kind(of element: CfnElement) -> String {
    switch element {
    case is CfnCondition: "condition"
    case is CfnMapping: "mapping"
    case is CfnRule: "rule"
    case is CfnOutput: "output"
    case is CfnParameter: "parameter"
    case is CfnResource: "resource"
    default: "element"
    }
  }

  private static func describe(_ environment: Environment) -> String {
    "account \(environment.account ?? "unset"), region \(environment.region ?? "unset")"
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
      return reference(to: element, attribute: nil)
    case .getAtt(let element, let attribute):
      return reference(to: element, attribute: attribute)
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
