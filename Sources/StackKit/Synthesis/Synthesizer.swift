/// Builds the templates of every stack of an app, in memory, collecting every problem.
///
/// Nothing is written here: ``App/synth(to:)`` writes the result only when there are no problems.
struct Synthesizer {
  let app: App

  struct StackOutput {
    let stack: Stack
    let template: JSON
    let resourceCount: Int
    let dependencies: [Stack]
    let assets: [Asset]
    let milliseconds: Double
  }

  func run() throws(SynthesisError) -> [StackOutput] {
    let all = app.node.findAll()
    var problems: [SynthesisProblem] = []
    for construct in all {
      for message in construct.node.runValidations() {
        problems.append(SynthesisProblem(path: construct.node.path, message: message))
      }
    }
    let stacks = all.compactMap { $0 as? Stack }
    var dependsOn: [ObjectIdentifier: [CfnResource]] = [:]
    var stackDeps: [ObjectIdentifier: [Stack]] = [:]
    for s in stacks { stackDeps[ObjectIdentifier(s)] = s.dependencies }

    // Explicit resource dependencies.
    for case let resource as CfnResource in all {
      for target in resource.dependsOn where target.shouldSynthesize {
        if target.stack === resource.stack {
          dependsOn[ObjectIdentifier(resource), default: []].append(target)
        } else if let source = resource.stack, let other = target.stack {
          stackDeps[ObjectIdentifier(source), default: []].append(other)
        }
      }
    }
    // Construct dependencies: every resource below the source on every resource below the target.
    for source in all where !source.node.dependencies.isEmpty {
      let sourceResources = Self.resources(under: source)
      for target in source.node.dependencies {
        if target.node.root !== app {
          problems.append(
            SynthesisProblem(
              path: source.node.path,
              message:
                "depends on \(target.node.path), a construct of another App. Dependencies must stay within one App."
            ))
          continue
        }
        let targetResources = Self.resources(under: target)
        for s in sourceResources {
          for t in targetResources where t !== s {
            if s.stack === t.stack {
              dependsOn[ObjectIdentifier(s), default: []].append(t)
            } else if let a = s.stack, let b = t.stack {
              stackDeps[ObjectIdentifier(a), default: []].append(b)
            }
          }
        }
      }
    }

    // Render every stack. A reference to another stack renders as Fn::ImportValue and creates
    // the producer's export output (once per value); a producer that was already rendered when
    // it got a new export is rendered again, so its Outputs list the export where CDK lists it.
    let index = Dictionary(
      uniqueKeysWithValues: stacks.enumerated().map { (ObjectIdentifier($1), $0) })
    var rendered: [RenderedStack?] = Array(repeating: nil, count: stacks.count)
    var importDeps: [[(stack: Stack, reason: String)]] = Array(repeating: [], count: stacks.count)
    var dirty = Set<Int>()
    func render(_ i: Int) {
      importDeps[i] = []
      var r = Self.render(stacks[i], dependsOn: dependsOn)
      r.milliseconds += rendered[i]?.milliseconds ?? 0
      rendered[i] = r
      dirty.remove(i)
      for imp in r.imports {
        let created = imp.producer.exportOutput(for: imp.target, attribute: imp.attribute).created
        if created, let p = index[ObjectIdentifier(imp.producer)], rendered[p] != nil {
          dirty.insert(p)
        }
        let display = imp.target.node.path + (imp.attribute.map { ".\($0)" } ?? "")
        let from = imp.source?.node.path ?? stacks[i].node.path
        importDeps[i].append((imp.producer, "\(from) refers to \(display)"))
      }
    }
    for i in stacks.indices { render(i) }
    while let i = dirty.min() { render(i) }

    var outputs: [StackOutput] = []
    var reasons: [Pair: String] = [:]
    for (i, stack) in stacks.enumerated() {
      let r = rendered[i]!
      problems.append(contentsOf: r.problems)
      for d in stack.stackDependencies + importDeps[i] where reasons[Pair(stack, d.stack)] == nil {
        reasons[Pair(stack, d.stack)] = d.reason
      }
      var seen = Set<ObjectIdentifier>()
      let deps = ((stackDeps[ObjectIdentifier(stack)] ?? []) + importDeps[i].map(\.stack)).filter {
        $0 !== stack && seen.insert(ObjectIdentifier($0)).inserted
      }
      outputs.append(
        StackOutput(
          stack: stack, template: r.template, resourceCount: r.resourceCount,
          dependencies: deps, assets: r.assets, milliseconds: r.milliseconds))
    }

    // Stack names must be unique, and stack dependencies acyclic.
    var names: [String: Stack] = [:]
    for o in outputs {
      if let other = names[o.stack.stackName] {
        problems.append(
          SynthesisProblem(
            path: o.stack.node.path,
            message:
              "the stack name \(o.stack.stackName) is already used by \(other.node.path). Give one of them another stackName."
          ))
      }
      names[o.stack.stackName] = o.stack
    }
    if let cycle = Self.findStackCycle(outputs) {
      let why = zip(cycle, cycle.dropFirst()).compactMap { reasons[Pair($0, $1)] }
      problems.append(
        SynthesisProblem(
          path: "",
          message:
            "the stacks depend on each other in a cycle: \(cycle.map(\.stackName).joined(separator: " → "))\(why.isEmpty ? "" : " (\(why.joined(separator: "; ")))"). Remove one of the dependencies or cross-stack references."
        ))
    }
    if !problems.isEmpty { throw SynthesisError(problems: Self.unique(problems)) }
    return outputs
  }

