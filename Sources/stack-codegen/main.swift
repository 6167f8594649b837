import ArgumentParser
import Foundation
import StackCodegen

/// `stack-codegen`: regenerates the L1 types from the registry schemas in `schemas/`.
struct StackCodegenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stack-codegen",
    abstract: "Generate StackKit's L1 (Cfn…) types from CloudFormation registry schemas.",
    discussion: """
      Run it from the repository root after changing the generator or refreshing the schemas:

        swift run stack-codegen
        swift run stack-codegen --check    # fail when the committed files are stale
      """)

  @Option(help: "The folder of registry schemas (*.json).")
  var schemas = "schemas"

  @Option(help: "The folder the Swift types are written to (it is owned by the generator).")
  var output = "Sources/StackKitAWS/Generated"

  @Option(help: "The file the resource specs table (create-only properties) is written to.")
  var specs = "Sources/StackToolkit/Generated/ResourceSpecs.swift"

  @Flag(help: "Write nothing; exit non-zero listing the files that differ from what is generated.")
  var check = false

  func run() throws {
    do {
      let files = try Generator.generate(schemasDirectory: schemas)
      if check {
        let differences = try files.differences(from: output, specs: specs)
        if differences.isEmpty {
          print("stack-codegen: \(files.sources.count + 1) generated files are up to date")
          return
        }
        print("stack-codegen: generated files are stale; run `swift run stack-codegen`:")
        for line in differences { print("  " + line) }
        throw ExitCode.failure
      }
      let changed = try files.write(to: output, specs: specs)
      print(
        "stack-codegen: \(files.sources.count + 1) files generated, \(changed.count) changed")
    } catch let error as CodegenError {
      FileHandle.standardError.write(Data("stack-codegen: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }
}

StackCodegenCommand.main()
