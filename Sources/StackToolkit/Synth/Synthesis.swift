import Foundation
import StackKit

/// Builds and runs a project's app and returns the cloud assembly it synthesized.
///
/// The app runs in the project root with `STACK_OUTDIR` (a fresh temporary folder, removed
/// afterwards), `STACK_CONTEXT` (stack.json's `context` as JSON), `STACK_FORMAT` and
/// `STACK_PROJECT_DIR` set. Nothing is written to the templates folder here; see
/// ``TemplateOutput`` for that.
///
/// ```swift
/// let config = try ProjectConfig.find(from: FileManager.default.currentDirectoryPath)
/// let result = try await Synthesis.run(config: config)
/// for stack in result.stacks { print(stack.id, stack.resourceCount) }
/// ```
public enum Synthesis {
  /// Choices that override stack.json for one run.
  public struct Options: Sendable {
    /// Overrides stack.json's `format`.
    public var format: TemplateFormat?
    /// Merged over stack.json's `context`.
    public var context: JSONObject
    /// Skips stack.json's `build` command (the app is known to be built).
    public var skipBuild: Bool
    /// Called with a line of progress ("Building the app …") before each slow step.
    public var progress: @Sendable (String) -> Void

    public init(
      format: TemplateFormat? = nil, context: JSONObject = JSONObject(), skipBuild: Bool = false,
      progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
      self.format = format
      self.context = context
      self.skipBuild = skipBuild
      self.progress = progress
    }
  }

  /// How many lines of a failing command's output are shown.
  static let outputLinesShown = 60

  /// Runs the build command (if any) and the app, then reads what the app wrote.
  public static func run(config: ProjectConfig, options: Options = Options())
    async throws(SynthFailure) -> SynthResult
  {
    let format = options.format ?? config.format
    var buildDuration: Duration?
    if let build = config.build, !options.skipBuild {
      options.progress("Building the app: \(build)")
      let result = try await execute(build, config: config, environment: [:], stage: "build")
      buildDuration = result.duration
      guard result.succeeded else {
        throw SynthFailure(
          .buildFailed,
          "the build failed (\(result.statusDescription)): \(build)\n"
            + indentedTail(result.standardError + result.standardOutput)
            + "\nFix the errors above (the \"build\" command of \(config.file)); nothing was written."
        )
      }
    }

    let fm = FileManager.default
    let outdir = fm.temporaryDirectory.appendingPathComponent(
      "stack-synth-\(UUID().uuidString)", isDirectory: true
    ).path
    do {
      try fm.createDirectory(atPath: outdir, withIntermediateDirectories: true)
    } catch {
      throw SynthFailure(.writeFailed, "cannot create a temporary folder \(outdir): \(error)")
    }
    defer { try? fm.removeItem(atPath: outdir) }

    var context = config.context
    for (k, v) in options.context { context[k] = v }
    let environment = [
      "STACK_OUTDIR": outdir,
      "STACK_CONTEXT": JSONWriter(indent: nil).write(.object(context)),
      "STACK_FORMAT": format.rawValue,
      "STACK_PROJECT_DIR": config.projectDirectory,
    ]
    options.progress("Running the app: \(config.app)")
    let run = try await execute(config.app, config: config, environment: environment, stage: "app")
    guard run.succeeded else {
      var message = "the app failed (\(run.statusDescription)): \(config.app)\n"
      let output = run.standardError.isEmpty ? run.standardOutput : run.standardError
      if output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        message += "  (it printed nothing)\n"
      } else {
        message += indentedTail(output) + "\n"
      }
      if run.status == 127 && !run.signaled {
        message +=
          "The shell could not find the command. "
          + (config.build == nil
            ? "Check the \"app\" command in \(config.file)."
            : "Check that the \"build\" command of \(config.file) builds what \"app\" runs.")
      } else if run.signaled {
        message += "The app crashed; run it directly (\(config.app)) to debug it."
      } else {
        message += "Fix the problems above in the app's code; nothing was written."
      }
      throw SynthFailure(.appFailed, message)
    }

    let manifestPath = (outdir as NSString).appendingPathComponent(CloudAssembly.manifestFile)
    guard let manifestText = readText(manifestPath) else {
      throw SynthFailure(
        .invalidAssembly,
        "the app (\(config.app)) exited successfully but wrote no \(CloudAssembly.manifestFile) "
          + "to STACK_OUTDIR. Its main.swift must create an App, add the stacks and call "
          + "app.synthOrExit(), which writes to STACK_OUTDIR.")
    }
    let manifest = try AssemblyManifest.parse(
      manifestText, file: "the app's \(CloudAssembly.manifestFile)")
    var timings: [String: Double] = [:]
    if let text = readText((outdir as NSString).appendingPathComponent(".timings.json")),
      let object = try? JSONParser.parse(text).objectValue
    {
      for (id, value) in object {
        switch value {
        case .double(let d): timings[id] = d
        case .int(let i): timings[id] = Double(i)
        default: break
        }
      }
    }
    var stacks: [SynthResult.StackTemplate] = []
    for entry in manifest.stacks {
      let expected = ".template.\(format.fileExtension)"
      guard entry.templateFile.hasSuffix(expected) else {
        throw SynthFailure(
          .invalidAssembly,
          "the app wrote \(entry.templateFile) for the stack \(entry.id), but \(format.rawValue) "
            + "was asked for. Let the App take its format from STACK_FORMAT (do not pass format:).")
      }
      guard let text = readText((outdir as NSString).appendingPathComponent(entry.templateFile))
      else {
        throw SynthFailure(
          .invalidAssembly,
          "the manifest lists \(entry.templateFile) for the stack \(entry.id), but the app did not "
            + "write that file.")
      }
      stacks.append(
        SynthResult.StackTemplate(
          entry: entry, text: text, format: format, milliseconds: timings[entry.id]))
    }
    return SynthResult(
      config: config, format: format, stacks: stacks, manifest: manifest,
      manifestText: manifestText, buildDuration: buildDuration, appDuration: run.duration,
      appMessages: run.standardError)
  }

  private static func execute(
    _ command: String, config: ProjectConfig, environment: [String: String], stage: String
  ) async throws(SynthFailure) -> ShellCommand.Result {
    do {
      let result = try await ShellCommand(command).run(
        in: config.projectDirectory, environment: environment)
      if Task.isCancelled {
        throw SynthFailure(
          .interrupted, "interrupted: the \(stage) command was stopped; nothing was written.")
      }
      return result
    } catch let failure as SynthFailure {
      throw failure
    } catch {
      throw SynthFailure(
        stage == "build" ? .buildFailed : .appFailed,
        "could not start the \(stage) command (\(command)) in \(config.projectDirectory): \(error)")
    }
  }

  private static func readText(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The last lines of a command's output, indented, with a note when some were left out.
  static func indentedTail(_ output: String) -> String {
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
    var shown = lines
    var note = ""
    if lines.count > outputLinesShown {
      shown = Array(lines.suffix(outputLinesShown))
      note = "  … (\(lines.count - outputLinesShown) earlier lines left out)\n"
    }
    return note + shown.map { "  | " + $0 }.joined(separator: "\n")
  }
}
