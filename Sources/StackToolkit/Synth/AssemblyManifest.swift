import StackKit

/// The `manifest.json` an app writes beside its templates: the stacks, their template files,
/// dependencies, environments and assets.
///
/// ```swift
/// let manifest = try AssemblyManifest.parse(text, file: "templates/manifest.json")
/// for stack in manifest.stacks { print(stack.id, stack.templateFile, stack.dependencies) }
/// ```
public struct AssemblyManifest: Sendable {
  /// One stack of the app.
  public struct StackEntry: Sendable {
    /// The artifact id (the stack's id under the app), used to select stacks on the command line.
    public let id: String
    /// The CloudFormation stack name.
    public let stackName: String
    /// The construct path.
    public let path: String
    /// The template file name, relative to the assembly folder.
    public let templateFile: String
    public let resourceCount: Int
    public let environment: Environment
    /// Ids of the stacks this one deploys after.
    public let dependencies: [String]
    /// Hashes of the assets the stack uses (keys of ``AssemblyManifest/assets``).
    public let assets: [String]
    public let terminationProtection: Bool
    public let tags: [(key: String, value: String)]
  }

  /// One asset to stage and upload.
  public struct AssetEntry: Sendable {
    public let hash: String
    /// The source path, relative to the project root.
    public let source: String
    /// `file` or `zip`.
    public let packaging: String
    public let objectKey: String
    /// Where the staged file is, relative to the project root.
    public let stagedPath: String
    public let bundling: String?
  }

  public let version: Int
  public let stacks: [StackEntry]
  public let assets: [AssetEntry]

  /// The stack with this artifact id.
  public func stack(id: String) -> StackEntry? { stacks.first { $0.id == id } }

  /// Reads a manifest; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws(SynthFailure) -> AssemblyManifest {
    func bad(_ what: String) -> SynthFailure {
      SynthFailure(
        .invalidAssembly,
        "\(file) is not a valid StackKit manifest: \(what). The app must be built with StackKit and "
          + "call app.synth() or app.synthOrExit().")
    }
    let json: JSON
    do {
      json = try JSONParser.parse(text)
    } catch {
      throw bad("\(error)")
    }
    guard let root = json.objectValue else { throw bad("it is not a JSON object") }
    guard case .int(let version) = root["version"] ?? .null else { throw bad("no \"version\"") }
    guard version == CloudAssembly.manifestVersion else {
      throw bad(
        "version \(version) is not the supported version \(CloudAssembly.manifestVersion); "
          + "rebuild the app and stack with the same StackKit")
    }
    guard let stackObject = root["stacks"]?.objectValue else { throw bad("no \"stacks\" object") }
    var stacks: [StackEntry] = []
    for (id, value) in stackObject {
      guard let e = value.objectValue, let templateFile = e["templateFile"]?.stringValue else {
        throw bad("the stack \"\(id)\" has no \"templateFile\"")
      }
      guard !templateFile.contains("/"), !templateFile.hasPrefix(".") else {
        throw bad("the stack \"\(id)\" has the template file \"\(templateFile)\", not a plain name")
      }
      let env = e["environment"]?.objectValue
      var count = 0
      if case .int(let c) = e["resourceCount"] ?? .null { count = c }
      stacks.append(
        StackEntry(
          id: id, stackName: e["stackName"]?.stringValue ?? id,
          path: e["path"]?.stringValue ?? id, templateFile: templateFile, resourceCount: count,
          environment: Environment(
            account: env?["account"]?.stringValue, region: env?["region"]?.stringValue),
          dependencies: (e["dependencies"]?.arrayValue ?? []).compactMap(\.stringValue),
          assets: (e["assets"]?.arrayValue ?? []).compactMap(\.stringValue),
          terminationProtection: e["terminationProtection"] == .bool(true),
          tags: (e["tags"]?.objectValue.map { Array($0) } ?? []).compactMap { pair in
            pair.value.stringValue.map { (key: pair.key, value: $0) }
          }))
    }
    var assets: [AssetEntry] = []
    for (hash, value) in root["assets"]?.objectValue ?? JSONObject() {
      guard let e = value.objectValue, let staged = e["stagedPath"]?.stringValue else {
        throw bad("the asset \(hash) has no \"stagedPath\"")
      }
      assets.append(
        AssetEntry(
          hash: hash, source: e["source"]?.stringValue ?? "",
          packaging: e["packaging"]?.stringValue ?? "file",
          objectKey: e["objectKey"]?.stringValue ?? "", stagedPath: staged,
          bundling: e["bundling"]?.stringValue))
    }
    return AssemblyManifest(version: version, stacks: stacks, assets: assets)
  }
}
