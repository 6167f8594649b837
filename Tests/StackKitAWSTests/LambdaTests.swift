import Foundation
import StackKit
import Testing

@testable import StackKitAWS

@Suite struct LambdaTests {
  /// Folders like the ones cdk_ec2_fixtures.py ships: a layer and an app, in a folder of their
  /// own (tests run in parallel; the hashes depend only on the contents). Removed by `remove()`.
  struct AssetFolders {
    let base: URL
    var layer: String { base.appendingPathComponent("layer").path }
    var app: String { base.appendingPathComponent("app").path }

    init() throws {
      base = FileManager.default.temporaryDirectory
        .appendingPathComponent("stackkit-lambda-tests-\(UUID().uuidString)")
      let python = base.appendingPathComponent("layer/python")
      let app = base.appendingPathComponent("app")
      try FileManager.default.createDirectory(at: python, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
      try Data("# placeholder\n".utf8).write(to: python.appendingPathComponent("dep.py"))
      try Data("def main(event, context): return \"ok\"\n".utf8).write(
        to: app.appendingPathComponent("app.py"))
    }

    func remove() { try? FileManager.default.removeItem(at: base) }
  }

  @Test func functionsAndLayersMatchCDK() throws {
    let folders = try AssetFolders()
    defer { folders.remove() }
    try EC2TestSupport.expectMatchesFixture("Lambdas") { stack in
      let vpc = EC2.Vpc(stack, "Vpc", maxAZs: 2, natGateways: 1)
      Lambda.Function(
        stack, "Inline", runtime: .nodejs22x, handler: "index.handler",
        code: .fromInline("exports.handler = async () => 'ok';"))
      let layer = Lambda.LayerVersion(
        stack, "Deps", code: .fromAsset(folders.layer),
        compatibleRuntimes: [.python312, .python313],
        description: "dependencies", license: "Apache-2.0")
      let bare = Lambda.LayerVersion(stack, "Bare", code: .fromAsset(folders.layer))
      let inVpc = Lambda.Function(
        stack, "InVpc", runtime: .python313, handler: "app.main", code: .fromAsset(folders.app),
        vpc: vpc, environment: ["STAGE": "test", "TABLE": "orders"], layers: [layer, bare],
        timeout: .seconds(30), memorySize: 512, description: "in a VPC",
        functionName: "in-vpc-function")
      inVpc.addEnvironment("LATE", "added later")
      let role = IAM.Role(
        stack, "GivenRole", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      let sg = EC2.SecurityGroup(stack, "FnSG", vpc: vpc, allowAllOutbound: false)
      Lambda.Function(
        stack, "WithRole", runtime: .java21, handler: "com.example.Handler::handle",
        code: .fromAsset(folders.app), role: role, vpc: vpc,
        vpcSubnets: EC2.SubnetSelection(subnetType: .privateWithEgress), securityGroups: [sg])
      let caller = IAM.Role(
        stack, "Caller", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      inVpc.grantInvoke(caller)
      Lambda.Function(
        stack, "Custom", runtime: .providedAL2023, handler: "bootstrap",
        code: .fromAsset(folders.app))
    }
  }

  @Test func codeComesFromAnAssetChildNamedCode() throws {
    let folders = try AssetFolders()
    defer { folders.remove() }
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let fn = Lambda.Function(
      stack, "Fn", runtime: .python312, handler: "app.main", code: .fromAsset(folders.app))
    let asset = try #require(fn.node.tryFindChild("Code") as? Asset)
    let code = try app.synthesizeTemplates().stacks[0].template["Resources"]?[
      fn.resource.logicalID]?["Properties"]?["Code"]
    #expect(code?["S3Key"] == .string(asset.objectKey))
    #expect(
      code?["S3Bucket"] == .object(JSONObject([("Fn::Sub", .string(Asset.bucketNameTemplate))])))
  }

  @Test func grantInvokeToAServiceWritesAPermissionWithCDKsID() throws {
    let template = try EC2TestSupport.synthesize("S") { stack in
      let fn = Lambda.Function(
        stack, "Fn", runtime: .python312, handler: "index.handler",
        code: .fromInline("def handler(e, c): pass"))
      fn.grantInvoke(IAM.ServicePrincipal("events.amazonaws.com"))
      fn.grantInvoke(IAM.ServicePrincipal("events.amazonaws.com"))
      fn.grantInvoke(IAM.AccountPrincipal("123456789012"))
    }
    // Logical IDs from real CDK (aws-cdk-lib 2.275.0) for the same calls.
    let events = template["Resources"]?["FnInvoke1fBIBwkGKTIwSRmFV8O1yjU9AKdA1Znl7HToNrxfAB9616757"]
    #expect(
      EC2TestSupport.text(events ?? .null)
        == #"{"Type":"AWS::Lambda::Permission","Properties":{"Action":"lambda:InvokeFunction","FunctionName":{"Fn::GetAtt":["Fn9270CBC0","Arn"]},"Principal":"events.amazonaws.com"}}"#
    )
    #expect(
      template["Resources"]?["FnInvokeO70dFox86eKZlYOiUYzJdDudpIw1WkS8lPrLcBMygF030AC37"]?[
        "Properties"]?["Principal"] == .string("123456789012"))
    #expect(template["Resources"]?.objectValue?.count == 4)
  }

