import Foundation

/// The root of the construct tree. Its ``synth(to:)`` writes every stack's template and the
/// `manifest.json` of the cloud assembly.
///
/// An app is an executable; `stack synth` builds and runs it with `STACK_OUTDIR`,
/// `STACK_CONTEXT` (a JSON object) and `STACK_FORMAT` (`yaml` or `json`) set.
///
/// ```swift
/// let app = App()
/// RedisRbacStack(app, "RedisRbacStack")
/// app.synthOrExit()
/// ```
public final class App: Construct {
  /// Where templates go: `STACK_OUTDIR`, else the `outdir` given, else `templates`.
  public let outdir: String
  /// The template format: `STACK_FORMAT`, else the one given, else YAML.
  public let format: TemplateFormat
  /// The project folder, against which relative asset paths are read: `STACK_PROJECT_DIR`, else
  /// the current directory.
  public let projectDirectory: String

  /// Creates an app. Context comes from `STACK_CONTEXT` merged over `context`.
  public init(
    outdir: String? = nil, format: TemplateFormat? = nil, context: [String: JSON] = [:],
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.outdir = environment["STACK_OUTDIR"] ?? outdir ?? "templates"
    self.format =
      environment["STACK_FORMAT"].flatMap(TemplateFormat.init(rawValue:)) ?? format ?? .yaml
    self.projectDirectory =
      environment["STACK_PROJECT_DIR"] ?? FileManager.default.currentDirectoryPath
    super.init(rootID: "")
    for (k, v) in context { node.setContext(k, v) }
    if let text = environment["STACK_CONTEXT"], !text.isEmpty {
      do {
        let parsed = try JSONParser.parse(text)
        if let object = parsed.objectValue {
          for (k, v) in object { node.setContext(k, v) }
        } else {
          contextError = "STACK_CONTEXT must be a JSON object, not a \(parsed.kindName)."
        }
      } catch {
        contextError = "STACK_CONTEXT is not valid JSON (\(error)). Fix the context in stack.json."
      }
    }
  }

  private var contextError: String?

  public override func validate() -> [String] {
    super.validate() + (contextError.map { [$0] } ?? [])
  }

  /// Builds every template in memory. Throws every problem at once; writes nothing.
  public func synthesizeTemplates() throws(SynthesisError) -> CloudAssembly {
    let outputs = try Synthesizer(app: self).run()
    return try CloudAssembly(app: self, outputs: outputs)
  }

  /// Synthesizes and writes the templates, staged assets and `manifest.json`. On any problem it
  /// throws them all and leaves the output folder as it was.
  @discardableResult
  public func synth(to directory: String? = nil) throws -> CloudAssembly {
    let assembly = try synthesizeTemplates()
    try assembly.write(to: directory ?? outdir)
    return assembly
  }

  /// Synthesizes; on failure prints every problem to standard error and exits with status 1.
  /// This is what an app's `main.swift` calls.
  public func synthOrExit() {
    do {
      try synth()
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      exit(1)
    }
  }
}
