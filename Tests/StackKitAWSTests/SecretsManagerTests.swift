import StackKit
import Testing

@testable import StackKitAWS

@Suite struct SecretsManagerTests {
  /// The same calls as Fixtures/cdk/programs/secretsmanager.py.
  @Test func secretsPoliciesAndGrantsRenderAsCDK() throws {
    let template = try synthesizeStack { s in
      let plain = SecretsManager.Secret(s, "Plain")
      let key = KMS.Key(s, "Key")
      let secret = SecretsManager.Secret(
        s, "Secret", secretName: "app/db", description: "database credentials",
        generateSecretString: .init(
          secretStringTemplate: #"{"username": "app"}"#, generateStringKey: "password",
          excludeCharacters: "/@\" ", passwordLength: 32, excludePunctuation: true,
          includeSpace: false, requireEachIncludedType: true),
        encryptionKey: key, removalPolicy: .retain)
      let role = IAM.Role(s, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      secret.grantRead(role)
      plain.grantRead(role)
      secret.addToResourcePolicy(
        IAM.PolicyStatement(
          actions: ["secretsmanager:GetSecretValue"], resources: ["*"],
          principals: [IAM.AccountRootPrincipal()]))
      plain.grantRead(IAM.ServicePrincipal("lambda.amazonaws.com"))
      _ = CfnResource(
        s, "Probe", type: "Custom::Probe",
        properties: [
          ("Field", secret.secretValueFromJson("password").cfnValue),
          ("Whole", plain.secretValue.cfnValue), ("Arn", secret.secretArn),
          ("Name", secret.secretName),
        ])
    }
    expectSameResources(template, try cdkFixture("units/secretsmanager.template.json"))
  }

  @Test func versionStagesBecomeACondition() throws {
    var roleID = ""
    let template = try synthesizeStack { s in
      let secret = SecretsManager.Secret(s, "Secret")
      let role = IAM.Role(s, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
      secret.grantRead(role, versionStages: ["AWSCURRENT"])
      roleID = role.defaultPolicy!.resource.logicalID
    }
    let statement = template["Resources"]?[roleID]?["Properties"]?["PolicyDocument"]?["Statement"]?
      .arrayValue?.first
    #expect(
      statement?["Condition"]
        == .object(
          JSONObject([
            (
              "ForAnyValue:StringEquals",
              .object(
                JSONObject([("secretsmanager:VersionStage", .array([.string("AWSCURRENT")]))]))
            )
          ])))
  }

  @Test func badGeneratorsAndNamesAreReported() {
    let problems = synthesisProblems { s in
      _ = SecretsManager.Secret(
        s, "Half", generateSecretString: .init(secretStringTemplate: #"{"u": "x"}"#))
      _ = SecretsManager.Secret(
        s, "NotJSON",
        generateSecretString: .init(secretStringTemplate: "user", generateStringKey: "password"))
      _ = SecretsManager.Secret(
        s, "Taken",
        generateSecretString: .init(
          secretStringTemplate: #"{"password": "x"}"#, generateStringKey: "password",
          passwordLength: 5000))
      _ = SecretsManager.Secret(s, "Named", secretName: "has space")
      _ = SecretsManager.Secret(
        s, "Both", generateSecretString: .init(), secretStringValue: .ssmSecure("/app/x"))
      let nobody = SecretsManager.Secret(s, "Nobody")
      nobody.addToResourcePolicy(
        IAM.PolicyStatement(actions: ["secretsmanager:GetSecretValue"], resources: ["*"]))
    }
    #expect(
      problems.contains { $0.hasPrefix("S/Half: secretStringTemplate and generateStringKey") })
    #expect(
      problems.contains {
        $0.hasPrefix("S/NotJSON: the secret string template is not a JSON object")
      })
    #expect(
      problems.contains { $0.hasPrefix("S/Taken: the secret string template already has the key") })
    #expect(problems.contains { $0.hasPrefix("S/Taken: passwordLength is 5000") })
    #expect(problems.contains { $0.hasPrefix("S/Named: the secret name \"has space\"") })
    #expect(problems.contains { $0.hasPrefix("S/Both: the secret has both") })
    #expect(
      problems.contains {
        $0.hasPrefix("S/Nobody: a statement in a resource policy must name at least one principal")
      })
  }
}
