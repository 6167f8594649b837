import Foundation

/// A file or directory shipped with a stack: hashed from its content, staged as a deterministic
/// zip (or copied file) under `.stack/assets/`, uploaded by `stack deploy` to the bootstrap bucket
/// under its hash, and referenced from the template by bucket and key.
///
/// ```swift
/// let code = Asset(self, "Code", path: "functions/redis-connect")
/// // code.bucketName, code.objectKey go into AWS::Lambda::Function's Code
/// ```
public final class Asset: Construct {
  /// The path as given, relative to the project folder (or absolute).
  public let sourcePath: String
  /// The absolute path read.
  public let absolutePath: String
  /// How the asset is packaged.
  public let packaging: AssetPackaging
  /// A command that turns the source into what is shipped; its recipe is part of the hash.
  public let bundling: Bundling?
  /// SHA-256 over the sorted relative paths, modes and bytes of the source, and the bundling
  /// recipe. Empty when the source could not be read (synthesis reports why).
  public let assetHash: String
  private let readError: String?

  /// The name of the bootstrap bucket assets are uploaded to.
  public static let bucketNameTemplate = "stackkit-assets-${AWS::AccountId}-${AWS::Region}"

  public init(
    _ scope: Construct, _ id: String, path: String, bundling: Bundling? = nil,
    exclude: [String] = []
  ) {
    sourcePath = path
    let root =
      (scope.node.root as? App)?.projectDirectory ?? FileManager.default.currentDirectoryPath
    absolutePath = path.hasPrefix("/") ? path : (root as NSString).appendingPathComponent(path)
    self.bundling = bundling
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory)
    packaging = (isDirectory.boolValue || bundling != nil) ? .zipDirectory : .file
    var hash = ""
    var problem: String?
    if !exists {
      problem =
        "the asset path \(path) does not exist (looked for \(absolutePath)). Create it or fix the path; relative paths are read from the project folder."
    } else {
      do {
        hash = try AssetHasher.hash(
          path: absolutePath, isDirectory: isDirectory.boolValue, exclude: exclude,
          recipe: bundling?.recipe)
      } catch {
        problem = "the asset \(path) could not be read: \(error). Check its permissions."
      }
    }
    assetHash = hash
    readError = problem
    super.init(scope, id)
  }

  /// The S3 key: the hash, with `.zip` for directories or the file's own extension.
  public var objectKey: String {
    switch packaging {
    case .zipDirectory: return assetHash + ".zip"
    case .file:
      let ext = (sourcePath as NSString).pathExtension
      return ext.isEmpty ? assetHash : assetHash + "." + ext
    }
  }

  /// The bootstrap bucket, as a template value.
  public var bucketName: Value { Fn.sub(Asset.bucketNameTemplate) }

  /// The key, as a template value.
  public var objectKeyValue: Value { .string(objectKey) }

  /// The file name under `.stack/assets/` once staged.
  public var stagedFileName: String { "asset.\(objectKey)" }

  public override func validate() -> [String] {
    super.validate() + (readError.map { [$0] } ?? [])
  }
}

/// How an asset is shipped.
public enum AssetPackaging: String, Sendable, Codable {
  /// A directory (or bundled output) zipped deterministically.
  case zipDirectory = "zip"
  /// A single file, uploaded as it is.
  case file
}

/// A command that produces an asset's content from its source, run at staging time in a fresh
/// output folder. Its recipe, not its output, goes into the asset hash, so the template does not
/// change when a tool's output varies between runs.
///
/// ```swift
/// let layer = Asset(self, "Layer", path: "functions/redis-py-layer",
///                   bundling: .pipInstall(requirements: "requirements.txt", target: "python"))
/// ```
public struct Bundling: Sendable, Hashable {
  /// The program and its arguments. `$SOURCE` and `$OUTPUT` are replaced by the source and
  /// output folders.
  public var command: [String]
  /// A text that changes whenever the output would (the command and the inputs it reads).
  public var recipe: String
  /// What to tell the user when the program is missing.
  public var missingProgramHint: String

  public init(command: [String], recipe: String? = nil, missingProgramHint: String = "") {
    self.command = command
    self.recipe = recipe ?? command.joined(separator: " ")
    self.missingProgramHint = missingProgramHint
  }

  /// `pip install -r SOURCE/requirements -t OUTPUT/target`: a Python layer built from its
  /// requirements file.
  public static func pipInstall(
    requirements: String = "requirements.txt", target: String = "python"
  )
    -> Bundling
  {
    Bundling(
      command: [
        "python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-compile", "-r", "$SOURCE/\(requirements)", "-t", "$OUTPUT/\(target)",
      ],
      recipe: "pip-install:\(requirements)->\(target)",
      missingProgramHint: "install Python 3 with pip (apt-get install python3-pip)")
  }
}
