import Foundation
import Testing

@testable import StackKit

@Suite struct SynthesisTests {
  func render(_ build: (Stack) -> Void) throws -> JSON {
    let app = App(environment: [:])
    let stack = Stack(app, "TestStack")
    build(stack)
    let assembly = try app.synthesizeTemplates()
    return assembly.stacks[0].template
  }

  @Test func refsGetAttsAndJoinsResolveToLogicalIDs() throws {
    let template = try render { stack in
      let vpc = CfnResource(
        stack, "Vpc", type: "AWS::EC2::VPC", properties: [("CidrBlock", "10.0.0.0/16")])
      _ = CfnResource(
        stack, "Subnet", type: "AWS::EC2::Subnet",
        properties: [
          ("VpcId", vpc.ref),
          ("AvailabilityZone", Fn.select(0, Fn.getAZs())),
          ("Name", "subnet-\(Pseudo.region)-\(vpc.getAtt("CidrBlock"))"),
        ])
    }
    let text = JSONWriter(indent: nil).write(template)
    #expect(
      text
        == #"{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"Vpc":{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":"10.0.0.0/16"}},"Subnet":{"Type":"AWS::EC2::Subnet","Properties":{"VpcId":{"Ref":"Vpc"},"AvailabilityZone":{"Fn::Select":[0,{"Fn::GetAZs":""}]},"Name":{"Fn::Join":["",["subnet-",{"Ref":"AWS::Region"},"-",{"Fn::GetAtt":["Vpc","CidrBlock"]}]]}}}}}"#
    )
  }

  @Test func constructDependenciesExpandAndSortAsCDK() throws {
    let template = try render { stack in
      let group = Construct(stack, "redispy_Layer")
      _ = CfnResource(group, "Resource", type: "AWS::Lambda::LayerVersion")
      let rg = CfnResource(
        stack, "RedisReplicationGroup", type: "AWS::ElastiCache::ReplicationGroup")
      let fn = CfnResource(stack, "Fn", type: "AWS::Lambda::Function")
      fn.node.addDependency(rg, group)
    }
    let deps = template["Resources"]?["Fn"]?["DependsOn"]
    #expect(deps == .array([.string("redispyLayerB208042D"), .string("RedisReplicationGroup")]))
  }

  @Test func literalSecretIsAnError() throws {
    #expect(throws: SynthesisError.self) {
      _ = try render { stack in
        _ = CfnResource(
          stack, "User", type: "AWS::ElastiCache::User",
          properties: [("Passwords", ["hunter2hunter2hunter2"])])
      }
    }
  }

  @Test func secretValueRendersAsDynamicReference() throws {
    let template = try render { stack in
      let secret = CfnResource(stack, "Secret", type: "AWS::SecretsManager::Secret")
      _ = CfnResource(
        stack, "User", type: "AWS::ElastiCache::User",
        properties: [
          ("Passwords", [SecretValue.secretsManager(secret.ref, jsonField: "password").cfnValue])
        ])
    }
    let text = JSONWriter(indent: nil).write(template["Resources"]!["User"]!)
    #expect(
      text.contains(
        #"{"Fn::Join":["",["{{resolve:secretsmanager:",{"Ref":"Secret"},":SecretString:password::}}"]]}"#
      ))
  }

  @Test func duplicateIdsAndCyclesAreReportedTogether() throws {
    do {
      _ = try render { stack in
        let a = CfnResource(stack, "A", type: "AWS::SNS::Topic")
        _ = CfnResource(stack, "A", type: "AWS::SNS::Topic")
        let b = CfnResource(stack, "B", type: "AWS::SNS::Topic")
        a.addDependency(b)
        b.addDependency(a)
      }
      Issue.record("expected an error")
    } catch let error as SynthesisError {
      let text = error.description
      #expect(text.contains("TestStack/A: there is already a construct with id \"A\""))
      #expect(text.contains("dependency cycle"))
    }
  }

  @Test func yamlQuotesAmbiguousStrings() throws {
    let yaml = try YAMLWriter().write(
      .object(
        JSONObject([
          ("a", .string("yes")), ("b", .string("7.1")), ("c", .string("2012-10-17")),
          ("d", .string("on ~* -@all +SET")), ("e", .int(3)),
        ])))
    #expect(yaml == "a: 'yes'\nb: '7.1'\nc: '2012-10-17'\nd: on ~* -@all +SET\ne: 3\n")
  }
}
