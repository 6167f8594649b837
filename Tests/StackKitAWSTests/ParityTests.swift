import Foundation
import StackKit
import StackKitAWS
import Testing

@testable import stacks

/// StackKit's RedisRbacStack (stacks/RedisRbacStack.swift) against the template real AWS CDK makes
/// from the reference program (Fixtures/cdk/redis-rbac, see its README): resource by resource and
/// property by property, `DependsOn` and key order included.
///
/// Left out on both sides, as the issue allows: CDK's `BootstrapVersion` parameter and
/// `CheckBootstrapVersion` rule, the `CDKMetadata` resource and condition, `aws:cdk:path`
/// metadata, and the S3 bucket and key of assets (CDK's bootstrap bucket and placeholder code
/// versus StackKit's bucket and the real functions). StackKit's `AWSTemplateFormatVersion` (the
/// only format version) and its template `Metadata` for cfn-lint (which accepts CDK's redundant
/// `DependsOn`, W3005, kept for parity) are left out too.
@Suite struct ParityTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static func stackKitTemplate() throws -> CloudAssembly.StackArtifact {
    let app = App(format: .yaml, environment: ["STACK_PROJECT_DIR": repositoryRoot])
    RedisRbacStack(app, "RedisRbacStack")
    return try app.synthesizeTemplates().stacks[0]
  }

  /// The template without what the comparison leaves out.
  static func comparable(_ template: JSON) -> JSON {
    guard case .object(var top) = template else { return template }
    top["AWSTemplateFormatVersion"] = nil
    if case .object(var metadata)? = top["Metadata"] {
      metadata["cfn-lint"] = nil
      top["Metadata"] = metadata.isEmpty ? nil : .object(metadata)
    }
    if case .object(var parameters)? = top["Parameters"] {
      parameters["BootstrapVersion"] = nil
      top["Parameters"] = parameters.isEmpty ? nil : .object(parameters)
    }
    if case .object(var rules)? = top["Rules"] {
      rules["CheckBootstrapVersion"] = nil
      top["Rules"] = rules.isEmpty ? nil : .object(rules)
    }
    if case .object(var conditions)? = top["Conditions"] {
      conditions["CDKMetadataAvailable"] = nil
      top["Conditions"] = conditions.isEmpty ? nil : .object(conditions)
    }
    if case .object(var resources)? = top["Resources"] {
      resources["CDKMetadata"] = nil
      var cleaned = JSONObject()
      for (id, resource) in resources { cleaned[id] = withoutAssetLocationsAndPaths(resource) }
      top["Resources"] = .object(cleaned)
    }
    return .object(top)
  }

  private static func withoutAssetLocationsAndPaths(_ resource: JSON) -> JSON {
    guard case .object(var entry) = resource else { return resource }
    if case .object(var metadata)? = entry["Metadata"] {
      metadata["aws:cdk:path"] = nil
      metadata["aws:asset:path"] = nil
      metadata["aws:asset:is-bundled"] = nil
      metadata["aws:asset:property"] = nil
      entry["Metadata"] = metadata.isEmpty ? nil : .object(metadata)
    }
    if case .object(var properties)? = entry["Properties"] {
      for key in ["Code", "Content"] {
        if case .object(var location)? = properties[key] {
          location["S3Bucket"] = nil
          location["S3Key"] = nil
          properties[key] = .object(location)
        }
      }
      entry["Properties"] = .object(properties)
    }
    return .object(entry)
  }

  @Test func redisRbacStackMatchesCDKResourceByResource() throws {
    let ours = Self.comparable(try Self.stackKitTemplate().template)
    let cdk = Self.comparable(try cdkFixture("redis-rbac/RedisRbacStack.template.json"))
    let mine = ours["Resources"]?.objectValue ?? JSONObject()
    let theirs = cdk["Resources"]?.objectValue ?? JSONObject()
    #expect(theirs.count == 45)
    #expect(mine.map(\.key) == theirs.map(\.key), "logical IDs and their order")
    var identical = 0
    for (id, resource) in theirs {
      let differences = jsonDifferences(mine[id], resource, at: id)
      if differences.isEmpty { identical += 1 }
      #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }
    #expect(identical == 45, "\(identical) of 45 resources identical")
    // Nothing else in either template (no outputs, parameters, conditions or rules).
    #expect(ours.objectValue?.map(\.key) == ["Resources"])
    #expect(cdk.objectValue?.map(\.key) == ["Resources"])
  }

  @Test func committedTemplateIsCurrent() throws {
    let artifact = try Self.stackKitTemplate()
    let path = Self.repositoryRoot + "/templates/" + artifact.templateFile
    let committed = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      committed == artifact.templateText,
      "templates/\(artifact.templateFile) is out of date: run `stack synth RedisRbacStack`.")
  }
}
