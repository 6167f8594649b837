import StackKit
import Testing

@testable import StackToolkit

/// Parses a JSON literal written in a test.
private func json(_ text: String) -> JSON {
  do {
    return try JSONParser.parse(text)
  } catch {
    Issue.record("bad test JSON: \(error)")
    return .null
  }
}

private let vpcTemplate = json(
  """
  {
    "Resources": {
      "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16",
        "Tags": [{"Key": "Name", "Value": "demo"}]}},
      "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"},
        "CidrBlock": "10.0.0.0/24", "MapPublicIpOnLaunch": false}},
      "Bucket": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain"},
      "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 10}}
    },
    "Outputs": {"VpcId": {"Value": {"Ref": "Vpc"}}}
  }
  """)

@Suite struct TemplateReaderTests {
  @Test func yamlShortFormsBecomeLongForms() throws {
    let yaml = """
      Resources:
        Role:
          Type: AWS::IAM::Role
          Properties:
            RoleName: !Sub "${AWS::StackName}-role"
            Path: !Join ["/", ["", !Ref Env, ""]]
            Description: !GetAtt Vpc.CidrBlock
            MaxSessionDuration: 3600
            Flag: !If [IsProd, !Select [0, !GetAZs ""], !Ref "AWS::NoValue"]
            Quoted: '3600'
            Version: 2012-10-17
            Empty: ~
            Enabled: true
            Nested: !Base64
              Fn::Sub: "x-${Vpc}"
      """
    let template = try TemplateReader.read(yaml)
    let p = try #require(template["Resources"]?["Role"]?["Properties"])
    #expect(p["RoleName"] == json(#"{"Fn::Sub": "${AWS::StackName}-role"}"#))
    #expect(p["Path"] == json(#"{"Fn::Join": ["/", ["", {"Ref": "Env"}, ""]]}"#))
    #expect(p["Description"] == json(#"{"Fn::GetAtt": ["Vpc", "CidrBlock"]}"#))
    #expect(p["MaxSessionDuration"] == .int(3600))
    #expect(
      p["Flag"]
        == json(
          #"{"Fn::If": ["IsProd", {"Fn::Select": [0, {"Fn::GetAZs": ""}]}, {"Ref": "AWS::NoValue"}]}"#
        ))
    #expect(p["Quoted"] == .string("3600"))
    #expect(p["Version"] == .string("2012-10-17"))
    #expect(p["Empty"] == .null)
    #expect(p["Enabled"] == .bool(true))
    #expect(p["Nested"] == json(#"{"Fn::Base64": {"Fn::Sub": "x-${Vpc}"}}"#))
  }

  @Test func yamlAndJSONOfTheSameTemplateHaveNoDifferences() throws {
    let yaml = """
      Resources:
        Subnet:
          Properties:
            MapPublicIpOnLaunch: false
            CidrBlock: 10.0.0.0/24
            VpcId: !Ref Vpc
          Type: AWS::EC2::Subnet
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
            Tags:
              - Key: Name
                Value: demo
        Bucket:
          Type: AWS::S3::Bucket
          DeletionPolicy: Retain
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            DelaySeconds: "10"
      Outputs:
        VpcId:
          Value: !Ref Vpc
      """
    let diff = TemplateDiff(old: try TemplateReader.read(yaml), new: vpcTemplate)
    #expect(diff.isEmpty, "\(diff)")
  }

  @Test func badTemplatesSayWhatIsWrong() {
    #expect(throws: TemplateReader.Error.self) { try TemplateReader.read("{\"a\": }") }
    do {
      _ = try TemplateReader.read("Resources:\n  X: !Bogus 3\n")
      Issue.record("an unknown tag was accepted")
    } catch {
      #expect(error.description.contains("!Bogus"))
    }
  }
}

@Suite struct TemplateDiffTests {
  @Test func identicalTemplatesHaveNoDifferences() {
    #expect(TemplateDiff(old: vpcTemplate, new: vpcTemplate).isEmpty)
  }

