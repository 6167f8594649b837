import StackKit
import Testing

@testable import StackKitAWS

@Suite struct IAMTests {
  /// The same calls as Fixtures/cdk/programs/iam.py.
  @Test func rolesPoliciesAndStatementsRenderAsCDK() throws {
    let template = try synthesizeStack { s in
      let r = IAM.Role(
        s, "Role", assumedBy: IAM.ServicePrincipal("lambda"), description: "d",
        managedPolicies: [IAM.ManagedPolicy.fromAwsManagedPolicyName("ReadOnlyAccess")],
        inlinePolicies: [
          (
            "inline",
            IAM.PolicyDocument(statements: [
              IAM.PolicyStatement(actions: ["s3:GetObject"], resources: ["*"])
            ])
          )
        ], maxSessionDuration: 7200, path: "/app/", roleName: "my-role")
      r.addToPolicy(
        IAM.PolicyStatement(
          actions: ["s3:PutObject", "s3:PutObject"], resources: ["arn:aws:s3:::b/*"]))
      r.addToPolicy(IAM.PolicyStatement(actions: ["s3:PutObject"], resources: ["arn:aws:s3:::b/*"]))
      r.addManagedPolicy(IAM.ManagedPolicy.fromAwsManagedPolicyName("ReadOnlyAccess"))
      let r2 = IAM.Role(
        s, "Role2",
        assumedBy: IAM.CompositePrincipal(
          IAM.ServicePrincipal("ec2.amazonaws.com"), IAM.AccountRootPrincipal()),
        externalIDs: ["x"])
      let r3 = IAM.Role(
        s, "Role3",
        assumedBy: IAM.ArnPrincipal("arn:aws:iam::123456789012:role/x").withConditions([
          ("StringEquals", ["aws:PrincipalTag/a": "b"])
        ]))
      let st = IAM.PolicyStatement(
        actions: ["sqs:SendMessage"], resources: ["*"],
        principals: [IAM.ServicePrincipal("sns"), r, IAM.AccountPrincipal("111122223333")])
      _ = IAM.ManagedPolicy(
        s, "MP", statements: [IAM.PolicyStatement(actions: ["s3:*"], resources: ["*"])],
        roles: [r2])
      _ = IAM.Policy(
        s, "Pol", statements: [IAM.PolicyStatement(actions: ["s3:*"], resources: ["*"])],
        roles: [r3])
      Tags.of(r).add("Name", "x")
      Tags.of(r).add("aws-cdk:a", "y")
      let principals = IAM.PolicyStatement(
        actions: ["s3:GetObject"],
        principals: [
          IAM.AnyPrincipal(), IAM.ServicePrincipal("states.us-east-1.amazonaws.com"),
          IAM.ServicePrincipal("ec2.amazonaws.com.cn"),
        ])
      _ = CfnResource(
        s, "Probe", type: "Custom::Probe",
        properties: [("Statement", st.cfnValue), ("Principals", principals.cfnValue)])
    }
    expectSameResources(template, try cdkFixture("units/iam.template.json"))
  }

