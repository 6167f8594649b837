import Foundation
import StackKit

/// A stack ready to deploy: its name, template text, the stacks it needs, and the asset files it
/// references.
///
/// Made from a synthesis result (``init(_:manifest:projectDirectory:)``), or directly in tests.
///
/// ```swift
/// let stack = DeploymentStack(id: "Demo", stackName: "Demo", templateText: body)
/// ```
public struct DeploymentStack: Sendable {
  /// A staged asset file to upload.
  public struct AssetFile: Sendable, Hashable {
    public var hash: String
    /// The S3 key (the hash with `.zip` or the file's extension).
    public var objectKey: String
    /// The staged file's absolute path.
    public var path: String
    /// The source, for messages (`functions/moto-demo`).
    public var source: String

    public init(hash: String, objectKey: String, path: String, source: String) {
      self.hash = hash
      self.objectKey = objectKey
      self.path = path
      self.source = source
    }
  }

  /// The artifact id (`stack list` shows it).
  public var id: String
  /// The CloudFormation stack name.
  public var stackName: String
  public var templateText: String
  /// Ids of the stacks this one needs deployed first.
  public var dependencies: [String]
  public var assets: [AssetFile]
  public var tags: [(key: String, value: String)]
  public var terminationProtection: Bool
  /// The region the stack names, if any (else the client's).
  public var region: String?
  /// The account the stack names, if any.
  public var account: String?

  public init(
    id: String, stackName: String, templateText: String, dependencies: [String] = [],
    assets: [AssetFile] = [], tags: [(key: String, value: String)] = [],
    terminationProtection: Bool = false, region: String? = nil, account: String? = nil
  ) {
    self.id = id
    self.stackName = stackName
    self.templateText = templateText
    self.dependencies = dependencies
    self.assets = assets
    self.tags = tags
    self.terminationProtection = terminationProtection
    self.region = region
    self.account = account
  }

  /// The stack of a synthesis result; its assets are the staged files the manifest lists
  /// (`.stack/assets/…` under the project folder).
  public init(
    _ stack: SynthResult.StackTemplate, manifest: AssemblyManifest, projectDirectory: String
  ) {
    var assets: [AssetFile] = []
    for hash in stack.entry.assets {
      guard let entry = manifest.assets.first(where: { $0.hash == hash }) else { continue }
      let path =
        entry.stagedPath.hasPrefix("/")
        ? entry.stagedPath : (projectDirectory as NSString).appendingPathComponent(entry.stagedPath)
      assets.append(
        AssetFile(hash: hash, objectKey: entry.objectKey, path: path, source: entry.source))
    }
    self.init(
      id: stack.id, stackName: stack.stackName, templateText: stack.text,
      dependencies: stack.entry.dependencies, assets: assets, tags: stack.entry.tags,
      terminationProtection: stack.entry.terminationProtection,
      region: stack.entry.environment.region, account: stack.entry.environment.account)
  }

  /// Every stack of a synthesis result.
  public static func all(from result: SynthResult) -> [DeploymentStack] {
    result.stacks.map {
      DeploymentStack(
        $0, manifest: result.manifest, projectDirectory: result.config.projectDirectory)
    }
  }

  /// CloudFormation's limit on a template passed inline; larger ones go through S3.
  public static let inlineTemplateLimit = 51_200

  /// True when the template must be uploaded and passed by URL.
  public var needsTemplateUpload: Bool { templateText.utf8.count > Self.inlineTemplateLimit }

  /// True when deploying needs the toolkit stack's bucket.
  public var needsBucket: Bool { !assets.isEmpty || needsTemplateUpload }
}
