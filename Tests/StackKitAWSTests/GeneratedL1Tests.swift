import StackKit
import StackKitAWS
import Testing

/// Generated L1 classes render as AWS CDK renders its L1s: properties in alphabetical order,
/// nested property types as objects, secrets as dynamic references, attributes as `Fn::GetAtt`.
@Suite struct GeneratedL1Tests {
  func render(_ build: (Stack) -> Void) throws -> JSON {
    let app = App(environment: [:])
    let stack = Stack(app, "TestStack")
    build(stack)
    return try app.synthesizeTemplates().stacks[0].template
  }

  func compact(_ json: JSON?) -> String {
    json.map { JSONWriter(indent: nil).write($0) } ?? "nil"
  }

  @Test func vpcWithTagsAndAnEnumRendersAlphabetically() throws {
    let template = try render { stack in
      let vpc = EC2.CfnVPC(
        stack, "Vpc", cidrBlock: "10.0.0.0/16", instanceTenancy: .default,
        tags: [CfnTag(key: "Name", value: "TestStack/Vpc")])
      vpc.enableDnsSupport = true
      vpc.enableDnsHostnames = true
      _ = EC2.CfnSubnet(
        stack, "Subnet", availabilityZone: Fn.select(0, Fn.getAZs()), cidrBlock: "10.0.0.0/24",
        vpcId: vpc.ref)
      _ = EC2.CfnRouteTable(stack, "Routes", vpcId: vpc.attrVpcId)
    }
    #expect(
      compact(template["Resources"]?["Vpc"])
        == #"{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":"10.0.0.0/16","EnableDnsHostnames":true,"EnableDnsSupport":true,"InstanceTenancy":"default","Tags":[{"Key":"Name","Value":"TestStack/Vpc"}]}}"#
    )
    #expect(
      compact(template["Resources"]?["Subnet"]?["Properties"])
        == #"{"AvailabilityZone":{"Fn::Select":[0,{"Fn::GetAZs":""}]},"CidrBlock":"10.0.0.0/24","VpcId":{"Ref":"Vpc"}}"#
    )
    #expect(
      compact(template["Resources"]?["Routes"]?["Properties"])
        == #"{"VpcId":{"Fn::GetAtt":["Vpc","VpcId"]}}"#)
  }

  @Test func elastiCacheUserTakesSecretPasswords() throws {
    let template = try render { stack in
      let secret = SecretsManager.CfnSecret(
        stack, "Secret",
        generateSecretString: .init(
          excludeCharacters: "@%", generateStringKey: "password", passwordLength: 32,
          secretStringTemplate: #"{"username":"app"}"#))
      _ = ElastiCache.CfnUser(
        stack, "User", accessString: "on ~app:* +@read", engine: .redis,
        passwords: [.secretsManager(secret.ref, jsonField: "password")], userId: "app",
        userName: "app")
    }
    #expect(
      compact(template["Resources"]?["User"]?["Properties"])
        == #"{"AccessString":"on ~app:* +@read","Engine":"redis","Passwords":[{"Fn::Join":["",["{{resolve:secretsmanager:",{"Ref":"Secret"},":SecretString:password::}}"]]}],"UserId":"app","UserName":"app"}"#
    )
    #expect(
      compact(template["Resources"]?["Secret"]?["Properties"])
        == #"{"GenerateSecretString":{"ExcludeCharacters":"@%","GenerateStringKey":"password","PasswordLength":32,"SecretStringTemplate":"{\"username\":\"app\"}"}}"#
    )
  }

  @Test func lambdaFunctionRendersNestedStructs() throws {
    let template = try render { stack in
      let role = IAM.CfnRole(
        stack, "Role",
        assumeRolePolicyDocument: [
          "Version": "2012-10-17",
          "Statement": [
            [
              "Action": "sts:AssumeRole", "Effect": "Allow",
              "Principal": ["Service": "lambda.amazonaws.com"],
            ]
          ],
        ])
      let function = Lambda.CfnFunction(
        stack, "Fn", code: .init(s3Bucket: "assets", s3Key: "fn.zip"),
        environment: .init(variables: ["MODE": "test"]), handler: "index.handler",
        role: role.attrArn, runtime: .python3_12,
        vpcConfig: .init(securityGroupIds: ["sg-1"], subnetIds: ["subnet-1", "subnet-2"]))
      function.timeout = 30
      _ = CfnOutput(stack, "FunctionArn", value: function.attrArn)
    }
    #expect(
      compact(template["Resources"]?["Fn"]?["Properties"])
        == #"{"Code":{"S3Bucket":"assets","S3Key":"fn.zip"},"Environment":{"Variables":{"MODE":"test"}},"Handler":"index.handler","Role":{"Fn::GetAtt":["Role","Arn"]},"Runtime":"python3.12","Timeout":30,"VpcConfig":{"SecurityGroupIds":["sg-1"],"SubnetIds":["subnet-1","subnet-2"]}}"#
    )
    #expect(
      compact(template["Outputs"]?["FunctionArn"]?["Value"])
        == #"{"Fn::GetAtt":["Fn","Arn"]}"#)
  }

  @Test func nestedAttributesUseDottedNames() throws {
    let template = try render { stack in
      let group = ElastiCache.CfnReplicationGroup(
        stack, "Redis", replicationGroupDescription: "test")
      _ = CfnOutput(stack, "Endpoint", value: group.attrPrimaryEndPointAddress)
    }
    #expect(
      compact(template["Outputs"]?["Endpoint"]?["Value"])
        == #"{"Fn::GetAtt":["Redis","PrimaryEndPoint.Address"]}"#)
  }

  @Test func typeNamesAndCreateOnlyPropertiesAreData() {
    #expect(EC2.CfnVPC.cfnResourceTypeName == "AWS::EC2::VPC")
    #expect(EC2.CfnVPC.createOnlyProperties.contains("CidrBlock"))
    #expect(ElastiCache.CfnUser.createOnlyProperties == ["UserId", "UserName"])
  }
}