  /// One stack's template, its problems, and the values it imports from other stacks.
  struct RenderedStack {
    var template: JSON
    var resourceCount: Int
    var assets: [Asset]
    var problems: [SynthesisProblem]
    var imports: [Resolver.Import]
    var milliseconds: Double
  }

  /// Two stacks, for the reasons of stack dependencies.
  struct Pair: Hashable {
    let from: ObjectIdentifier
    let to: ObjectIdentifier
    init(_ from: Stack, _ to: Stack) {
      self.from = ObjectIdentifier(from)
      self.to = ObjectIdentifier(to)
    }
  }

  static func render(_ stack: Stack, dependsOn: [ObjectIdentifier: [CfnResource]]) -> RenderedStack
  {
    let clock = ContinuousClock()
    let start = clock.now
    var problems: [SynthesisProblem] = []
    var resolver = Resolver(stack: stack, dependsOn: dependsOn)
    var sections: [TemplateSection: JSONObject] = [:]
    var owners: [String: CfnElement] = [:]
    var resourceCount = 0
    var assets: [Asset] = []
    var graph: [ObjectIdentifier: [CfnElement]] = [:]
    for construct in stack.node.findAll() {
      if let asset = construct as? Asset, Stack.find(asset) === stack { assets.append(asset) }
      guard let element = construct as? CfnElement, element.stack === stack,
        element.shouldSynthesize
      else { continue }
      let id = element.logicalID
      if !LogicalID.isValid(id) {
        problems.append(
          SynthesisProblem(
            path: element.node.path,
            message:
              "the logical ID \"\(id)\" is not valid. Logical IDs are 1 to 255 letters and digits; fix overrideLogicalID or the construct ids."
          ))
      }
      if let other = owners[id] {
        problems.append(
          SynthesisProblem(
            path: element.node.path,
            message:
              "the logical ID \(id) is already used by \(other.node.path). Rename one of the constructs or override one logical ID."
          ))
        continue
      }
      owners[id] = element
      resolver.current = element
      let rendered = element.cfnRender(&resolver)
      sections[element.cfnSection, default: JSONObject()][id] = rendered
      if element is CfnResource {
        resourceCount += 1
        var edges = dependsOn[ObjectIdentifier(element)] ?? []
        edges.append(contentsOf: (element as! CfnResource).dependsOn)
        graph[ObjectIdentifier(element)] = edges
      }
    }
    for r in resolver.references where r.to is CfnResource && r.from is CfnResource {
      graph[ObjectIdentifier(r.from), default: []].append(r.to)
    }
    if let cycle = findCycle(graph) {
      problems.append(
        SynthesisProblem(
          path: stack.node.path,
          message:
            "there is a dependency cycle: \(cycle.map(\.node.path).joined(separator: " → ")). CloudFormation cannot order these resources; remove one of the dependencies or references."
        ))
    }
    if resourceCount == 0 {
      problems.append(
        SynthesisProblem(
          path: stack.node.path,
          message:
            "the stack has no resources; CloudFormation refuses an empty template. Add a resource or remove the stack."
        ))
    }

    var template = JSONObject()
    template["AWSTemplateFormatVersion"] = .string("2010-09-09")
    if let d = stack.templateDescription { template["Description"] = .string(d) }
    resolver.current = nil
    if !stack.templateMetadata.isEmpty,
      let m = resolver.resolve(.object(stack.templateMetadata), at: "Metadata")
    {
      template["Metadata"] = m
    }
    for section in TemplateSection.allCases {
      if section == .resources, !stack.transforms.isEmpty {
        template["Transform"] =
          stack.transforms.count == 1
          ? .string(stack.transforms[0]) : .array(stack.transforms.map(JSON.string))
      }
      if let entries = sections[section], !entries.isEmpty {
        template[section.rawValue] = .object(entries)
      }
    }
    problems.append(contentsOf: resolver.problems)
    return RenderedStack(
      template: .object(template), resourceCount: resourceCount, assets: assets,
      problems: problems, imports: resolver.imports,
      milliseconds: milliseconds(clock.now - start))
  }

