import StackKit
import Testing

@testable import StackToolkit

@Suite struct AssemblyManifestTests {
  @Test func readsWhatCloudAssemblyWrites() throws {
    let app = App(environment: [:])
    let network = Stack(
      app, "Network", environment: Environment(account: "123456789012", region: "eu-west-1"))
    _ = CfnResource(
      network, "Vpc", type: "AWS::EC2::VPC", properties: [("CidrBlock", "10.0.0.0/16")])
    let db = Stack(
      app, "Db", stackName: "prod-db", terminationProtection: true, tags: [("team", "data")])
    _ = CfnResource(db, "Topic", type: "AWS::SNS::Topic")
    db.addDependency(network)
    let assembly = try app.synthesizeTemplates()
    let manifest = try AssemblyManifest.parse(JSONWriter().write(assembly.manifest), file: "m")
    #expect(manifest.stacks.map(\.id) == ["Network", "Db"])
    let n = try #require(manifest.stack(id: "Network"))
    #expect(n.templateFile == "Network.template.yaml")
    #expect(n.resourceCount == 1)
    #expect(n.environment == Environment(account: "123456789012", region: "eu-west-1"))
    let d = try #require(manifest.stack(id: "Db"))
    #expect(d.stackName == "prod-db")
    #expect(d.dependencies == ["Network"])
    #expect(d.terminationProtection)
    #expect(d.tags.map(\.key) == ["team"] && d.tags.map(\.value) == ["data"])
  }

  @Test func rejectsAnotherVersionAndUnsafeFileNames() {
    #expect {
      _ = try AssemblyManifest.parse(#"{"version": 9, "stacks": {}}"#, file: "m.json")
    } throws: { error in
      "\(error)".contains("m.json is not a valid StackKit manifest: version 9")
    }
    #expect {
      _ = try AssemblyManifest.parse(
        #"{"version": 1, "stacks": {"A": {"templateFile": "../../etc/passwd"}}}"#, file: "m")
    } throws: { error in
      "\(error)".contains("not a plain name")
    }
  }
}
