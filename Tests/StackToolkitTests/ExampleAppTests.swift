import Foundation
import StackKit
import Testing

@testable import StackToolkit

/// Runs the real example app when it is already built (`swift build --product stacks`); building
/// it here would make the test suite slow.
@Suite struct ExampleAppTests {
  @Test(.enabled(if: ExampleProject.isBuilt))
  func theExampleAppSynthesizesValidTemplates() async throws {
    let project = try ExampleProject()
    defer { project.remove() }
    for format in TemplateFormat.allCases {
      let result = try await Synthesis.run(config: project.config, options: .init(format: format))
      #expect(!result.stacks.isEmpty)
      for stack in result.stacks {
        let resources = try #require(try stack.template()["Resources"]?.objectValue)
        #expect(resources.count == stack.resourceCount)
        #expect(stack.templateFile == "\(stack.id).template.\(format.rawValue)")
      }
    }
  }
}
