import StackKit

extension EC2.Vpc {
  /// Adds a flow log of this VPC, as a child of the VPC.
  ///
  /// ```swift
  /// vpc.addFlowLog("Rejects", trafficType: .reject)
  /// ```
  @discardableResult
  public func addFlowLog(
    _ id: String, destination: EC2.FlowLogDestination = .cloudWatchLogs(),
    trafficType: EC2.FlowLogTrafficType? = nil, maxAggregationInterval: Int? = nil,
    logFormat: [String]? = nil
  ) -> EC2.FlowLog {
    EC2.FlowLog(
      self, id, resourceType: .fromVPC(self), destination: destination, trafficType: trafficType,
      maxAggregationInterval: maxAggregationInterval, logFormat: logFormat)
  }
}