  @Test func notDeployedDiffsAgainstEmpty() {
    let diff = TemplateDiff(old: .object(JSONObject()), new: vpcTemplate)
    #expect(diff.addedCount == 4)
    #expect(diff.resources.allSatisfy { $0.impact == .create })
    #expect(diff.outputs.map(\.name) == ["VpcId"])
  }

  @Test func createOnlyChangeReplacesAndPropagates() throws {
    var new = vpcTemplate
    setProperty(&new, "Vpc", "CidrBlock", .string("10.1.0.0/16"))
    let diff = TemplateDiff(old: vpcTemplate, new: new)
    let vpc = try #require(diff.resources.first { $0.logicalID == "Vpc" })
    #expect(vpc.impact == .replace)
    #expect(vpc.properties.map(\.path) == [["CidrBlock"]])
    #expect(vpc.properties[0].replacement == .always)
    #expect(vpc.properties[0].before == .string("10.0.0.0/16"))
    // The subnet's VpcId refers to the replaced VPC: it may be replaced too.
    let subnet = try #require(diff.resources.first { $0.logicalID == "Subnet" })
    #expect(subnet.impact == .mayReplace)
    #expect(subnet.properties.first?.replacement == .conditional)
    #expect(diff.replacedCount == 1)
  }

  @Test func mutablePropertyChangeUpdatesInPlaceAtLeafPath() throws {
    var new = vpcTemplate
    setProperty(&new, "Vpc", "Tags", json(#"[{"Key": "Name", "Value": "prod"}]"#))
    setProperty(&new, "Subnet", "MapPublicIpOnLaunch", .bool(true))
    let diff = TemplateDiff(old: vpcTemplate, new: new)
    let vpc = try #require(diff.resources.first { $0.logicalID == "Vpc" })
    #expect(vpc.impact == .update)
    #expect(vpc.properties.map(\.pathText) == ["Tags[0].Value"])
    let subnet = try #require(diff.resources.first { $0.logicalID == "Subnet" })
    #expect(subnet.impact == .update)
    #expect(diff.modifiedCount == 2)
  }

  @Test func numbersAndStringsCompareLikeCloudFormation() {
    var new = vpcTemplate
    setProperty(&new, "Queue", "DelaySeconds", .string("10"))
    #expect(TemplateDiff(old: vpcTemplate, new: new).isEmpty)
    setProperty(&new, "Queue", "DelaySeconds", .string("10.0"))
    #expect(TemplateDiff(old: vpcTemplate, new: new).isEmpty)
    setProperty(&new, "Queue", "DelaySeconds", .int(11))
    #expect(TemplateDiff(old: vpcTemplate, new: new).modifiedCount == 1)
  }

  @Test func removedResourceIsDestroyedOrOrphaned() throws {
    var new = vpcTemplate
    var resources = try #require(new["Resources"]?.objectValue)
    resources["Bucket"] = nil
    resources["Queue"] = nil
    setSection(&new, "Resources", .object(resources))
    let diff = TemplateDiff(old: vpcTemplate, new: new)
    #expect(diff.resources.first { $0.logicalID == "Bucket" }?.impact == .orphan)
    #expect(diff.resources.first { $0.logicalID == "Queue" }?.impact == .destroy)
    #expect(diff.removedCount == 2)
  }

  @Test func dependsOnOrderDoesNotMatterButItsContentDoes() throws {
    let a = json(
      #"{"Resources": {"X": {"Type": "AWS::SQS::Queue", "DependsOn": ["A", "B"]}}}"#)
    let b = json(
      #"{"Resources": {"X": {"Type": "AWS::SQS::Queue", "DependsOn": ["B", "A"]}}}"#)
    let c = json(#"{"Resources": {"X": {"Type": "AWS::SQS::Queue", "DependsOn": "A"}}}"#)
    #expect(TemplateDiff(old: a, new: b).isEmpty)
    let diff = TemplateDiff(old: a, new: c)
    #expect(diff.resources.first?.impact == ResourceDifference.Impact.none)
    #expect(diff.resources.first?.attributes.map(\.pathText) == ["DependsOn"])
  }

  @Test func typeChangeIsAReplacement() {
    let a = json(#"{"Resources": {"X": {"Type": "AWS::SQS::Queue"}}}"#)
    let b = json(#"{"Resources": {"X": {"Type": "AWS::SNS::Topic"}}}"#)
    let diff = TemplateDiff(old: a, new: b)
    #expect(diff.resources.first?.impact == .replace)
    #expect(diff.resources.first?.oldType == "AWS::SQS::Queue")
  }

  @Test func parametersOutputsAndTopLevelKeys() {
    let a = json(
      #"{"Description": "one", "Parameters": {"P": {"Type": "String"}}, "Outputs": {"O": {"Value": "1"}}}"#
    )
    let b = json(
      #"{"Description": "two", "Parameters": {"P": {"Type": "Number"}}, "Outputs": {"N": {"Value": "1"}}}"#
    )
    let diff = TemplateDiff(old: a, new: b)
    #expect(diff.parameters.map(\.change) == [.modified])
    #expect(diff.outputs.map { "\($0.name):\($0.change)" } == ["N:added", "O:removed"])
    #expect(diff.other.map(\.section) == ["Description"])
  }
}

@Suite struct SecurityChangeTests {
  private let roleTemplate = json(
    """
    {"Resources": {
      "Role": {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "sts:AssumeRole",
           "Principal": {"Service": "lambda.amazonaws.com"}}]}}},
      "Policy": {"Type": "AWS::IAM::Policy", "Properties": {
        "PolicyName": "p", "Roles": [{"Ref": "Role"}],
        "PolicyDocument": {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["s3:GetObject"],
           "Resource": {"Fn::Join": ["", [{"Fn::GetAtt": ["Bucket", "Arn"]}, "/*"]]}}]}}},
      "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {
        "GroupDescription": "web", "VpcId": "vpc-1",
        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
          "CidrIp": "10.0.0.0/8"}]}}
    }}
    """)

  @Test func statementsAreExtractedAndRendered() {
    let statements = IAMStatement.statements(in: roleTemplate)
    #expect(statements.count == 2)
    let identity = statements.first { $0.kind == "identity policy" }
    #expect(identity?.resources == ["${Bucket.Arn}/*"])
    #expect(identity?.principals == ["AWS:${Role}"])
    let trust = statements.first { $0.kind == "trust policy" }
    #expect(trust?.principals == ["Service:lambda.amazonaws.com"])
    #expect(trust?.resources == ["${Role.Arn}"])
  }

  @Test func addedAllowStatementBroadensAddedDenyDoesNot() throws {
    var allow = roleTemplate
    var doc = try #require(allow["Resources"]?["Policy"]?["Properties"]?["PolicyDocument"])
    var statements = try #require(doc["Statement"]?.arrayValue)
    statements.append(json(#"{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}"#))
    doc = replacing(doc, "Statement", .array(statements))
    setProperty(&allow, "Policy", "PolicyDocument", doc)
    let diff = TemplateDiff(old: roleTemplate, new: allow)
    #expect(diff.iam.statementsAdded.map(\.actions) == [["s3:PutObject"]])
    #expect(diff.iam.broadensPermissions)
    #expect(diff.broadensSecurity)

    var deny = roleTemplate
    statements.removeLast()
    statements.append(json(#"{"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}"#))
    setProperty(&deny, "Policy", "PolicyDocument", replacing(doc, "Statement", .array(statements)))
    let narrowing = TemplateDiff(old: roleTemplate, new: deny)
    #expect(narrowing.iam.statementsAdded.count == 1)
    #expect(!narrowing.iam.broadensPermissions)
    // Removing that deny again broadens.
    #expect(TemplateDiff(old: deny, new: roleTemplate).iam.broadensPermissions)
  }

  @Test func managedPolicyAttachmentBroadens() {
    var new = roleTemplate
    setProperty(
      &new, "Role", "ManagedPolicyArns",
      json(#"["arn:aws:iam::aws:policy/AdministratorAccess"]"#))
    let diff = TemplateDiff(old: roleTemplate, new: new)
    #expect(diff.iam.managedPoliciesAdded.map(\.identity) == ["${Role}"])
    #expect(diff.iam.broadensPermissions)
  }

  @Test func securityGroupRules() {
    var new = roleTemplate
    setProperty(
      &new, "Sg", "SecurityGroupIngress",
      json(#"[{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}]"#))
    let diff = TemplateDiff(old: roleTemplate, new: new)
    #expect(diff.securityGroups.added.map(\.peer) == ["0.0.0.0/0"])
    #expect(diff.securityGroups.added.first?.ipProtocol == "Everything")
    #expect(diff.securityGroups.removed.first?.ports == "443")
    #expect(diff.securityGroups.broadensAccess)
    // Removing a rule only narrows.
    #expect(!TemplateDiff(old: new, new: new).broadensSecurity)
    let standalone = json(
      #"{"Resources": {"In": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"GroupId": {"Fn::GetAtt": ["Sg", "GroupId"]}, "IpProtocol": "tcp", "FromPort": 6379, "ToPort": 6380, "SourceSecurityGroupId": {"Ref": "Other"}}}}}"#
    )
    let rule = SecurityGroupRule.rules(in: standalone).first
    #expect(rule?.group == "${Sg.GroupId}")
    #expect(rule?.ports == "6379-6380")
    #expect(rule?.peer == "${Other}")
  }
}

@Suite struct DiffRendererTests {
  private func sampleDiff() -> TemplateDiff {
    var new = vpcTemplate
    setProperty(&new, "Vpc", "CidrBlock", .string("10.1.0.0/16"))
    setProperty(
      &new, "Queue", "DelaySeconds", .int(20))
    return TemplateDiff(old: vpcTemplate, new: new)
  }

  @Test func textShowsTreeAndReplacement() {
    let text = DiffRenderer(format: .text).render([.init(stackName: "Demo", diff: sampleDiff())])
    #expect(text.contains("Stack Demo"))
    #expect(text.contains("[~] AWS::EC2::VPC Vpc (REPLACE)"))
    #expect(text.contains("CidrBlock (requires replacement)"))
    #expect(text.contains("[-] 10.0.0.0/16"))
    #expect(text.contains("[+] 10.1.0.0/16"))
    #expect(!text.contains("\u{1B}["))
    let none = DiffRenderer(format: .text).render([
      .init(stackName: "Demo", diff: TemplateDiff(old: vpcTemplate, new: vpcTemplate))
    ])
    #expect(none.contains("no differences"))
  }

  @Test func markdownIsATableForPullRequests() {
    let md = DiffRenderer(format: .markdown).render([
      .init(stackName: "Demo", diff: sampleDiff(), deployed: true)
    ])
    #expect(md.contains("### Stack `Demo`"))
    #expect(md.contains("| ✏️ | `Vpc` | AWS::EC2::VPC | **REPLACE** |"))
    #expect(md.contains("<details>"))
    #expect(md.contains("| `Vpc` | `CidrBlock` | `10.0.0.0/16` | `10.1.0.0/16` | **yes** |"))
  }

  @Test func jsonIsParseableAndComplete() throws {
    let out = DiffRenderer(format: .json).render([.init(stackName: "Demo", diff: sampleDiff())])
    let parsed = try JSONParser.parse(out)
    let stack = try #require(parsed["stacks"]?.arrayValue?.first)
    #expect(stack["hasDifferences"] == .bool(true))
    #expect(stack["summary"]?["replaced"] == .int(1))
    let resources = try #require(stack["resources"]?.arrayValue)
    let vpc = try #require(resources.first { $0["logicalId"] == .string("Vpc") })
    #expect(vpc["impact"] == .string("replace"))
    #expect(vpc["changes"]?.arrayValue?.first?["replacement"] == .string("always"))
  }

  @Test func securityTablesRender() {
    let old = json(#"{"Resources": {}}"#)
    let new = json(
      #"{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"Roles": [{"Ref": "R"}], "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}}}, "S": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x", "SecurityGroupEgress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}]}}}}"#
    )
    let text = DiffRenderer(format: .text).render([
      .init(stackName: "S", diff: TemplateDiff(old: old, new: new), deployed: false)
    ])
    #expect(text.contains("(not deployed yet)"))
    #expect(text.contains("IAM statement changes (broadening)"))
    #expect(text.contains("│ + │ *        │ Allow  │ kms:Decrypt │ AWS:${R}  │           │"))
    #expect(text.contains("Security group changes (broadening)"))
    #expect(text.contains("0.0.0.0/0"))
  }

  /// The three security tables, with their titles, in text, Markdown and the deploy summary.
  @Test func securityTableTitlesInEveryRendering() {
    let old = json(#"{"Resources": {}}"#)
    let new = json(
      #"{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "lambda.amazonaws.com"}}]}, "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}}, "P": {"Type": "AWS::IAM::Policy", "Properties": {"Roles": [{"Ref": "R"}], "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}}}, "S": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}]}}}}"#
    )
    let diff = TemplateDiff(old: old, new: new)
    let text = DiffRenderer(format: .text).render([.init(stackName: "S", diff: diff)])
    let titles = text.split(separator: "\n").filter { $0.hasSuffix("changes") || $0.hasSuffix(")") }
      .filter { $0.hasPrefix("IAM") || $0.hasPrefix("Security") }
    #expect(
      titles == [
        "IAM statement changes (broadening)", "IAM managed policy changes",
        "Security group changes (broadening)",
      ])
    #expect(text.contains("ReadOnlyAccess"))
    let markdown = DiffRenderer(format: .markdown).render([.init(stackName: "S", diff: diff)])
    #expect(
      markdown.split(separator: "\n").filter { $0.hasPrefix("#### ") } == [
        "#### IAM statement changes", "#### IAM managed policy changes",
        "#### Security group changes",
      ])
    let summary = ChangeSummary(stackName: "S", changes: [], diff: diff).render(color: false)
    let summaryTitles = summary.split(separator: "\n").filter {
      ($0.hasPrefix("IAM") || $0.hasPrefix("Security")) && $0.hasSuffix(":")
    }
    #expect(
      summaryTitles == [
        "IAM statement changes (broadening):", "IAM managed policy changes:",
        "Security group changes (broadening):",
      ])
  }
}

// MARK: - Helpers

private func replacing(_ value: JSON, _ key: String, _ new: JSON) -> JSON {
  var object = value.objectValue ?? JSONObject()
  object[key] = new
  return .object(object)
}

private func setSection(_ template: inout JSON, _ key: String, _ value: JSON) {
  template = replacing(template, key, value)
}

private func setProperty(_ template: inout JSON, _ logicalID: String, _ key: String, _ value: JSON)
{
  var resources = template["Resources"]?.objectValue ?? JSONObject()
  var resource = resources[logicalID]?.objectValue ?? JSONObject()
  var properties = resource["Properties"]?.objectValue ?? JSONObject()
  properties[key] = value
  resource["Properties"] = .object(properties)
  resources[logicalID] = .object(resource)
  setSection(&template, "Resources", .object(resources))
}

@Suite struct DiffTaskTests {
  @Test func deployedYAMLAgainstLocalJSONAndANewStack() async throws {
    let fake = FakeCloud()
    fake.addStack(
      "Deployed", status: "UPDATE_COMPLETE",
      template: """
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
        """)
    let local = """
      {"Resources": {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"},
          "CidrBlock": {"Fn::Select": [0, {"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 4, 8]}]}}}
      }}
      """
    let stacks = [
      DeploymentStack(id: "Deployed", stackName: "Deployed", templateText: local),
      DeploymentStack(id: "Fresh", stackName: "Fresh", templateText: local),
    ]
    let report = try await DiffTask(format: .json).run(
      stacks: stacks, session: AWSSession(client: fake.client()))
    #expect(report.entries.map(\.stackName) == ["Deployed", "Fresh"])
    #expect(report.entries[0].diff.isEmpty)
    #expect(report.entries[1].deployed == false)
    #expect(report.entries[1].diff.addedCount == 2)
    #expect(report.hasDifferences)
    let parsed = try JSONParser.parse(report.text)
    #expect(parsed["stacks"]?.arrayValue?.count == 2)
    #expect(try DiffTask.select(["Fre*"], from: stacks).map(\.id) == ["Fresh"])
  }
}

/// What `stack diff` and the deploy summary must never print: a NoEcho parameter's default, or
/// anything but the dynamic reference of a secret.
@Suite struct DiffSecretTests {
  static func template(passwordDefault: String, secret: String, stage: String = "dev") -> JSON {
    json(
      """
      {"Parameters": {"DbPassword": {"Type": "String", "NoEcho": true,
         "Default": "\(passwordDefault)"},
       "Stage": {"Type": "String", "Default": "\(stage)"}},
       "Resources": {"User": {"Type": "AWS::ElastiCache::User", "Properties": {
         "Engine": "redis", "UserId": "app", "UserName": "app", "AccessString": "on ~* +@all",
         "Passwords": [{"Fn::Join": ["", ["{{resolve:secretsmanager:", {"Ref": "\(secret)"},
           ":SecretString:password}}"]]}]}}}}
      """)
  }

  @Test func noEchoDefaultsAreMaskedAndPasswordsShowTheirDynamicReference() throws {
    let old = Self.template(passwordDefault: "old-default-s3cret", secret: "SecretA")
    // (Stage is not NoEcho: its default is shown.)
    let new = Self.template(
      passwordDefault: "new-default-s3cret", secret: "SecretB", stage: "prod")
    let diff = TemplateDiff(old: old, new: new)
    #expect(diff.parameters.map(\.name).sorted() == ["DbPassword", "Stage"])
    for format in DiffFormat.allCases {
      let out = DiffRenderer(format: format).render([.init(stackName: "Cache", diff: diff)])
      #expect(!out.contains("default-s3cret"), "\(format): \(out)")
      #expect(out.contains("****"), "\(format)")
      #expect(out.contains("DbPassword"), "\(format)")
      #expect(out.contains("prod"), "\(format)")
      #expect(out.contains("{{resolve:secretsmanager:"), "\(format)")
      #expect(out.contains("SecretB"), "\(format)")
    }
    // Only the default of a NoEcho parameter changed: still listed, still masked.
    let onlyDefault = TemplateDiff(
      old: old, new: Self.template(passwordDefault: "other-s3cret", secret: "SecretA"))
    #expect(onlyDefault.parameters.map(\.name) == ["DbPassword"])
    #expect(onlyDefault.parameters.first?.before?["Default"] == .string("****"))
    #expect(onlyDefault.parameters.first?.after?["Default"] == .string("****"))
    #expect(onlyDefault.parameters.first?.after?["NoEcho"] == .bool(true))
  }

  @Test func noEchoWrittenAsAStringIsMaskedToo() {
    let old = json(#"{"Parameters": {}}"#)
    let new = json(
      #"{"Parameters": {"Token": {"Type": "String", "NoEcho": "true", "Default": "tok-s3cret"}}}"#)
    let out = DiffRenderer(format: .text).render([
      .init(stackName: "S", diff: TemplateDiff(old: old, new: new), deployed: false)
    ])
    #expect(!out.contains("tok-s3cret"))
    #expect(out.contains("Token"))
  }
}
