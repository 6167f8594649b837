import Foundation
import StackKit
import Testing

@testable import StackToolkit

/// Runs the real example app when it is already built (`swift build --product stacks`); building
/// it here would make the test suite slow.
@Suite struct ExampleAppTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static let binary = (packageRoot as NSString).appendingPathComponent(".build/debug/stacks")

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
  func theExampleAppSynthesizesValidTemplates() async throws {
    var config = try ProjectConfig.load(
      file: (Self.packageRoot as NSString).appendingPathComponent("stack.json"))
    config.build = nil
    config.app = Self.binary
    for format in TemplateFormat.allCases {
      let result = try await Synthesis.run(config: config, options: .init(format: format))
      #expect(!result.stacks.isEmpty)
      for stack in result.stacks {
        let resources = try #require(try stack.template()["Resources"]?.objectValue)
        #expect(resources.count == stack.resourceCount)
        #expect(stack.templateFile == "\(stack.id).template.\(format.rawValue)")
      }
    }
  }
}