  @Test func defaultPolicyIsMadeOnFirstGrantOnly() throws {
    var idleID = ""
    let template = try synthesizeStack { s in
      let role = IAM.Role(
        s, "producerRole", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      #expect(role.defaultPolicy == nil)
      let first = role.addToPrincipalPolicy(
        IAM.PolicyStatement(actions: ["kms:Decrypt"], resources: ["*"]))
      let second = role.addToPrincipalPolicy(
        IAM.PolicyStatement(actions: ["kms:Encrypt"], resources: ["*"]))
      #expect(first.policyDependable === role.defaultPolicy)
      #expect(second.policyDependable === role.defaultPolicy)
      idleID =
        IAM.Role(s, "idle", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
        .resource.logicalID
    }
    let resources = resourceIDs(template)
    #expect(resources == ["producerRoleC5EA914E", "producerRoleDefaultPolicyFEA4A548", idleID])
    #expect(
      template["Resources"]?["producerRoleDefaultPolicyFEA4A548"]?["Properties"]?["PolicyName"]
        == .string("producerRoleDefaultPolicyFEA4A548"))
    #expect(template["Resources"]?[idleID]?["Properties"]?["ManagedPolicyArns"] == nil)
  }

  @Test func policyWithoutStatementsOrRolesIsLeftOut() throws {
    let template = try synthesizeStack { s in
      let role = IAM.Role(s, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      _ = IAM.Policy(s, "Empty", roles: [role])
      _ = IAM.Policy(
        s, "Unattached", statements: [IAM.PolicyStatement(actions: ["s3:*"], resources: ["*"])])
    }
    #expect(resourceIDs(template) == ["Role1ABCC5F0"])
  }

  @Test func forcedEmptyPolicyIsAnError() {
    let problems = synthesisProblems { s in
      _ = IAM.Policy(s, "Forced", force: true)
    }
    #expect(problems.contains { $0.hasPrefix("S/Forced: ") && $0.contains("no statement") })
    #expect(problems.contains { $0.hasPrefix("S/Forced: ") && $0.contains("attached to no role") })
  }

  @Test func grantGoesToThePrincipalInTheSameAccountElseToTheResource() {
    final class Resource: IAM.ResourceWithPolicy {
      let owner: Construct
      var statements: [IAM.PolicyStatement] = []
      var resourceAccount: Value = .pseudo(.accountID)
      init(_ owner: Construct) { self.owner = owner }
      var policyOwner: Construct { owner }
      func addToResourcePolicy(_ statement: IAM.PolicyStatement) -> IAM.AddToResourcePolicyResult {
        statements.append(statement)
        return IAM.AddToResourcePolicyResult(statementAdded: true)
      }
    }
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let role = IAM.Role(stack, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
    let resource = Resource(Construct(stack, "Thing"))

    let sameAccount = IAM.Grant.addToPrincipalOrResource(
      grantee: role, actions: ["x:Get"], resourceARNs: ["arn"], resource: resource)
    #expect(sameAccount.principalStatement != nil && sameAccount.resourceStatement == nil)
    #expect(resource.statements.isEmpty)

    let service = IAM.Grant.addToPrincipalOrResource(
      grantee: IAM.ServicePrincipal("sns.amazonaws.com"), actions: ["x:Get"],
      resourceARNs: ["arn"], resourceSelfARNs: ["*"], resource: resource)
    #expect(service.principalStatement == nil && service.resourceStatement != nil)
    #expect(resource.statements.count == 1)
    #expect(service.dependables.first === resource.owner)

    resource.resourceAccount = "111122223333"
    let otherAccount = IAM.Grant.addToPrincipalOrResource(
      grantee: role, actions: ["x:Get"], resourceARNs: ["arn"], resource: resource)
    #expect(otherAccount.resourceStatement != nil)
    #expect(resource.statements.count == 2)

    let both = IAM.Grant.addToPrincipalAndResource(
      grantee: role, actions: ["x:Put"], resourceARNs: ["arn"], resource: resource)
    #expect(both.success && resource.statements.count == 3)
    #expect(role.defaultPolicy?.document.statementCount == 3)
  }

  @Test func statementRendersInCDKKeyOrderAndCollapsesSingletons() throws {
    var statement = IAM.PolicyStatement(
      effect: .deny, actions: ["s3:GetObject"], resources: ["arn:a", "arn:b", "arn:a"], sid: "S1")
    statement.addCondition("StringEquals", ["aws:SourceAccount": "1"])
    statement.addCondition("StringEquals", ["aws:SourceArn": "x"])
    statement.addPrincipals(IAM.ServicePrincipal("sns"))
    let template = try synthesizeStack { s in
      _ = CfnResource(s, "Probe", type: "Custom::Probe", properties: [("S", statement.cfnValue)])
    }
    let expected = try JSONParser.parse(
      #"{"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:SourceAccount":"1","aws:SourceArn":"x"}},"Effect":"Deny","Principal":{"Service":"sns.amazonaws.com"},"Resource":["arn:a","arn:b"],"Sid":"S1"}"#
    )
    let rendered = template["Resources"]?["Probe"]?["Properties"]?["S"]
    let differences = jsonDifferences(rendered, expected)
    #expect(differences.isEmpty, "\(differences)")
  }

  @Test func malformedStatementsAreReportedWithTheirPolicy() {
    let problems = synthesisProblems { s in
      let role = IAM.Role(s, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      var bad = IAM.PolicyStatement(actions: ["s3 GetObject"], resources: ["*"])
      bad.addNotActions("s3:PutObject")
      role.addToPolicy(bad)
      role.addToPolicy(
        IAM.PolicyStatement(actions: ["s3:GetObject"], principals: [IAM.AnyPrincipal()]))
    }
    let policyProblems = problems.filter { $0.hasPrefix("S/Role/DefaultPolicy: ") }
    #expect(policyProblems.contains { $0.contains("'s3 GetObject' is invalid") })
    #expect(policyProblems.contains { $0.contains("both Action and NotAction") })
    #expect(policyProblems.contains { $0.contains("cannot name principals") })
    #expect(policyProblems.contains { $0.contains("at least one resource") })
  }

  @Test func roleSettingsOutsideIAMLimitsAreReported() {
    let problems = synthesisProblems { s in
      _ = IAM.Role(
        s, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"),
        maxSessionDuration: 60, path: "app", roleName: "has space")
      _ = IAM.Role(
        s, "Conditional",
        assumedBy: IAM.CompositePrincipal(
          IAM.ServicePrincipal("ec2.amazonaws.com"),
          IAM.ServicePrincipal("lambda.amazonaws.com").withConditions([
            ("StringEquals", ["aws:SourceAccount": "1"])
          ])))
    }
    #expect(problems.contains { $0.hasPrefix("S/Role: maxSessionDuration is 60 seconds") })
    #expect(problems.contains { $0.hasPrefix("S/Role: the role path \"app\" is not valid") })
    #expect(problems.contains { $0.hasPrefix("S/Role: the role name \"has space\" is not valid") })
    #expect(
      problems.contains { $0.hasPrefix("S/Conditional: a component of a CompositePrincipal") })
  }

  @Test func servicePrincipalNamesAreStandardizedAsCDK() {
    #expect(IAM.ServicePrincipal("lambda").standardizedName == "lambda.amazonaws.com")
    #expect(IAM.ServicePrincipal("lambda.amazonaws.com").standardizedName == "lambda.amazonaws.com")
    #expect(IAM.ServicePrincipal("ec2.amazonaws.com.cn").standardizedName == "ec2.amazonaws.com")
    #expect(
      IAM.ServicePrincipal("states.us-east-1.amazonaws.com").standardizedName
        == "states.us-east-1.amazonaws.com")
    #expect(IAM.ServicePrincipal("x.c2s.ic.gov").standardizedName == "x.amazonaws.com")
  }

  @Test func assignSidsNumbersUniqueStatementsWithoutSid() throws {
    let document = IAM.PolicyDocument(
      statements: [
        IAM.PolicyStatement(actions: ["s3:GetObject"], resources: ["*"]),
        IAM.PolicyStatement(actions: ["s3:GetObject"], resources: ["*"]),
        IAM.PolicyStatement(actions: ["s3:PutObject"], resources: ["*"], sid: "Put"),
      ], assignSids: true)
    let template = try synthesizeStack { s in
      _ = CfnResource(s, "Probe", type: "Custom::Probe", properties: [("D", document.cfnValue)])
    }
    let statements = template["Resources"]?["Probe"]?["Properties"]?["D"]?["Statement"]?.arrayValue
    #expect(statements?.count == 2)
    #expect(statements?.first?["Sid"] == .string("0"))
    #expect(statements?.last?["Sid"] == .string("Put"))
  }

  @Test func tagsAddedOnAScopeLaterStillApplyAndCloserWins() throws {
    var id = ""
    let template = try synthesizeStack { s in
      let group = Construct(s, "Group")
      let role = IAM.Role(group, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      id = role.resource.logicalID
      Tags.of(s).add("team", "platform")
      Tags.of(group).add("team", "cache")
      Tags.of(s).add("Name", "x")
      Tags.of(group).remove("Name")
    }
    #expect(
      template["Resources"]?[id]?["Properties"]?["Tags"]
        == .array([.object(JSONObject([("Key", .string("team")), ("Value", .string("cache"))]))]))
  }
}
