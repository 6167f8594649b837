import StackKit

extension EC2.Vpc {
  /// Adds an interface endpoint as a child of the VPC (so it carries the VPC's `Name` tag).
  ///
  /// ```swift
  /// vpc.addInterfaceEndpoint(
  ///   "SecretsManagerEndpoint", service: EC2.InterfaceVpcEndpointAwsService.secretsManager,
  ///   subnets: EC2.SubnetSelection(subnetType: .privateIsolated), open: false,
  ///   securityGroups: [endpointSG])
  /// ```
  @discardableResult
  public func addInterfaceEndpoint(
    _ id: String, service: any EC2.EndpointService, subnets: EC2.SubnetSelection? = nil,
    securityGroups: [EC2.SecurityGroup]? = nil, open: Bool = true, privateDNSEnabled: Bool? = nil
  ) -> EC2.InterfaceVpcEndpoint {
    EC2.InterfaceVpcEndpoint(
      self, id, vpc: self, service: service, subnets: subnets, securityGroups: securityGroups,
      open: open, privateDNSEnabled: privateDNSEnabled)
  }
}
