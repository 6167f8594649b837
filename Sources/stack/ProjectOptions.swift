import ArgumentParser
import Foundation
import StackKit
import StackToolkit

/// Options every command that runs the app shares: where the project is, context, build.
struct ProjectOptions: ParsableArguments {
  @Option(
    name: .customLong("project"),
    help: ArgumentHelp(
      "Look for stack.json from this folder instead of the current one.", valueName: "dir"))
  var projectDirectory: String?

  @Option(
    name: [.customShort("c"), .customLong("context")],
    help: ArgumentHelp(
      "Set a context value for the app, over stack.json's context (repeatable).",
      valueName: "key=value"))
  var context: [String] = []

  @Flag(help: "Do not run stack.json's build command; run the app as it is built.")
  var skipBuild = false

  /// The project's configuration, or an error message and exit status 1.
  func loadConfig() throws -> ProjectConfig {
    try reportingErrors {
      try ProjectConfig.find(from: projectDirectory ?? FileManager.default.currentDirectoryPath)
    }
  }

  /// The `--context` settings as one object.
  func contextObject() throws -> JSONObject {
    try reportingErrors { try ContextOverride.object(context) }
  }
}

/// Runs `body`; a StackToolkit error is printed as `error: …` and ends the command with status 1
/// (130 when it was interrupted).
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
  do {
    return try await body()
  } catch let error as ExitCode {
    throw error
  } catch let failure as SynthFailure where failure.kind == .interrupted {
    Console.standard.note("\(failure)")
    throw ExitCode(130)
  } catch {
    Console.standard.note("error: \(error)")
    throw ExitCode.failure
  }
}

/// The synchronous form of ``reportingErrors(_:)``.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ExitCode {
    throw error
  } catch {
    Console.standard.note("error: \(error)")
    throw ExitCode.failure
  }
}
