import Foundation
import StackKit
import Testing

/// Helpers of the EC2 and Lambda tests: synthesize a stack, read a CDK fixture of
/// Fixtures/cdk-ec2 (made by cdk_ec2_fixtures.py, see synth.sh there), compare resources.
enum EC2TestSupport {
  /// Synthesizes one stack named `name` and returns its template.
  static func synthesize(
    _ name: String, environment: Environment = Environment(), _ build: (Stack) -> Void
  ) throws -> JSON {
    try synthesizeStack(name, environment: environment, build)
  }

  /// The problems synthesis reports, as "path: message" lines; empty when it succeeds.
  static func problems(_ name: String = "S", _ build: (Stack) -> Void) -> [String] {
    synthesisProblems(name, build)
  }

  /// The first resource whose logical ID starts with `prefix`.
  static func resource(_ template: JSON, _ prefix: String) -> JSON? {
    template["Resources"]?.objectValue?.first { $0.key.hasPrefix(prefix) }?.value
  }

  /// The CDK template of one fixture stack.
  static func fixture(_ stackName: String) throws -> JSON {
    guard let base = Bundle.module.resourceURL else {
      throw FixtureMissing(name: stackName)
    }
    let url = base.appendingPathComponent("Fixtures/cdk-ec2/\(stackName).template.json")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw FixtureMissing(name: stackName)
    }
    return try JSONParser.parse(text)
  }

  struct FixtureMissing: Error, CustomStringConvertible {
    let name: String
    var description: String { "no fixture Fixtures/cdk-ec2/\(name).template.json" }
  }

  /// Differences between the resources of two templates, as readable lines: missing or extra
  /// logical IDs, order, and every differing value with its path (key order counts). The
  /// `S3Bucket`/`S3Key` of asset code are skipped: CDK and StackKit hash assets differently.
  static func resourceDifferences(_ ours: JSON, _ cdk: JSON) -> [String] {
    guard let a = ours["Resources"]?.objectValue, let b = cdk["Resources"]?.objectValue else {
      return ["a template has no Resources"]
    }
    var out: [String] = []
    let idsA = a.map(\.key)
    let idsB = b.map(\.key)
    for id in idsB where a[id] == nil { out.append("\(id): only in CDK") }
    for id in idsA where b[id] == nil { out.append("\(id): only in StackKit") }
    for id in idsB {
      guard let x = a[id], let y = b[id] else { continue }
      out += jsonDifferences(stripAssets(x), stripAssets(y), at: id)
    }
    if out.isEmpty && idsA != idsB { out.append("resource order \(idsA) ≠ CDK \(idsB)") }
    return out
  }

  private static func stripAssets(_ resource: JSON) -> JSON {
    guard var r = resource.objectValue, var p = r["Properties"]?.objectValue else {
      return resource
    }
    for key in ["Code", "Content"] {
      if var code = p[key]?.objectValue, code["S3Key"] != nil {
        code["S3Bucket"] = .string("<asset>")
        code["S3Key"] = .string("<asset>")
        p[key] = .object(code)
      }
    }
    r["Properties"] = .object(p)
    return .object(r)
  }

  static func text(_ json: JSON) -> String { JSONWriter(indent: nil).write(json) }

  /// Expects the stack's resources to equal the fixture's, reporting each difference.
  static func expectMatchesFixture(
    _ stackName: String, environment: Environment = Environment(),
    sourceLocation: SourceLocation = #_sourceLocation, _ build: (Stack) -> Void
  ) throws {
    let ours = try synthesize(stackName, environment: environment, build)
    let cdk = try fixture(stackName)
    let diffs = resourceDifferences(ours, cdk)
    #expect(
      diffs.isEmpty, "\(diffs.prefix(40).joined(separator: "\n"))", sourceLocation: sourceLocation)
  }
}
