import Foundation
import StackKit
import Testing

@testable import StackToolkit

@Suite struct SynthTests {
  @Test func synthWritesTemplatesAndManifestAndPrintsOneLinePerStack() async throws {
    let project = try TestProject()
    let captured = CapturedConsole()
    let status = try await SynthTask().run(config: try project.config, console: captured.console)
    #expect(status == 0)
    let files = project.snapshot()
    #expect(
      Set(files.keys) == ["Network.template.yaml", "Database.template.yaml", "manifest.json"])
    #expect(files["Network.template.yaml"]?.contains("Description: Network v1") == true)
    let lines = captured.output.split(separator: "\n").map(String.init)
    let network = try #require(lines.first { $0.hasPrefix("Network ") })
    let bytes = files["Network.template.yaml"]!.utf8.count
    #expect(
      network.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        == ["Network", "2", "\(bytes)", "1.5", "ms", "created"])
    #expect(lines.contains { $0.hasPrefix("Database ") && $0.contains(" 3 ") })
    #expect(lines.contains { $0.hasPrefix("Total (2 stacks)") && $0.contains(" 5 ") })
    #expect(lines.last?.hasPrefix("Wrote 3 files to templates") == true)
    #expect(captured.errors.contains("Running the app: sh app.sh"))
  }

  @Test func theAppGetsContextFormatAndProjectFolder() async throws {
    let project = try TestProject()
    var config = try project.config
    config.output = "elsewhere"
    let task = SynthTask(context: try ContextOverride.object(["region=eu-west-1"]))
    _ = try await task.run(config: config, console: CapturedConsole().console)
    let text = try #require(project.read("elsewhere/Network.template.yaml"))
    #expect(text.contains(#"Context: '{"env":"dev","region":"eu-west-1"}'"#))
    #expect(text.contains("ProjectDir: '\(project.directory)'"))
  }

  @Test func checkIsQuietAndZeroWhenUpToDate() async throws {
    let project = try TestProject()
    _ = try await SynthTask().run(config: try project.config, console: CapturedConsole().console)
    let captured = CapturedConsole()
    let status = try await SynthTask(check: true).run(
      config: try project.config, console: captured.console)
    #expect(status == 0)
    #expect(captured.output.contains("Up to date: 2 templates and manifest.json in templates"))
  }

  @Test func checkFailsNamingStaleStacksWithADiffAndWritesNothing() async throws {
    let project = try TestProject()
    _ = try await SynthTask().run(config: try project.config, console: CapturedConsole().console)
    try project.write("version.txt", "v2\n")
    try project.write("stacks.txt", "Network 2\nDatabase 4 Network\n")
    let before = project.snapshot()
    let captured = CapturedConsole()
    let status = try await SynthTask(check: true).run(
      config: try project.config, console: captured.console)
    #expect(status == 1)
    #expect(project.snapshot() == before)
    let out = captured.output
    #expect(
      out.contains(
        "Stale in templates: Network (Network.template.yaml differs), "
          + "Database (Database.template.yaml differs), manifest.json differs"))
    #expect(out.contains("--- templates/Network.template.yaml (committed)"))
    #expect(out.contains("-Description: Network v1\n+Description: Network v2"))
    #expect(out.contains("+  Topic4:"))
    #expect(out.contains("Run `stack synth` and commit templates/."))
  }

  @Test func checkReportsMissingAndOrphanedTemplates() async throws {
    let project = try TestProject()
    _ = try await SynthTask().run(config: try project.config, console: CapturedConsole().console)
    try FileManager.default.removeItem(atPath: project.path("templates/Database.template.yaml"))
    try project.write("templates/Old.template.yaml", "Resources: {}\n")
    let captured = CapturedConsole()
    let status = try await SynthTask(check: true).run(
      config: try project.config, console: captured.console)
    #expect(status == 1)
    #expect(captured.output.contains("Database (Database.template.yaml missing)"))
    #expect(captured.output.contains("Old.template.yaml belongs to no stack"))
  }

  @Test func checkLimitsTheDiff() async throws {
    let project = try TestProject()
    _ = try await SynthTask().run(config: try project.config, console: CapturedConsole().console)
    try project.write("stacks.txt", "Network 100\nDatabase 3 Network\n")
    let captured = CapturedConsole()
    _ = try await SynthTask(check: true).run(config: try project.config, console: captured.console)
    let changed = captured.output.split(separator: "\n").filter {
      ($0.hasPrefix("+") && !$0.hasPrefix("+++")) || ($0.hasPrefix("-") && !$0.hasPrefix("---"))
    }
    #expect(changed.count == 40)
    #expect(captured.output.contains("more changed lines not shown"))
    #expect(captured.output.contains("(diff of manifest.json not shown)"))
  }

  @Test func synthRemovesTemplatesOfRemovedStacksOnly() async throws {
    let project = try TestProject()
    _ = try await SynthTask().run(config: try project.config, console: CapturedConsole().console)
    try project.write("templates/README.md", "keep me\n")
    try project.write("templates/notes.yaml", "keep: me\n")
    try project.write("stacks.txt", "Network 2\n")
    let captured = CapturedConsole()
    _ = try await SynthTask().run(config: try project.config, console: captured.console)
    #expect(
      Set(project.snapshot().keys)
        == ["Network.template.yaml", "manifest.json", "README.md", "notes.yaml"])
    #expect(captured.output.contains("removed Database.template.yaml"))
  }

  @Test func selectedStacksAreTheOnlyTemplatesWritten() async throws {
    let project = try TestProject()
    _ = try await SynthTask().run(config: try project.config, console: CapturedConsole().console)
    try project.write("version.txt", "v2\n")
    _ = try await SynthTask(stacks: ["Data*"]).run(
      config: try project.config, console: CapturedConsole().console)
    #expect(project.read("templates/Database.template.yaml")?.contains("v2") == true)
    #expect(project.read("templates/Network.template.yaml")?.contains("v1") == true)
  }

  @Test func formatOptionWritesJSONAndReplacesTheYAMLFile() async throws {
    let project = try TestProject()
    _ = try await SynthTask().run(config: try project.config, console: CapturedConsole().console)
    _ = try await SynthTask(format: .json).run(
      config: try project.config, console: CapturedConsole().console)
    #expect(
      Set(project.snapshot().keys)
        == ["Network.template.json", "Database.template.json", "manifest.json"])
    let result = try await Synthesis.run(
      config: try project.config, options: .init(format: .json))
    let template = try result.stacks[0].template()
    #expect(template["Resources"]?.objectValue?.keys == ["Topic1", "Topic2"])
  }

  @Test func unknownStackNamesListTheKnownOnes() async throws {
    let project = try TestProject()
    await #expect {
      _ = try await SynthTask(stacks: ["Network", "Nope"]).run(
        config: try project.config, console: CapturedConsole().console)
    } throws: { error in
      let e = error as! SynthFailure
      return e.kind == .unknownStack
        && e.message.contains("no stack named \"Nope\"; the stacks are Network, Database")
    }
    #expect(project.snapshot().isEmpty)
  }

  @Test func failingAppIsReportedWithItsErrorsAndTheFolderIsUntouched() async throws {
    let project = try TestProject(
      app: "sh app.sh && echo 'error: synthesis failed: Db/Role: bad' >&2 && exit 3")
    var ok = try project.config
    ok.app = "sh app.sh"
    _ = try await SynthTask().run(config: ok, console: CapturedConsole().console)
    try project.write("version.txt", "v2\n")
    let before = project.snapshot()
    await #expect {
      _ = try await SynthTask().run(config: try project.config, console: CapturedConsole().console)
    } throws: { error in
      let e = error as! SynthFailure
      return e.kind == .appFailed && e.message.contains("exit status 3")
        && e.message.contains("  | error: synthesis failed: Db/Role: bad")
        && e.message.contains("nothing was written")
    }
    #expect(project.snapshot() == before)
  }

  @Test func crashingAppSaysSo() async throws {
    let project = try TestProject(app: "kill -SEGV $$")
    await #expect {
      _ = try await Synthesis.run(config: try project.config)
    } throws: { error in
      let e = error as! SynthFailure
      return e.kind == .appFailed && e.message.contains("signal 11 (SIGSEGV)")
        && e.message.contains("The app crashed")
    }
  }

  @Test func missingAppCommandPointsAtStackJSON() async throws {
    let project = try TestProject(app: "./no-such-binary")
    await #expect {
      _ = try await Synthesis.run(config: try project.config)
    } throws: { error in
      let e = error as! SynthFailure
      return e.kind == .appFailed && e.message.contains("exit status 127")
        && e.message.contains("Check the \"app\" command in \(project.path("stack.json"))")
    }
  }

  @Test func failingBuildStopsBeforeTheApp() async throws {
    let project = try TestProject(
      build: "echo 'main.swift:3:1: error: cannot find Foo' >&2; exit 1", app: "touch ran")
    await #expect {
      _ = try await Synthesis.run(config: try project.config)
    } throws: { error in
      let e = error as! SynthFailure
      return e.kind == .buildFailed && e.message.contains("the build failed (exit status 1)")
        && e.message.contains("  | main.swift:3:1: error: cannot find Foo")
    }
    #expect(!FileManager.default.fileExists(atPath: project.path("ran")))
  }

  @Test func buildRunsFirstAndSkipBuildSkipsIt() async throws {
    let project = try TestProject(build: "echo built >> build.log")
    let result = try await Synthesis.run(config: try project.config)
    #expect(result.buildDuration != nil)
    _ = try await Synthesis.run(config: try project.config, options: .init(skipBuild: true))
    #expect(project.read("build.log") == "built\n")
  }

  @Test(.timeLimit(.minutes(1)))
  func cancellingStopsTheAppAndWritesNothing() async throws {
    let project = try TestProject(app: "echo $$ > app.pid; exec sleep 30")
    let config = try project.config
    let task = Task { try await Synthesis.run(config: config) }
    var pid: Int32?
    await eventually {
      pid = project.read("app.pid").flatMap { Int32($0.trimmingCharacters(in: .newlines)) }
      return pid != nil
    }
    let appPID = try #require(pid)
    let started = ContinuousClock.now
    task.cancel()
    await #expect {
      _ = try await task.value
    } throws: { error in
      (error as! SynthFailure).kind == .interrupted
    }
    #expect(ContinuousClock.now - started < .seconds(10))
    #expect(kill(appPID, 0) != 0)
    #expect(project.snapshot().isEmpty)
  }

  @Test func appThatWritesNoManifestIsExplained() async throws {
    let project = try TestProject(app: "echo hello")
    await #expect {
      _ = try await Synthesis.run(config: try project.config)
    } throws: { error in
      let e = error as! SynthFailure
      return e.kind == .invalidAssembly && e.message.contains("wrote no manifest.json")
        && e.message.contains("app.synthOrExit()")
    }
  }

  @Test func manifestListingAMissingTemplateIsInvalid() async throws {
    let project = try TestProject(app: "sh app.sh && rm \"$STACK_OUTDIR/Network.template.yaml\"")
    await #expect {
      _ = try await Synthesis.run(config: try project.config)
    } throws: { error in
      let e = error as! SynthFailure
      return e.kind == .invalidAssembly
        && e.message.contains("lists Network.template.yaml for the stack Network")
    }
  }

  @Test func unwritableOutputFolderChangesNothing() async throws {
    let project = try TestProject()
    try project.write("blocker", "a file, not a folder\n")
    var config = try project.config
    config.output = "blocker/templates"
    await #expect {
      _ = try await SynthTask().run(config: config, console: CapturedConsole().console)
    } throws: { error in
      (error as! SynthFailure).kind == .writeFailed
    }
    #expect(project.read("blocker") == "a file, not a folder\n")
  }

  @Test func theTemporaryOutputFolderIsRemoved() async throws {
    let project = try TestProject(app: "sh app.sh && echo \"$STACK_OUTDIR\" > outdir.txt")
    let result = try await Synthesis.run(config: try project.config)
    #expect(result.stacks.map(\.id) == ["Network", "Database"])
    #expect(result.manifest.stack(id: "Database")?.dependencies == ["Network"])
    #expect(result.stacks[1].milliseconds == 1.5)
    let outdir = try #require(project.read("outdir.txt")?.trimmingCharacters(in: .newlines))
    #expect(!outdir.isEmpty && !FileManager.default.fileExists(atPath: outdir))
  }

  @Test func listShowsStacksDependenciesAndCounts() async throws {
    let project = try TestProject()
    let captured = CapturedConsole()
    try await ListTask().run(config: try project.config, console: captured.console)
    let lines = captured.output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("Stack") == true)
    let database = try #require(lines.first { $0.hasPrefix("Database") })
    #expect(
      database.split(separator: " ").joined(separator: " ")
        == "Database 3 Network any account, any region")
    #expect(lines.last == "2 stacks")
    #expect(project.snapshot().isEmpty)
  }

  @Test(arguments: [
    ("Net*", "Network", true), ("*work", "Network", true), ("N?twork", "Network", true),
    ("Net", "Network", false), ("*", "", true), ("a*b*c", "aXbYc", true), ("a*b*c", "aXbY", false),
  ])
  func globPatterns(pattern: String, text: String, expected: Bool) {
    #expect(SynthResult.matches(pattern, text) == expected)
  }
}