  @Test(arguments: [
    (Lambda.Runtime.python312, "redis_connect.lambda_handler", true),
    (.python312, "src/app.handler", true),
    (.python312, "pkg.module.handler", true),
    (.python312, "handler", false),
    (.python312, "app.1handler", false),
    (.python312, "app.", false),
    (.python312, "com.example.Handler::handle", false),
    (.nodejs22x, "index.handler", true),
    (.nodejs22x, "dist/index.handler", true),
    (.nodejs22x, "index", false),
    (.java21, "com.example.Handler::handleRequest", true),
    (.java21, "com.example.Handler", true),
    (.java21, "com.example.Handler::", false),
    (.java21, "index.handler::a::b", false),
    (.dotnet8, "Assembly::Namespace.Class::Method", true),
    (.dotnet8, "MyApp", true),
    (.dotnet8, "Assembly::Method", false),
    (.ruby34, "function.handler", true),
    (.ruby34, "function.valid?", true),
    (.providedAL2023, "bootstrap", true),
    (.providedAL2023, "anything.goes::here", true),
    (.providedAL2023, "two words", false),
    (.providedAL2023, "", false),
  ])
  func handlersAreCheckedAgainstTheirRuntime(runtime: Lambda.Runtime, handler: String, valid: Bool)
  {
    #expect((runtime.handlerProblem(handler) == nil) == valid, "\(runtime.name) \(handler)")
  }

  @Test func badPropertiesAreReportedWithThePathAndFix() {
    let problems = EC2TestSupport.problems { stack in
      Lambda.Function(
        stack, "Fn", runtime: .python312, handler: "index", code: .fromInline(""),
        environment: ["A": "1", "AWS_REGION": "x"], timeout: .seconds(901), memorySize: 64,
        description: String(repeating: "d", count: 257), functionName: "has space")
      Lambda.Function(
        stack, "Java", runtime: .java21, handler: "com.example.Handler::handle",
        code: .fromInline("class X {}"), memorySize: 20000)
    }
    let expected = [
      "S/Fn: the handler \"index\" cannot exist for python3.12: it must be module.function, such as lambda_function.lambda_handler (a file in a folder: folder/lambda_function.lambda_handler).",
      "S/Fn: the timeout is 901 seconds; Lambda takes 1 to 900 (15 minutes). Use a timeout in that range.",
      "S/Fn: memorySize is 64 MB; Lambda takes 128 to 10240. Use a size in that range.",
      "S/Fn: the description is 257 characters; Lambda takes at most 256. Shorten it.",
      "S/Fn: the function name \"has space\" is not one Lambda accepts. Use 1 to 64 letters, digits, hyphens or underscores.",
      "S/Fn: the inline code is empty. Give the function's source.",
      "S/Fn: the environment variable name \"A\" is not one Lambda accepts. Use a letter followed by at least one letter, digit or underscore.",
      "S/Fn: the environment variable AWS_REGION is reserved by Lambda, which sets it itself. Use another name.",
      "S/Java: memorySize is 20000 MB; Lambda takes 128 to 10240. Use a size in that range.",
      "S/Java: java21 does not take inline code. Use Lambda.Code.fromAsset, or a Node.js or Python runtime.",
    ]
    for line in expected { #expect(problems.contains(line), "\(line)\n\(problems)") }
  }

  @Test func vpcMisuseIsReported() throws {
    let problems = EC2TestSupport.problems { stack in
      let a = EC2.Vpc(stack, "A")
      let b = EC2.Vpc(stack, "B", natGateways: 0)
      let foreign = EC2.SecurityGroup(stack, "Foreign", vpc: b)
      Lambda.Function(
        stack, "Fn", runtime: .python312, handler: "index.handler",
        code: .fromInline("def handler(e, c): pass"), vpc: a, securityGroups: [foreign])
      Lambda.Function(
        stack, "Public", runtime: .python312, handler: "index.handler",
        code: .fromInline("def handler(e, c): pass"), vpc: a,
        vpcSubnets: EC2.SubnetSelection(subnetType: .public))
      let outside = Lambda.Function(
        stack, "NoVpc", runtime: .python312, handler: "index.handler",
        code: .fromInline("def handler(e, c): pass"))
      outside.connections.allowToAnyIPv4(.https)
    }
    #expect(
      problems.contains(
        "S/Fn: the security group S/Foreign belongs to the VPC S/B, not to S/A where the function runs. Use a security group of S/A."
      ))
    #expect(
      problems.contains { $0.hasPrefix("S/Public: the function is placed in public subnets") })
    #expect(problems.contains { $0.hasPrefix("S/NoVpc: the function is not in a VPC") })
  }

  @Test func layersMustFitTheRuntimeAndAreLimitedToFive() {
    let problems = EC2TestSupport.problems { stack in
      let layers = (1...6).map {
        Lambda.LayerVersion(
          stack, "L\($0)", code: .fromBucket("bucket", key: "layer\($0).zip"),
          compatibleRuntimes: [.python312])
      }
      Lambda.Function(
        stack, "Fn", runtime: .python313, handler: "index.handler",
        code: .fromInline("def handler(e, c): pass"), layers: layers)
      Lambda.LayerVersion(stack, "InlineLayer", code: .fromInline("x"))
    }
    #expect(
      problems.contains(
        "S/Fn: the layer S/L1 is for python3.12, not for the function's python3.13. Add python3.13 to the layer's compatibleRuntimes or use another runtime."
      ))
    #expect(
      problems.contains {
        $0.hasPrefix(
          "S/Fn: the function already has 5 layers, the most Lambda allows; S/L6 cannot be added.")
      })
    #expect(
      problems.contains(
        "S/InlineLayer: a layer cannot have inline code. Use Lambda.Code.fromAsset or Lambda.Code.fromBucket."
      ))
  }
}
