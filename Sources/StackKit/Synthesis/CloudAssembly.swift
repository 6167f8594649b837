import Foundation

/// The result of synthesizing an app: every stack's template text, the manifest that lists them,
/// and the assets to stage.
///
/// The manifest is deterministic too (it is committed beside the templates): stacks in tree
/// order, relative paths only, no timings.
public struct CloudAssembly: Sendable {
  /// One synthesized stack.
  public struct StackArtifact: Sendable {
    public let id: String
    public let stackName: String
    public let path: String
    public let templateFile: String
    public let templateText: String
    public let template: JSON
    public let resourceCount: Int
    public let dependencies: [String]
    public let assetHashes: [String]
    public let environment: Environment
    public let terminationProtection: Bool
    public let tags: [(String, String)]
    /// Milliseconds spent building this stack's template (not written to the manifest).
    public let milliseconds: Double
  }

  /// One asset to stage and upload.
  public struct AssetArtifact: Sendable {
    public let hash: String
    public let sourcePath: String
    public let absolutePath: String
    public let packaging: AssetPackaging
    public let objectKey: String
    public let stagedFileName: String
    public let bundling: Bundling?
  }

  public static let manifestFile = "manifest.json"
  public static let manifestVersion = 1

  public let stacks: [StackArtifact]
  public let assets: [AssetArtifact]
  public let format: TemplateFormat
  /// The project folder; staged assets go to `.stack/assets/` under it.
  public let projectDirectory: String

  init(app: App, outputs: [Synthesizer.StackOutput]) throws(SynthesisError) {
    format = app.format
    projectDirectory = app.projectDirectory
    var stacks: [StackArtifact] = []
    var assets: [String: AssetArtifact] = [:]
    var assetOrder: [String] = []
    var problems: [SynthesisProblem] = []
    for o in outputs {
      let text: String
      switch format {
      case .json: text = JSONWriter().write(o.template)
      case .yaml:
        do {
          text = try YAMLWriter().write(o.template)
        } catch {
          problems.append(
            SynthesisProblem(
              path: o.stack.node.path,
              message: "the template could not be written as YAML: \(error)"))
          continue
        }
      }
      var hashes: [String] = []
      for a in o.assets where !hashes.contains(a.assetHash) {
        hashes.append(a.assetHash)
        if assets[a.assetHash] == nil {
          assetOrder.append(a.assetHash)
          assets[a.assetHash] = AssetArtifact(
            hash: a.assetHash, sourcePath: a.sourcePath, absolutePath: a.absolutePath,
            packaging: a.packaging, objectKey: a.objectKey, stagedFileName: a.stagedFileName,
            bundling: a.bundling)
        }
      }
      stacks.append(
        StackArtifact(
          id: o.stack.artifactID, stackName: o.stack.stackName, path: o.stack.node.path,
          templateFile: o.stack.templateFile(format: format), templateText: text,
          template: o.template,
          resourceCount: o.resourceCount, dependencies: o.dependencies.map(\.artifactID),
          assetHashes: hashes, environment: o.stack.environment,
          terminationProtection: o.stack.terminationProtection,
          tags: Tags.stackTags(of: o.stack),
          milliseconds: o.milliseconds))
    }
    if !problems.isEmpty { throw SynthesisError(problems: problems) }
    self.stacks = stacks
    self.assets = assetOrder.map { assets[$0]! }
  }

  /// The manifest as JSON.
  public var manifest: JSON {
    var root = JSONObject()
    root["version"] = .int(Self.manifestVersion)
    var stackEntries = JSONObject()
    for s in stacks {
      var e = JSONObject()
      e["stackName"] = .string(s.stackName)
      e["path"] = .string(s.path)
      e["templateFile"] = .string(s.templateFile)
      e["resourceCount"] = .int(s.resourceCount)
      var env = JSONObject()
      if let a = s.environment.account { env["account"] = .string(a) }
      if let r = s.environment.region { env["region"] = .string(r) }
      e["environment"] = .object(env)
      e["dependencies"] = .array(s.dependencies.map(JSON.string))
      e["assets"] = .array(s.assetHashes.map(JSON.string))
      if s.terminationProtection { e["terminationProtection"] = .bool(true) }
      if !s.tags.isEmpty {
        e["tags"] = .object(JSONObject(s.tags.map { ($0.0, JSON.string($0.1)) }))
      }
      stackEntries[s.id] = .object(e)
    }
    root["stacks"] = .object(stackEntries)
    var assetEntries = JSONObject()
    for a in assets {
      var e = JSONObject()
      e["source"] = .string(a.sourcePath)
      e["packaging"] = .string(a.packaging.rawValue)
      e["objectKey"] = .string(a.objectKey)
      e["stagedPath"] = .string(".stack/assets/" + a.stagedFileName)
      if let b = a.bundling { e["bundling"] = .string(b.recipe) }
      assetEntries[a.hash] = .object(e)
    }
    root["assets"] = .object(assetEntries)
    return .object(root)
  }

  /// Stages the assets, then writes every template and the manifest into `directory`. Each file
  /// is written to a temporary name and renamed, and nothing is written before every asset is
  /// staged, so a failure leaves the folder as it was.
  public func write(to directory: String) throws {
    let fm = FileManager.default
    let stagingDirectory = (projectDirectory as NSString).appendingPathComponent(".stack/assets")
    for asset in assets {
      try AssetStager.stage(asset, into: stagingDirectory)
    }
    try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var files: [(String, String)] = stacks.map { ($0.templateFile, $0.templateText) }
    files.append((Self.manifestFile, JSONWriter().write(manifest)))
    for (name, text) in files {
      let target = (directory as NSString).appendingPathComponent(name)
      try FileWriter.write(text, to: target)
    }
    // Timings for the CLI's summary; not part of the reviewed output.
    var timings = JSONObject()
    for s in stacks { timings[s.id] = .double((s.milliseconds * 1000).rounded() / 1000) }
    let timingFile = (directory as NSString).appendingPathComponent(".timings.json")
    try? FileWriter.write(JSONWriter().write(.object(timings)), to: timingFile)
  }
}
