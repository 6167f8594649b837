import StackKit
import Testing

@testable import StackKitAWS

/// A dependency on a `DependencyGroup` covers the members it gets later, as in CDK.
@Suite struct DependencyGroupTests {
  @Test func routesAddedAfterTheDependencyWasTakenAreDependedOnAsCDK() throws {
    try EC2TestSupport.expectMatchesFixture("LateRoutes") { stack in
      let vpc = EC2.Vpc(
        stack, "Vpc", maxAZs: 2,
        subnetConfiguration: [
          EC2.SubnetConfiguration(name: "Public", subnetType: .public),
          EC2.SubnetConfiguration(name: "Isolated", subnetType: .privateIsolated),
        ], natGateways: 0)
      let waiter = CfnResource(stack, "Waiter", type: "AWS::CloudFormation::WaitConditionHandle")
      waiter.node.addDependency(
        vpc.selectSubnets(subnetType: .privateIsolated).internetConnectivityEstablished)
      for (i, subnet) in vpc.isolatedSubnets.enumerated() {
        subnet.addRoute(
          "Egress", routerType: .networkInterface, routerID: .string("eni-0123456789abcdef\(i)"),
          enablesInternetConnectivity: true)
      }
    }
  }

  @Test func nestedGroupsExpandWhenTheDependenciesAreRead() {
    let app = App(environment: [:])
    let stack = Stack(app, "S")
    let a = CfnResource(stack, "A", type: "AWS::SNS::Topic")
    let b = CfnResource(stack, "B", type: "AWS::SNS::Topic")
    let outer = EC2.DependencyGroup()
    let inner = EC2.DependencyGroup()
    outer.add(inner)
    outer.add(outer)  // a cycle is harmless
    let waiter = CfnResource(stack, "Waiter", type: "AWS::CloudFormation::WaitConditionHandle")
    waiter.node.addDependency(outer, a)
    #expect(waiter.node.dependencies.map(\.node.id) == ["A"])
    inner.add(b)
    inner.add(a)
    #expect(waiter.node.dependencies.map(\.node.id) == ["B", "A"])
  }
}
