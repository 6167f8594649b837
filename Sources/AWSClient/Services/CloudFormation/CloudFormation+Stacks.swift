import Foundation

extension CloudFormation {
  /// A stack as `DescribeStacks` returns it.
  public struct Stack: Sendable, Equatable {
    public var stackID: String
    public var stackName: String
    public var changeSetID: String?
    public var description: String?
    public var parameters: [Parameter]
    public var creationTime: Date?
    public var lastUpdatedTime: Date?
    public var deletionTime: Date?
    public var stackStatus: StackStatus
    public var stackStatusReason: String?
    public var disableRollback: Bool?
    public var outputs: [Output]
    public var capabilities: [Capability]
    public var tags: [Tag]
    public var roleARN: String?
    public var enableTerminationProtection: Bool?
    public var parentID: String?
    public var rootID: String?

    public init(
      stackID: String, stackName: String, changeSetID: String? = nil, description: String? = nil,
      parameters: [Parameter] = [], creationTime: Date? = nil, lastUpdatedTime: Date? = nil,
      deletionTime: Date? = nil, stackStatus: StackStatus, stackStatusReason: String? = nil,
      disableRollback: Bool? = nil, outputs: [Output] = [], capabilities: [Capability] = [],
      tags: [Tag] = [], roleARN: String? = nil, enableTerminationProtection: Bool? = nil,
      parentID: String? = nil, rootID: String? = nil
    ) {
      self.stackID = stackID
      self.stackName = stackName
      self.changeSetID = changeSetID
      self.description = description
      self.parameters = parameters
      self.creationTime = creationTime
      self.lastUpdatedTime = lastUpdatedTime
      self.deletionTime = deletionTime
      self.stackStatus = stackStatus
      self.stackStatusReason = stackStatusReason
      self.disableRollback = disableRollback
      self.outputs = outputs
      self.capabilities = capabilities
      self.tags = tags
      self.roleARN = roleARN
      self.enableTerminationProtection = enableTerminationProtection
      self.parentID = parentID
      self.rootID = rootID
    }

    init(_ node: XMLNode) {
      self.init(
        stackID: node.string("StackId") ?? "", stackName: node.string("StackName") ?? "",
        changeSetID: node.string("ChangeSetId"), description: node.string("Description"),
        parameters: node["Parameters"]?.members.map(Parameter.init) ?? [],
        creationTime: node.date("CreationTime"), lastUpdatedTime: node.date("LastUpdatedTime"),
        deletionTime: node.date("DeletionTime"),
        stackStatus: StackStatus(rawValue: node.string("StackStatus") ?? ""),
        stackStatusReason: node.string("StackStatusReason"),
        disableRollback: node.bool("DisableRollback"),
        outputs: node["Outputs"]?.members.map(Output.init) ?? [],
        capabilities: node.strings("Capabilities").map(Capability.init(rawValue:)),
        tags: node["Tags"]?.members.map(Tag.init) ?? [], roleARN: node.string("RoleARN"),
        enableTerminationProtection: node.bool("EnableTerminationProtection"),
        parentID: node.string("ParentId"), rootID: node.string("RootId"))
    }

    /// The outputs as a dictionary by key.
    public var outputValues: [String: String] {
      Dictionary(outputs.map { ($0.outputKey, $0.outputValue ?? "") }) { first, _ in first }
    }
  }

  /// A stack output.
  public struct Output: Sendable, Equatable {
    public var outputKey: String
    public var outputValue: String?
    public var description: String?
    public var exportName: String?

    public init(
      outputKey: String, outputValue: String? = nil, description: String? = nil,
      exportName: String? = nil
    ) {
      self.outputKey = outputKey
      self.outputValue = outputValue
      self.description = description
      self.exportName = exportName
    }

    init(_ node: XMLNode) {
      self.init(
        outputKey: node.string("OutputKey") ?? "", outputValue: node.string("OutputValue"),
        description: node.string("Description"), exportName: node.string("ExportName"))
    }
  }

  /// One stack event.
  public struct StackEvent: Sendable, Equatable {
    public var stackID: String
    public var eventID: String
    public var stackName: String
    public var logicalResourceID: String?
    public var physicalResourceID: String?
    public var resourceType: String?
    public var timestamp: Date?
    public var resourceStatus: ResourceStatus?
    public var resourceStatusReason: String?
    public var resourceProperties: String?
    public var clientRequestToken: String?
    public var detailedStatus: String?

    public init(
      stackID: String = "", eventID: String, stackName: String = "",
      logicalResourceID: String? = nil, physicalResourceID: String? = nil,
      resourceType: String? = nil, timestamp: Date? = nil, resourceStatus: ResourceStatus? = nil,
      resourceStatusReason: String? = nil, resourceProperties: String? = nil,
      clientRequestToken: String? = nil, detailedStatus: String? = nil
    ) {
      self.stackID = stackID
      self.eventID = eventID
      self.stackName = stackName
      self.logicalResourceID = logicalResourceID
      self.physicalResourceID = physicalResourceID
      self.resourceType = resourceType
      self.timestamp = timestamp
      self.resourceStatus = resourceStatus
      self.resourceStatusReason = resourceStatusReason
      self.resourceProperties = resourceProperties
      self.clientRequestToken = clientRequestToken
      self.detailedStatus = detailedStatus
    }

