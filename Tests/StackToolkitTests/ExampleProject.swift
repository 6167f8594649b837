import Foundation
import StackKit

@testable import StackToolkit

/// The repository's example app (`stacks`, built by `swift build`) run in a temporary project
/// folder of its own, so that the assets it stages (`.stack/assets/`) go there and not into the
/// repository, where tests running at the same time would write the same files. The folder links
/// to the repository's `functions/`, which the app's assets are read from.
///
/// ```swift
/// let project = try ExampleProject()
/// defer { project.remove() }
/// let result = try await Synthesis.run(config: project.config)
/// ```
struct ExampleProject {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static let binary = (packageRoot as NSString).appendingPathComponent(".build/debug/stacks")

  /// Whether the example app is built.
  static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary) }

  struct AppNotBuilt: Error, CustomStringConvertible {
    var description: String {
      "the example app is not built at \(ExampleProject.binary); run `swift build --product stacks` (swift test builds it)"
    }
  }

  /// The temporary project folder.
  let directory: String
  /// The repository's stack.json, running the built app (no build step) in ``directory``.
  let config: ProjectConfig

  init() throws {
    guard Self.isBuilt else { throw AppNotBuilt() }
    let fm = FileManager.default
    directory = (fm.temporaryDirectory.path as NSString)
      .appendingPathComponent("stack-example-\(UUID().uuidString)")
    try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try fm.createSymbolicLink(
      atPath: (directory as NSString).appendingPathComponent("functions"),
      withDestinationPath: (Self.packageRoot as NSString).appendingPathComponent("functions"))
    var config = try ProjectConfig.load(
      file: (Self.packageRoot as NSString).appendingPathComponent("stack.json"))
    config.build = nil
    config.app = Self.binary
    config.projectDirectory = directory
    self.config = config
  }

  /// Removes the folder (the link only, not the repository's functions).
  func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
