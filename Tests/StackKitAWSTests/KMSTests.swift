import StackKit
import Testing

@testable import StackKitAWS

@Suite struct KMSTests {
  /// The same calls as Fixtures/cdk/programs/kms.py.
  @Test func keysAliasesAndGrantsRenderAsCDK() throws {
    let template = try synthesizeStack { s in
      _ = KMS.Key(s, "Plain")
      let key = KMS.Key(
        s, "Key", alias: "app/main", description: "main key", enableKeyRotation: true,
        pendingWindowInDays: 7, removalPolicy: .destroy)
      key.addAlias("alias/second")
      let role = IAM.Role(s, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      key.grantDecrypt(role)
      key.grantEncryptDecrypt(role)
      key.grant(
        IAM.ServicePrincipal("logs.amazonaws.com"), actions: ["kms:Encrypt", "kms:Decrypt"])
      key.addToResourcePolicy(
        IAM.PolicyStatement(
          actions: ["kms:DescribeKey"], resources: ["*"],
          principals: [IAM.AccountPrincipal("111122223333")]))
      key.grantDecrypt(KMS.ViaServicePrincipal("secretsmanager.us-east-1.amazonaws.com", role))
      let third = key.addAlias("third")
      _ = CfnResource(
        s, "Probe", type: "Custom::Probe",
        properties: [
          ("KeyId", key.keyID), ("KeyArn", key.keyArn), ("Alias", .string(third.aliasName)),
        ])
    }
    expectSameResources(template, try cdkFixture("units/kms.template.json"))
  }

  @Test func rotationPeriodTurnsRotationOn() throws {
    var id = ""
    let template = try synthesizeStack { s in
      id = KMS.Key(s, "Key", rotationPeriodInDays: 180).resource.logicalID
    }
    let properties = template["Resources"]?[id]?["Properties"]
    #expect(properties?["EnableKeyRotation"] == .bool(true))
    #expect(properties?["RotationPeriodInDays"] == .int(180))
  }

  @Test func outOfRangeSettingsAndBadAliasesAreReported() {
    let problems = synthesisProblems { s in
      _ = KMS.Key(
        s, "Key", alias: "aws/mine", enableKeyRotation: false, rotationPeriodInDays: 30,
        pendingWindowInDays: 3)
      _ = KMS.Key(s, "Rsa", enableKeyRotation: true, keySpec: .rsa2048)
      _ = KMS.Key(s, "Empty", alias: "alias/")
      _ = KMS.Key(s, "Odd", alias: "has space")
    }
    #expect(
      problems.contains {
        $0.hasPrefix("S/Key: rotationPeriodInDays is set but enableKeyRotation is false")
      })
    #expect(problems.contains { $0.hasPrefix("S/Key: rotationPeriodInDays is 30") })
    #expect(problems.contains { $0.hasPrefix("S/Key: pendingWindowInDays is 3") })
    #expect(
      problems.contains {
        $0.hasPrefix("S/Key/Alias: the alias alias/aws/mine starts with alias/aws/")
      })
    #expect(problems.contains { $0.hasPrefix("S/Rsa: key rotation is on for a RSA_2048 key") })
    #expect(problems.contains { $0.hasPrefix("S/Empty/Alias: the alias name is empty") })
    #expect(
      problems.contains { $0.hasPrefix("S/Odd/Alias: the alias alias/has space is not valid") })
  }

  @Test func keyPolicyStatementWithoutPrincipalIsReported() {
    let problems = synthesisProblems { s in
      let key = KMS.Key(s, "Key")
      key.addToResourcePolicy(IAM.PolicyStatement(actions: ["kms:Decrypt"], resources: ["*"]))
    }
    #expect(
      problems.contains {
        $0.hasPrefix("S/Key: a statement in a resource policy must name at least one principal")
      })
  }

  @Test func viaServiceConditionGoesFirstInAnExistingStringEquals() throws {
    let base = IAM.ArnPrincipal("arn:aws:iam::123456789012:role/x").withConditions([
      ("StringEquals", ["aws:PrincipalTag/team": "cache"])
    ])
    let principal = KMS.ViaServicePrincipal("secretsmanager.us-east-1.amazonaws.com", base)
    let conditions = principal.policyFragment.conditions
    #expect(conditions.count == 1)
    guard case .object(let pairs) = conditions[0].1 else {
      Issue.record("StringEquals is not an object")
      return
    }
    #expect(pairs.map(\.0) == ["kms:ViaService", "aws:PrincipalTag/team"])
  }
}