    init(_ node: XMLNode) {
      self.init(
        stackID: node.string("StackId") ?? "", eventID: node.string("EventId") ?? "",
        stackName: node.string("StackName") ?? "",
        logicalResourceID: node.string("LogicalResourceId"),
        physicalResourceID: node.string("PhysicalResourceId"),
        resourceType: node.string("ResourceType"), timestamp: node.date("Timestamp"),
        resourceStatus: node.string("ResourceStatus").map(ResourceStatus.init(rawValue:)),
        resourceStatusReason: node.string("ResourceStatusReason"),
        resourceProperties: node.string("ResourceProperties"),
        clientRequestToken: node.string("ClientRequestToken"),
        detailedStatus: node.string("DetailedStatus"))
    }

    /// Whether this event is about the stack itself rather than one of its resources.
    public var isStackEvent: Bool {
      resourceType == "AWS::CloudFormation::Stack" && logicalResourceID == stackName
    }
  }

  /// A page of events and the token for the next (older) page.
  public struct StackEventsPage: Sendable, Equatable {
    public var events: [StackEvent]
    public var nextToken: String?

    public init(events: [StackEvent], nextToken: String? = nil) {
      self.events = events
      self.nextToken = nextToken
    }
  }

  /// A resource of a stack, as `DescribeStackResources` returns it.
  public struct StackResource: Sendable, Equatable {
    public var stackName: String?
    public var stackID: String?
    public var logicalResourceID: String
    public var physicalResourceID: String?
    public var resourceType: String
    public var timestamp: Date?
    public var resourceStatus: ResourceStatus
    public var resourceStatusReason: String?
    public var description: String?

    public init(
      stackName: String? = nil, stackID: String? = nil, logicalResourceID: String,
      physicalResourceID: String? = nil, resourceType: String, timestamp: Date? = nil,
      resourceStatus: ResourceStatus, resourceStatusReason: String? = nil,
      description: String? = nil
    ) {
      self.stackName = stackName
      self.stackID = stackID
      self.logicalResourceID = logicalResourceID
      self.physicalResourceID = physicalResourceID
      self.resourceType = resourceType
      self.timestamp = timestamp
      self.resourceStatus = resourceStatus
      self.resourceStatusReason = resourceStatusReason
      self.description = description
    }

    init(_ node: XMLNode) {
      self.init(
        stackName: node.string("StackName"), stackID: node.string("StackId"),
        logicalResourceID: node.string("LogicalResourceId") ?? "",
        physicalResourceID: node.string("PhysicalResourceId"),
        resourceType: node.string("ResourceType") ?? "", timestamp: node.date("Timestamp"),
        resourceStatus: ResourceStatus(rawValue: node.string("ResourceStatus") ?? ""),
        resourceStatusReason: node.string("ResourceStatusReason"),
        description: node.string("Description"))
    }
  }

  /// A stack summary, as `ListStacks` returns it.
  public struct StackSummary: Sendable, Equatable {
    public var stackID: String
    public var stackName: String
    public var templateDescription: String?
    public var creationTime: Date?
    public var lastUpdatedTime: Date?
    public var deletionTime: Date?
    public var stackStatus: StackStatus
    public var stackStatusReason: String?
    public var parentID: String?
    public var rootID: String?

    public init(
      stackID: String, stackName: String, templateDescription: String? = nil,
      creationTime: Date? = nil, lastUpdatedTime: Date? = nil, deletionTime: Date? = nil,
      stackStatus: StackStatus, stackStatusReason: String? = nil, parentID: String? = nil,
      rootID: String? = nil
    ) {
      self.stackID = stackID
      self.stackName = stackName
      self.templateDescription = templateDescription
      self.creationTime = creationTime
      self.lastUpdatedTime = lastUpdatedTime
      self.deletionTime = deletionTime
      self.stackStatus = stackStatus
      self.stackStatusReason = stackStatusReason
      self.parentID = parentID
      self.rootID = rootID
    }

    init(_ node: XMLNode) {
      self.init(
        stackID: node.string("StackId") ?? "", stackName: node.string("StackName") ?? "",
        templateDescription: node.string("TemplateDescription"),
        creationTime: node.date("CreationTime"), lastUpdatedTime: node.date("LastUpdatedTime"),
        deletionTime: node.date("DeletionTime"),
        stackStatus: StackStatus(rawValue: node.string("StackStatus") ?? ""),
        stackStatusReason: node.string("StackStatusReason"), parentID: node.string("ParentId"),
        rootID: node.string("RootId"))
    }
  }
}
