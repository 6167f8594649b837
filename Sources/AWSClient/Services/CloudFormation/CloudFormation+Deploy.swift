import Foundation

extension CloudFormation {
  /// Turns a stack's termination protection on or off.
  ///
  /// ```swift
  /// try await client.cloudFormation.updateTerminationProtection(stackName: "app", enabled: true)
  /// ```
  public func updateTerminationProtection(stackName: String, enabled: Bool) async throws {
    var parameters = QueryParameters()
    parameters.set("EnableTerminationProtection", enabled)
    parameters["StackName"] = stackName
    _ = try await call("UpdateTerminationProtection", idempotent: true, parameters)
  }
}
