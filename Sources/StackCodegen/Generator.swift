import Foundation

/// Reads the registry schemas of a folder and produces every generated file: one per resource
/// type under `Generated/<Service>/`, `Generated/Namespaces.swift`, and the resource specs table.
///
/// ```swift
/// let output = try Generator.generate(schemasDirectory: "schemas")
/// try output.write(to: "Sources/StackKitAWS/Generated",
///                  specs: "Sources/StackToolkit/Generated/ResourceSpecs.swift")
/// ```
public enum Generator {
  /// Loads every `*.json` schema of `schemasDirectory`, in file-name order. Errors name the file.
  public static func loadSchemas(
    from schemasDirectory: String
  ) throws(CodegenError) -> [ResourceSchema] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: schemasDirectory)
        .filter { $0.hasSuffix(".json") }.sorted()
    } catch {
      throw CodegenError(
        file: schemasDirectory,
        "cannot list the schemas folder (\(error.localizedDescription)); run stack-codegen from "
          + "the repository root or pass --schemas")
    }
    if names.isEmpty {
      throw CodegenError(
        file: schemasDirectory, "no *.json schemas; see schemas/README.md to copy them")
    }
    var schemas: [ResourceSchema] = []
    var seen: [String: String] = [:]
    for name in names {
      let path = (schemasDirectory as NSString).appendingPathComponent(name)
      let text: String
      do {
        text = try String(contentsOfFile: path, encoding: .utf8)
      } catch {
        throw CodegenError(file: path, "cannot read it as UTF-8 (\(error.localizedDescription))")
      }
      let schema = try ResourceSchema(text: text, file: path)
      if let other = seen[schema.typeName] {
        throw CodegenError(file: path, "\(schema.typeName) is also defined by \(other); keep one")
      }
      seen[schema.typeName] = name
      schemas.append(schema)
    }
    return schemas
  }

  /// Loads `docs/cdk-docs.json` of `schemasDirectory`: summaries for schemas without
  /// descriptions. None when the file does not exist.
  public static func loadDocs(
    from schemasDirectory: String
  ) throws(CodegenError) -> [String: ResourceDocs] {
    let path = (schemasDirectory as NSString).appendingPathComponent("docs/cdk-docs.json")
    guard FileManager.default.fileExists(atPath: path) else { return [:] }
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw CodegenError(file: path, "cannot read it as UTF-8 (\(error.localizedDescription))")
    }
    return try ResourceDocs.load(text: text, file: path)
  }

  /// Generates every file from the schemas (and documentation) of `schemasDirectory`.
  public static func generate(schemasDirectory: String) throws(CodegenError) -> GeneratedFiles {
    try generate(loadSchemas(from: schemasDirectory), docs: loadDocs(from: schemasDirectory))
  }

  /// Generates every file from parsed schemas and, optionally, their documentation.
  public static func generate(
    _ schemas: [ResourceSchema], docs: [String: ResourceDocs] = [:]
  ) throws(CodegenError) -> GeneratedFiles {
    var sources: [String: String] = [:]
    var models: [ResourceModel] = []
    for schema in schemas {
      let model = try ResourceModelBuilder.build(schema, docs: docs[schema.typeName])
      models.append(model)
      sources["\(model.service)/\(model.service)+\(model.className).swift"] =
        SwiftRenderer.resourceFile(model)
    }
    sources["Namespaces.swift"] = SwiftRenderer.namespacesFile(
      services: Array(Set(models.map(\.service))))
    return GeneratedFiles(
      sources: sources, resourceSpecs: SwiftRenderer.resourceSpecsFile(models))
  }
}

/// The output of ``Generator``: source files by path relative to the output folder, and the text of
/// `ResourceSpecs.swift`.
public struct GeneratedFiles: Sendable {
  /// Relative path (`EC2/EC2+CfnVPC.swift`) → contents.
  public var sources: [String: String]
  public var resourceSpecs: String

  public init(sources: [String: String], resourceSpecs: String) {
    self.sources = sources
    self.resourceSpecs = resourceSpecs
  }

  /// Writes the files that changed (others keep their modification time, so builds stay
  /// incremental) and deletes generated files that are no longer produced. Returns the paths
  /// written or deleted.
  @discardableResult
  public func write(to outputDirectory: String, specs specsPath: String) throws(CodegenError)
    -> [String]
  {
    var changed: [String] = []
    let existing = try Self.swiftFiles(in: outputDirectory)
    for relative in existing.keys.sorted() where sources[relative] == nil {
      let path = (outputDirectory as NSString).appendingPathComponent(relative)
      guard existing[relative]?.hasPrefix(SwiftRenderer.headerPrefix) == true else { continue }
      do {
        try FileManager.default.removeItem(atPath: path)
      } catch {
        throw CodegenError(file: path, "cannot delete it (\(error.localizedDescription))")
      }
      changed.append(path)
    }
    for relative in sources.keys.sorted() where existing[relative] != sources[relative] {
      let path = (outputDirectory as NSString).appendingPathComponent(relative)
      try Self.write(sources[relative] ?? "", to: path)
      changed.append(path)
    }
    let currentSpecs = try? String(contentsOfFile: specsPath, encoding: .utf8)
    if currentSpecs != resourceSpecs {
      try Self.write(resourceSpecs, to: specsPath)
      changed.append(specsPath)
    }
    return changed
  }

  /// The files that differ between this output and what is on disk: missing, changed, or
  /// present on disk but not generated. Empty when the committed files are up to date.
  public func differences(from outputDirectory: String, specs specsPath: String)
    throws(CodegenError)
    -> [String]
  {
    var out: [String] = []
    let existing = try Self.swiftFiles(in: outputDirectory)
    for relative in Set(existing.keys).union(sources.keys).sorted() {
      let path = (outputDirectory as NSString).appendingPathComponent(relative)
      switch (existing[relative], sources[relative]) {
      case (nil, _): out.append("\(path): missing")
      case (_, nil): out.append("\(path): not generated by the current schemas and generator")
      case (let a?, let b?) where a != b: out.append("\(path): differs")
      default: break
      }
    }
    switch try? String(contentsOfFile: specsPath, encoding: .utf8) {
    case nil: out.append("\(specsPath): missing")
    case let text? where text != resourceSpecs: out.append("\(specsPath): differs")
    default: break
    }
    return out
  }

  private static func write(_ text: String, to path: String) throws(CodegenError) {
    do {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CodegenError(file: path, "cannot write it (\(error.localizedDescription))")
    }
  }

  /// Relative path → contents of every `.swift` file below `directory` (none if it is missing).
  private static func swiftFiles(in directory: String) throws(CodegenError) -> [String: String] {
    var out: [String: String] = [:]
    guard FileManager.default.fileExists(atPath: directory) else { return out }
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
      throw CodegenError(file: directory, "cannot list the output folder")
    }
    while let relative = enumerator.nextObject() as? String {
      guard relative.hasSuffix(".swift") else { continue }
      let path = (directory as NSString).appendingPathComponent(relative)
      do {
        out[relative] = try String(contentsOfFile: path, encoding: .utf8)
      } catch {
        throw CodegenError(file: path, "cannot read it (\(error.localizedDescription))")
      }
    }
    return out
  }
}