  static func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
  }

  static func unique(_ problems: [SynthesisProblem]) -> [SynthesisProblem] {
    var seen = Set<SynthesisProblem>()
    return problems.filter { seen.insert($0).inserted }
  }

  /// The resources below a construct (itself included), stopping at nested stacks.
  static func resources(under construct: Construct) -> [CfnResource] {
    let home = Stack.find(construct)
    return construct.node.findAll().compactMap { c in
      guard let r = c as? CfnResource, r.shouldSynthesize else { return nil }
      return r.stack === home || construct is App ? r : nil
    }
  }

  /// A cycle in a dependency graph, as the elements that form it, first element repeated last.
  static func findCycle(_ graph: [ObjectIdentifier: [CfnElement]]) -> [CfnElement]? {
    var state: [ObjectIdentifier: Int] = [:]  // 1 visiting, 2 done
    var stack: [CfnElement] = []
    func visit(_ e: CfnElement) -> [CfnElement]? {
      let key = ObjectIdentifier(e)
      if state[key] == 2 { return nil }
      if state[key] == 1 {
        let start = stack.firstIndex { $0 === e }!
        return Array(stack[start...]) + [e]
      }
      state[key] = 1
      stack.append(e)
      for next in graph[key] ?? [] {
        if let cycle = visit(next) { return cycle }
      }
      stack.removeLast()
      state[key] = 2
      return nil
    }
    // Visit in a stable order so the reported cycle is the same on every run.
    var starts: [CfnElement] = []
    var seen = Set<ObjectIdentifier>()
    for edges in graph.values {
      for e in edges where seen.insert(ObjectIdentifier(e)).inserted { starts.append(e) }
    }
    let sortedStarts = starts.sorted { $0.node.path < $1.node.path }
    for e in sortedStarts {
      if let cycle = visit(e) { return cycle }
    }
    return nil
  }

  static func findStackCycle(_ outputs: [StackOutput]) -> [Stack]? {
    var deps: [ObjectIdentifier: [Stack]] = [:]
    for o in outputs { deps[ObjectIdentifier(o.stack)] = o.dependencies }
    var state: [ObjectIdentifier: Int] = [:]
    var path: [Stack] = []
    func visit(_ s: Stack) -> [Stack]? {
      let key = ObjectIdentifier(s)
      if state[key] == 2 { return nil }
      if state[key] == 1 {
        let start = path.firstIndex { $0 === s }!
        return Array(path[start...]) + [s]
      }
      state[key] = 1
      path.append(s)
      for d in deps[key] ?? [] {
        if let c = visit(d) { return c }
      }
      path.removeLast()
      state[key] = 2
      return nil
    }
    for o in outputs {
      if let c = visit(o.stack) { return c }
    }
    return nil
  }
}
