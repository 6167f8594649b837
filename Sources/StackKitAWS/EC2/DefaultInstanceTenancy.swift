extension EC2 {
  /// Where instances launched in a VPC run by default.
  ///
  /// ```swift
  /// EC2.Vpc(stack, "Vpc", defaultInstanceTenancy: .dedicated)
  /// ```
  public enum DefaultInstanceTenancy: String, Sendable, Hashable, CaseIterable {
    case `default` = "default"
    case dedicated = "dedicated"
    case host = "host"
  }
}
