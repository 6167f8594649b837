import Foundation
import Testing

@testable import StackKit

@Suite struct AssetTests {
  func makeProject() throws -> String {
    let root = NSTemporaryDirectory() + "stackkit-asset-\(UUID().uuidString)"
    let fm = FileManager.default
    try fm.createDirectory(atPath: root + "/fn/lib", withIntermediateDirectories: true)
    try Data("def handler(e, c):\n  return 1\n".utf8).write(
      to: URL(fileURLWithPath: root + "/fn/index.py"))
    try Data("x = 1\n".utf8).write(to: URL(fileURLWithPath: root + "/fn/lib/util.py"))
    try fm.createDirectory(atPath: root + "/fn/__pycache__", withIntermediateDirectories: true)
    try Data("junk".utf8).write(to: URL(fileURLWithPath: root + "/fn/__pycache__/index.pyc"))
    return root
  }

  func app(_ root: String) -> App {
    App(environment: ["STACK_PROJECT_DIR": root])
  }

  @Test func hashCoversContentNotTimestampsOrCaches() throws {
    let root = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let first = Asset(Stack(app(root), "S"), "A", path: "fn").assetHash
    // Touch a file without changing it, and change a cache file: same hash.
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: root + "/fn/index.py")
    try Data("other".utf8).write(to: URL(fileURLWithPath: root + "/fn/__pycache__/index.pyc"))
    #expect(Asset(Stack(app(root), "S"), "A", path: "fn").assetHash == first)
    // Change content: new hash.
    try Data("x = 2\n".utf8).write(to: URL(fileURLWithPath: root + "/fn/lib/util.py"))
    let changed = Asset(Stack(app(root), "S"), "A", path: "fn").assetHash
    #expect(changed != first)
    // A bundling recipe is part of the hash.
    let bundled = Asset(Stack(app(root), "S"), "A", path: "fn", bundling: .pipInstall()).assetHash
    #expect(bundled != changed)
    #expect(first.count == 64)
  }

  @Test func stagedZipIsDeterministicAndListedInTheManifest() throws {
    let root = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let application = app(root)
    let stack = Stack(application, "S")
    let asset = Asset(stack, "Code", path: "fn")
    _ = CfnResource(
      stack, "Fn", type: "AWS::Lambda::Function",
      properties: [("Code", ["S3Bucket": asset.bucketName, "S3Key": asset.objectKeyValue])])
    let out = root + "/out"
    let assembly = try application.synth(to: out)
    let staged = root + "/.stack/assets/asset.\(asset.assetHash).zip"
    let zip = try Data(contentsOf: URL(fileURLWithPath: staged))
    // The zip holds the two source files in sorted order and not the cache.
    let names = String(decoding: zip, as: UTF8.self)
    #expect(names.contains("index.py") && names.contains("lib/util.py"))
    #expect(!names.contains("__pycache__"))
    #expect(
      ZipWriter.archive(entries: [("a", Data("1".utf8), false)])
        == ZipWriter.archive(entries: [("a", Data("1".utf8), false)]))
    let again = try ZipWriter.archive(directory: root + "/fn")
    #expect(again == zip)
    let manifest = JSONWriter(indent: nil).write(assembly.manifest)
    #expect(
      manifest.contains(
        #""assets":{"\#(asset.assetHash)":{"source":"fn","packaging":"zip","objectKey":"\#(asset.assetHash).zip","stagedPath":".stack/assets/asset.\#(asset.assetHash).zip"}}"#
      ))
    let template = assembly.stacks[0].templateText
    #expect(template.contains("Fn::Sub: stackkit-assets-${AWS::AccountId}-${AWS::Region}"))
    #expect(
      template.contains("S3Key: \(asset.assetHash).zip")
        || template.contains("S3Key: '\(asset.assetHash).zip'"))
    // unzip -t accepts it when unzip is available.
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
      p.arguments = ["-tq", staged]
      p.standardOutput = FileHandle.nullDevice
      try p.run()
      p.waitUntilExit()
      #expect(p.terminationStatus == 0)
    }
  }

  @Test func missingPathIsReportedWithTheConstructPath() throws {
    let root = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let application = app(root)
    let stack = Stack(application, "S")
    _ = Asset(stack, "Code", path: "nope")
    _ = CfnResource(stack, "R", type: "AWS::SNS::Topic")
    do {
      _ = try application.synthesizeTemplates()
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map(\.path) == ["S/Code"])
      #expect(error.problems[0].message.contains("the asset path nope does not exist"))
    }
  }

  @Test func bundlingWithAMissingProgramSaysWhatToInstallAndWritesNothing() throws {
    let root = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let application = app(root)
    let stack = Stack(application, "S")
    let bundling = Bundling(
      command: ["stackkit-no-such-tool", "$SOURCE", "$OUTPUT"],
      missingProgramHint: "install the tool")
    _ = Asset(stack, "Code", path: "fn", bundling: bundling)
    _ = CfnResource(stack, "R", type: "AWS::SNS::Topic")
    let out = root + "/out"
    #expect {
      try application.synth(to: out)
    } throws: { error in
      "\(error)".contains("needs 'stackkit-no-such-tool', which is not on PATH. install the tool")
    }
    #expect(!FileManager.default.fileExists(atPath: out + "/S.template.yaml"))
  }

  @Test func bundlingRunsTheCommandIntoTheOutputFolder() throws {
    let root = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let application = app(root)
    let stack = Stack(application, "S")
    let bundling = Bundling(command: [
      "/bin/sh", "-c", "mkdir -p \"$OUTPUT/python\" && cp index.py \"$OUTPUT/python/\"",
    ])
    let asset = Asset(stack, "Code", path: "fn", bundling: bundling)
    _ = CfnResource(stack, "R", type: "AWS::SNS::Topic")
    try application.synth(to: root + "/out")
    let zip = try Data(
      contentsOf: URL(fileURLWithPath: root + "/.stack/assets/\(asset.stagedFileName)"))
    let text = String(decoding: zip, as: UTF8.self)
    #expect(text.contains("python/index.py"))
    #expect(!text.contains("lib/util.py"))
  }
}

@Suite struct AssetStagingConcurrencyTests {
  @Test func twoStagingsOfTheSameAssetAtOnceBothSucceed() async throws {
    let root = NSTemporaryDirectory() + "stackkit-stage-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root + "/fn", withIntermediateDirectories: true)
    for i in 0..<50 {
      try Data(String(repeating: "x", count: 10_000 + i).utf8).write(
        to: URL(fileURLWithPath: root + "/fn/file\(i).txt"))
    }
    let app = App(environment: ["STACK_PROJECT_DIR": root])
    let stack = Stack(app, "S")
    let asset = Asset(stack, "Code", path: "fn")
    _ = CfnResource(stack, "R", type: "AWS::SNS::Topic")
    let assembly = try app.synthesizeTemplates()
    let artifact = try #require(assembly.assets.first)
    let directory = root + "/.stack/assets"
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask { try AssetStager.stage(artifact, into: directory) }
      }
      try await group.waitForAll()
    }
    let staged = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + asset.stagedFileName))
    #expect(staged == (try ZipWriter.archive(directory: root + "/fn")))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(leftovers == [asset.stagedFileName])
  }
}
