/// One resource change of a CloudFormation change set.
///
/// ```swift
/// let change = PlannedChange(action: .modify, logicalID: "Subnet", resourceType: "AWS::EC2::Subnet",
///                            replacement: "True", replacingProperties: ["CidrBlock"])
/// ```
public struct PlannedChange: Sendable, Hashable {
  /// What CloudFormation will do.
  public enum Action: String, Sendable, Hashable {
    case add = "Add"
    case modify = "Modify"
    case remove = "Remove"
    case `import` = "Import"
    case dynamic = "Dynamic"
  }

  public var action: Action
  public var logicalID: String
  public var physicalID: String?
  public var resourceType: String
  /// CloudFormation's `Replacement`: `True`, `False`, `Conditional`, or nil when not given.
  public var replacement: String?
  /// The properties whose change requires recreation (`RequiresRecreation` `Always` or
  /// `Conditionally`).
  public var replacingProperties: [String]

  public init(
    action: Action, logicalID: String, physicalID: String? = nil, resourceType: String,
    replacement: String? = nil, replacingProperties: [String] = []
  ) {
    self.action = action
    self.logicalID = logicalID
    self.physicalID = physicalID
    self.resourceType = resourceType
    self.replacement = replacement
    self.replacingProperties = replacingProperties
  }
}
