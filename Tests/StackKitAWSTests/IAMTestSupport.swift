import Foundation
import StackKit
import Testing

/// Synthesizes one stack (by default "S", the stack the CDK fixture programs use) and returns its
/// template.
func synthesizeStack(
  _ name: String = "S", environment: Environment = Environment(), _ build: (Stack) -> Void
) throws -> JSON {
  let app = App(environment: [:])
  let stack = Stack(app, name, environment: environment)
  build(stack)
  return try app.synthesizeTemplates().stacks[0].template
}

/// The problems synthesis reports for a stack, as "path: message" lines; empty when it succeeds.
func synthesisProblems(_ name: String = "S", _ build: (Stack) -> Void) -> [String] {
  let app = App(environment: [:])
  let stack = Stack(app, name)
  build(stack)
  do {
    _ = try app.synthesizeTemplates()
    return []
  } catch {
    return error.problems.map(\.description)
  }
}

/// A template committed under Fixtures/cdk (made by real AWS CDK; see Fixtures/cdk/README.md).
func cdkFixture(_ relativePath: String) throws -> JSON {
  guard let base = Bundle.module.resourceURL else {
    throw FixtureError(message: "no resource folder in the test bundle")
  }
  let url = base.appendingPathComponent("Fixtures/cdk/\(relativePath)")
  let text = try String(contentsOf: url, encoding: .utf8)
  return try JSONParser.parse(text)
}

struct FixtureError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

/// Differences between two JSON values (ours, then CDK's), as "path: ours ≠ CDK theirs" lines;
/// key order counts.
func jsonDifferences(_ ours: JSON?, _ theirs: JSON?, at path: String = "") -> [String] {
  switch (ours, theirs) {
  case (nil, nil): return []
  case (let a?, nil): return ["\(path): only in StackKit: \(EC2TestSupport.text(a))"]
  case (nil, let b?): return ["\(path): only in CDK: \(EC2TestSupport.text(b))"]
  case (.object(let a)?, .object(let b)?):
    var out: [String] = []
    let keysA = a.map(\.key)
    let keysB = b.map(\.key)
    for key in keysA + keysB.filter({ !keysA.contains($0) }) {
      out += jsonDifferences(a[key], b[key], at: path + "/" + key)
    }
    if out.isEmpty && keysA != keysB {
      out.append("\(path): key order \(keysA) ≠ CDK \(keysB)")
    }
    return out
  case (.array(let a)?, .array(let b)?) where a.count == b.count:
    return zip(a, b).enumerated().flatMap { i, pair in
      jsonDifferences(pair.0, pair.1, at: "\(path)/\(i)")
    }
  case (let a?, let b?):
    return a == b ? [] : ["\(path): \(EC2TestSupport.text(a)) ≠ CDK \(EC2TestSupport.text(b))"]
  }
}

/// Expects the resources of `ours` to equal those of the CDK template, resource by resource
/// (the `CDKMetadata` resource aside); `only` limits the comparison to some logical IDs.
func expectSameResources(
  _ ours: JSON, _ cdk: JSON, only: [String]? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let mine = ours["Resources"]?.objectValue ?? JSONObject()
  let theirs = cdk["Resources"]?.objectValue ?? JSONObject()
  let theirIDs = theirs.map(\.key).filter { $0 != "CDKMetadata" }
  let ids = only ?? theirIDs
  if only == nil {
    #expect(mine.map(\.key) == ids, "logical IDs", sourceLocation: sourceLocation)
  }
  for id in ids {
    let diffs = jsonDifferences(mine[id], theirs[id], at: id)
    #expect(diffs.isEmpty, "\(diffs.joined(separator: "\n"))", sourceLocation: sourceLocation)
  }
}

/// The logical IDs of a template's resources, in order.
func resourceIDs(_ template: JSON) -> [String] {
  (template["Resources"]?.objectValue ?? JSONObject()).map(\.key)
}
