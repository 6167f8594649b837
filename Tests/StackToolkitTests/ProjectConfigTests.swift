import Foundation
import StackKit
import Testing

@testable import StackToolkit

@Suite struct ProjectConfigTests {
  @Test func readsEveryKey() throws {
    let text = """
      {
        "build": "swift build -q --product stacks",
        "app": ".build/debug/stacks",
        "output": "out/templates",
        "format": "json",
        "context": {"env": "prod", "replicas": 3}
      }
      """
    let config = try ProjectConfig.parse(text, file: "/project/stack.json")
    #expect(config.app == ".build/debug/stacks")
    #expect(config.build == "swift build -q --product stacks")
    #expect(config.format == .json)
    #expect(config.projectDirectory == "/project")
    #expect(config.outputDirectory == "/project/out/templates")
    #expect(config.context.keys == ["env", "replicas"])
    #expect(config.context["replicas"] == .int(3))
  }

  @Test func appliesDefaults() throws {
    let config = try ProjectConfig.parse(#"{"app": "./app"}"#, file: "/p/stack.json")
    #expect(config.build == nil)
    #expect(config.output == "templates")
    #expect(config.outputDirectory == "/p/templates")
    #expect(config.format == .yaml)
    #expect(config.context.isEmpty)
  }

  @Test func absoluteOutputStaysAbsolute() throws {
    let config = try ProjectConfig.parse(
      #"{"app": "./app", "output": "/tmp/x/../y"}"#, file: "/p/stack.json")
    #expect(config.outputDirectory == "/tmp/y")
  }

  @Test func unknownKeyIsAnErrorWithPositionAndHint() {
    let text = "{\n  \"app\": \"./app\",\n  \"outdir\": \"x\"\n}\n"
    #expect {
      _ = try ProjectConfig.parse(text, file: "/p/stack.json")
    } throws: { error in
      let e = error as! ConfigError
      let d = e.description
      return e.line == 3 && e.column == 3
        && d.hasPrefix("/p/stack.json:3:3: unknown key \"outdir\"")
        && d.contains("Did you mean \"output\"?") && d.contains("\"context\"")
    }
  }

  @Test func malformedJSONNamesFileLineAndColumn() {
    let text = "{\n  \"app\": \"./app\"\n  \"output\": \"x\"\n}\n"
    #expect {
      _ = try ProjectConfig.parse(text, file: "/p/stack.json")
    } throws: { error in
      let e = error as! ConfigError
      return e.file == "/p/stack.json" && e.line == 3 && e.column == 3
        && e.description.hasPrefix("/p/stack.json:3:3: ")
        && e.description.contains("missing comma")
    }
  }

  @Test(arguments: [
    (#"{"app": ""}"#, "\"app\" must be a non-empty string"),
    (#"{"app": 3}"#, "\"app\" must be a non-empty string"),
    (#"{"output": "x"}"#, "the \"app\" key is missing"),
    (#"{"app": "a", "format": "xml"}"#, "\"format\" must be \"yaml\" or \"json\", not \"xml\""),
    (#"{"app": "a", "context": [1]}"#, "\"context\" must be a JSON object"),
    (#"{"app": "a", "build": false}"#, "\"build\" must be a non-empty string"),
    (#"{"app": "a", "output": ""}"#, "\"output\" must be a non-empty folder path"),
    (#"["app"]"#, "must be a JSON object, not a list"),
  ])
  func rejectsWrongValues(text: String, expected: String) {
    #expect {
      _ = try ProjectConfig.parse(text, file: "/p/stack.json")
    } throws: { error in
      "\(error)".contains(expected) && "\(error)".hasPrefix("/p/stack.json:")
    }
  }

  @Test func wrongValueIsReportedAtItsKey() {
    #expect {
      _ = try ProjectConfig.parse("{\"app\": \"a\",\n \"format\": 1}", file: "/p/stack.json")
    } throws: { error in
      let e = error as! ConfigError
      return e.line == 2 && e.column == 2
    }
  }

  @Test func findWalksUpToTheNearestStackJSON() throws {
    let project = try TestProject()
    let nested = project.path("a/b/c")
    try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
    let config = try ProjectConfig.find(from: nested)
    #expect(config.file == project.path("stack.json"))
    #expect(config.projectDirectory == project.directory)
    #expect(config.app == "sh app.sh")
  }

  @Test func findWithoutStackJSONExplainsWhatToCreate() throws {
    let empty = (FileManager.default.temporaryDirectory.path as NSString)
      .appendingPathComponent("stack-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: empty) }
    // A stack.json in a parent of the temporary folder would be found; the folder has none.
    #expect {
      _ = try ProjectConfig.find(from: empty)
    } throws: { error in
      let d = "\(error)"
      return d.contains("no stack.json in \(empty)") && d.contains("\"app\"")
    }
  }

  @Test func loadNamesAMissingFile() {
    #expect {
      _ = try ProjectConfig.load(file: "/nonexistent/stack.json")
    } throws: { error in
      "\(error)".hasPrefix("/nonexistent/stack.json: cannot read the file")
    }
  }

  @Test func contextOverridesReadJSONOrStrings() throws {
    let o = try ContextOverride.object(["env=prod", "n=3", "flags=[\"a\"]", "env2=a=b", "n=4"])
    #expect(o["env"] == .string("prod"))
    #expect(o["n"] == .int(4))
    #expect(o["flags"] == .array([.string("a")]))
    #expect(o["env2"] == .string("a=b"))
    #expect(throws: ContextOverride.Error.self) { try ContextOverride.parse("novalue") }
    #expect(throws: ContextOverride.Error.self) { try ContextOverride.parse("=x") }
  }
}
