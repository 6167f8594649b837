import StackKit
import StackToolkit

/// What `deploy`, `destroy` and `diff` start from: the project's app, built and run, as
/// deployable stacks.
///
/// ```swift
/// let project = try ProjectStacks(self.project)  // reads stack.json and --context now
/// let stacks = try await project.synthesize()    // builds and runs the app
/// ```
struct ProjectStacks: Sendable {
  let config: ProjectConfig
  let context: JSONObject
  let skipBuild: Bool

  /// Reads stack.json and the `--context` settings (errors end the command with status 1).
  init(_ options: ProjectOptions) throws {
    config = try options.loadConfig()
    context = try options.contextObject()
    skipBuild = options.skipBuild
  }

  /// Builds (unless `--skip-build`) and runs the app, printing progress, and returns its stacks.
  func synthesize() async throws -> [DeploymentStack] {
    let synth = try await Synthesis.run(
      config: config,
      options: .init(
        context: context, skipBuild: skipBuild, progress: { Console.standard.note($0) }))
    return DeploymentStack.all(from: synth)
  }
}
