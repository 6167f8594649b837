import Foundation

extension CloudFormation {
  /// Where a template comes from: its text, or an S3 URL (needed above 51,200 bytes).
  public enum TemplateSource: Sendable, Equatable {
    case body(String)
    case url(String)
  }

  /// `CREATE` for a new stack (or one in `REVIEW_IN_PROGRESS`), `UPDATE`, or `IMPORT`.
  public enum ChangeSetType: String, Sendable, Hashable {
    case create = "CREATE"
    case update = "UPDATE"
    case `import` = "IMPORT"
  }

  /// The input of `CreateChangeSet`.
  ///
  /// ```swift
  /// let input = CloudFormation.CreateChangeSetInput(
  ///   stackName: "app", changeSetName: "stackkit-20250101", template: .body(json),
  ///   changeSetType: .update, parameters: [.init(key: "Env", value: "prod")],
  ///   capabilities: [.iam, .namedIAM, .autoExpand], tags: [.init(key: "team", value: "core")])
  /// ```
  public struct CreateChangeSetInput: Sendable, Equatable {
    public var stackName: String
    public var changeSetName: String
    /// The template; nil with `usePreviousTemplate`.
    public var template: TemplateSource?
    public var usePreviousTemplate: Bool?
    public var changeSetType: ChangeSetType?
    public var parameters: [Parameter]
    public var capabilities: [Capability]
    public var tags: [Tag]
    public var description: String?
    public var roleARN: String?
    public var notificationARNs: [String]
    /// A unique token per intended change set; makes the call safe to retry. Generated (a UUID)
    /// unless given; nil sends none (the call is then not retried after a 5xx).
    public var clientToken: String?
    public var includeNestedStacks: Bool?
    /// `DO_NOTHING`, `ROLLBACK` or `DELETE` (new stacks only).
    public var onStackFailure: String?
    public var importExistingResources: Bool?

    public init(
      stackName: String, changeSetName: String, template: TemplateSource?,
      usePreviousTemplate: Bool? = nil, changeSetType: ChangeSetType?,
      parameters: [Parameter] = [], capabilities: [Capability] = [], tags: [Tag] = [],
      description: String? = nil, roleARN: String? = nil, notificationARNs: [String] = [],
      clientToken: String? = UUID().uuidString, includeNestedStacks: Bool? = nil,
      onStackFailure: String? = nil, importExistingResources: Bool? = nil
    ) {
      self.stackName = stackName
      self.changeSetName = changeSetName
      self.template = template
      self.usePreviousTemplate = usePreviousTemplate
      self.changeSetType = changeSetType
      self.parameters = parameters
      self.capabilities = capabilities
      self.tags = tags
      self.description = description
      self.roleARN = roleARN
      self.notificationARNs = notificationARNs
      self.clientToken = clientToken
      self.includeNestedStacks = includeNestedStacks
      self.onStackFailure = onStackFailure
      self.importExistingResources = importExistingResources
    }

    var queryParameters: QueryParameters {
      var p = QueryParameters()
      p["StackName"] = stackName
      p["ChangeSetName"] = changeSetName
      switch template {
      case .body(let body): p["TemplateBody"] = body
      case .url(let url): p["TemplateURL"] = url
      case nil: break
      }
      p.set("UsePreviousTemplate", usePreviousTemplate)
      p["ChangeSetType"] = changeSetType?.rawValue
      p.set(members: "Parameters", parameters) { $1.encode(&$0) }
      p.set(list: "Capabilities", capabilities.map(\.rawValue))
      p.set(members: "Tags", tags) { p, tag in
        p["Key"] = tag.key
        p["Value"] = tag.value
      }
      p["Description"] = description
      p["RoleARN"] = roleARN
      p.set(list: "NotificationARNs", notificationARNs)
      p["ClientToken"] = clientToken
      p.set("IncludeNestedStacks", includeNestedStacks)
      p["OnStackFailure"] = onStackFailure
      p.set("ImportExistingResources", importExistingResources)
      return p
    }
  }

  /// The output of `CreateChangeSet`.
  public struct CreateChangeSetOutput: Sendable, Equatable {
    /// The change set's ARN.
    public var id: String
    /// The stack's ARN.
    public var stackID: String?

    public init(id: String, stackID: String? = nil) {
      self.id = id
      self.stackID = stackID
    }
  }

  /// The input of `DescribeChangeSet`.
  public struct DescribeChangeSetInput: Sendable, Equatable {
    /// The change set's name or ARN.
    public var changeSetName: String
    /// The stack (needed when `changeSetName` is a name, not an ARN).
    public var stackName: String?
    public var nextToken: String?
    /// Ask for the before/after property values (`BeforeContext`, `AfterContext`, and the details'
    /// `BeforeValue`/`AfterValue`).
    public var includePropertyValues: Bool

    public init(
      changeSetName: String, stackName: String? = nil, nextToken: String? = nil,
      includePropertyValues: Bool = true
    ) {
      self.changeSetName = changeSetName
      self.stackName = stackName
      self.nextToken = nextToken
      self.includePropertyValues = includePropertyValues
    }

    var queryParameters: QueryParameters {
      var p = QueryParameters()
      p["ChangeSetName"] = changeSetName
      p["StackName"] = stackName
      p["NextToken"] = nextToken
      if includePropertyValues { p.set("IncludePropertyValues", true) }
      return p
    }
  }

  /// A change set as `DescribeChangeSet` returns it.
  public struct ChangeSet: Sendable, Equatable {
    public var changeSetName: String
    public var changeSetID: String
    public var stackID: String?
    public var stackName: String?
    public var description: String?
    public var parameters: [Parameter]
    public var creationTime: Date?
    /// `UNAVAILABLE`, `AVAILABLE`, `EXECUTE_IN_PROGRESS`, `EXECUTE_COMPLETE`, `EXECUTE_FAILED`,
    /// `OBSOLETE`.
    public var executionStatus: String?
    /// `CREATE_PENDING`, `CREATE_IN_PROGRESS`, `CREATE_COMPLETE`, `DELETE_…`, `FAILED`.
    public var status: String
    /// Why it failed; for an empty change set: "The submitted information didn't contain changes…".
    public var statusReason: String?
    public var capabilities: [Capability]
    public var tags: [Tag]
    public var changes: [Change]
    public var nextToken: String?
    public var includeNestedStacks: Bool?
    public var parentChangeSetID: String?
    public var rootChangeSetID: String?

    public init(
      changeSetName: String, changeSetID: String, stackID: String? = nil,
      stackName: String? = nil, description: String? = nil, parameters: [Parameter] = [],
      creationTime: Date? = nil, executionStatus: String? = nil, status: String,
      statusReason: String? = nil, capabilities: [Capability] = [], tags: [Tag] = [],
      changes: [Change] = [], nextToken: String? = nil, includeNestedStacks: Bool? = nil,
      parentChangeSetID: String? = nil, rootChangeSetID: String? = nil
    ) {
      self.changeSetName = changeSetName
      self.changeSetID = changeSetID
      self.stackID = stackID
      self.stackName = stackName
      self.description = description
      self.parameters = parameters
      self.creationTime = creationTime
      self.executionStatus = executionStatus
      self.status = status
      self.statusReason = statusReason
      self.capabilities = capabilities
      self.tags = tags
      self.changes = changes
      self.nextToken = nextToken
      self.includeNestedStacks = includeNestedStacks
      self.parentChangeSetID = parentChangeSetID
      self.rootChangeSetID = rootChangeSetID
    }

    init(_ node: XMLNode) {
      self.init(
        changeSetName: node.string("ChangeSetName") ?? "",
        changeSetID: node.string("ChangeSetId") ?? "", stackID: node.string("StackId"),
        stackName: node.string("StackName"), description: node.string("Description"),
        parameters: node["Parameters"]?.members.map(Parameter.init) ?? [],
        creationTime: node.date("CreationTime"), executionStatus: node.string("ExecutionStatus"),
        status: node.string("Status") ?? "", statusReason: node.string("StatusReason"),
        capabilities: node.strings("Capabilities").map(Capability.init(rawValue:)),
        tags: node["Tags"]?.members.map(Tag.init) ?? [],
        changes: node["Changes"]?.members.map(Change.init) ?? [],
        nextToken: node.string("NextToken").flatMap { $0.isEmpty ? nil : $0 },
        includeNestedStacks: node.bool("IncludeNestedStacks"),
        parentChangeSetID: node.string("ParentChangeSetId"),
        rootChangeSetID: node.string("RootChangeSetId"))
    }

    /// Whether the change set is still being computed.
    public var isPending: Bool { status.hasSuffix("_PENDING") || status.hasSuffix("_IN_PROGRESS") }

    /// Whether it failed because the template and parameters match what is deployed.
    public var isEmpty: Bool {
      status == "FAILED"
        && (statusReason.map {
          $0.contains("didn't contain changes") || $0.contains("No updates are to be performed")
        } ?? false)
    }
  }

  /// One change in a change set.
  public struct Change: Sendable, Equatable {
    /// `Resource`.
    public var type: String?
    public var hookInvocationCount: Int?
    public var resourceChange: ResourceChange?

    public init(
      type: String? = "Resource", hookInvocationCount: Int? = nil, resourceChange: ResourceChange?
    ) {
      self.type = type
      self.hookInvocationCount = hookInvocationCount
      self.resourceChange = resourceChange
    }

    init(_ node: XMLNode) {
      self.init(
        type: node.string("Type"), hookInvocationCount: node.int("HookInvocationCount"),
        resourceChange: node["ResourceChange"].map(ResourceChange.init))
    }
  }

  /// What will happen to one resource.
  public struct ResourceChange: Sendable, Equatable {
    /// `Delete`, `Retain`, `Snapshot`, `ReplaceAndDelete`, `ReplaceAndRetain`,
    /// `ReplaceAndSnapshot`.
    public var policyAction: String?
    /// `Add`, `Modify`, `Remove`, `Import`, `Dynamic`.
    public var action: String
    public var logicalResourceID: String
    public var physicalResourceID: String?
    public var resourceType: String
    /// `True`, `False` or `Conditional` (for `Modify`).
    public var replacement: String?
    /// `Properties`, `Metadata`, `CreationPolicy`, `UpdatePolicy`, `DeletionPolicy`,
    /// `UpdateReplacePolicy`, `Tags`.
    public var scope: [String]
    public var details: [ResourceChangeDetail]
    /// For nested stacks: the nested change set.
    public var changeSetID: String?
    /// The resource's properties before, as JSON (with `IncludePropertyValues`).
    public var beforeContext: String?
    /// The resource's properties after, as JSON (with `IncludePropertyValues`).
    public var afterContext: String?

    public init(
      policyAction: String? = nil, action: String, logicalResourceID: String,
      physicalResourceID: String? = nil, resourceType: String, replacement: String? = nil,
      scope: [String] = [], details: [ResourceChangeDetail] = [], changeSetID: String? = nil,
      beforeContext: String? = nil, afterContext: String? = nil
    ) {
      self.policyAction = policyAction
      self.action = action
      self.logicalResourceID = logicalResourceID
      self.physicalResourceID = physicalResourceID
      self.resourceType = resourceType
      self.replacement = replacement
      self.scope = scope
      self.details = details
      self.changeSetID = changeSetID
      self.beforeContext = beforeContext
      self.afterContext = afterContext
    }

    init(_ node: XMLNode) {
      self.init(
        policyAction: node.string("PolicyAction"), action: node.string("Action") ?? "",
        logicalResourceID: node.string("LogicalResourceId") ?? "",
        physicalResourceID: node.string("PhysicalResourceId"),
        resourceType: node.string("ResourceType") ?? "", replacement: node.string("Replacement"),
        scope: node.strings("Scope"),
        details: node["Details"]?.members.map(ResourceChangeDetail.init) ?? [],
        changeSetID: node.string("ChangeSetId"), beforeContext: node.string("BeforeContext"),
        afterContext: node.string("AfterContext"))
    }
  }

  /// Why a resource changes.
  public struct ResourceChangeDetail: Sendable, Equatable {
    public var target: ResourceTargetDefinition?
    /// `Static` or `Dynamic`.
    public var evaluation: String?
    /// `ResourceReference`, `ParameterReference`, `ResourceAttribute`, `DirectModification`,
    /// `Automatic`.
    public var changeSource: String?
    public var causingEntity: String?

    public init(
      target: ResourceTargetDefinition? = nil, evaluation: String? = nil,
      changeSource: String? = nil, causingEntity: String? = nil
    ) {
      self.target = target
      self.evaluation = evaluation
      self.changeSource = changeSource
      self.causingEntity = causingEntity
    }

    init(_ node: XMLNode) {
      self.init(
        target: node["Target"].map(ResourceTargetDefinition.init),
        evaluation: node.string("Evaluation"), changeSource: node.string("ChangeSource"),
        causingEntity: node.string("CausingEntity"))
    }
  }

  /// The part of a resource that changes.
  public struct ResourceTargetDefinition: Sendable, Equatable {
    /// `Properties`, `Metadata`, `Tags` …
    public var attribute: String?
    /// The property's name.
    public var name: String?
    /// `Never`, `Conditionally`, `Always`.
    public var requiresRecreation: String?
    /// The JSON path, e.g. `/Properties/BucketName`.
    public var path: String?
    public var beforeValue: String?
    public var afterValue: String?
    /// `Add`, `Remove`, `Modify`, `SyncWithActual`.
    public var attributeChangeType: String?

    public init(
      attribute: String? = nil, name: String? = nil, requiresRecreation: String? = nil,
      path: String? = nil, beforeValue: String? = nil, afterValue: String? = nil,
      attributeChangeType: String? = nil
    ) {
      self.attribute = attribute
      self.name = name
      self.requiresRecreation = requiresRecreation
      self.path = path
      self.beforeValue = beforeValue
      self.afterValue = afterValue
      self.attributeChangeType = attributeChangeType
    }

    init(_ node: XMLNode) {
      self.init(
        attribute: node.string("Attribute"), name: node.string("Name"),
        requiresRecreation: node.string("RequiresRecreation"), path: node.string("Path"),
        beforeValue: node.string("BeforeValue"), afterValue: node.string("AfterValue"),
        attributeChangeType: node.string("AttributeChangeType"))
    }
  }

  /// The input of `ExecuteChangeSet`.
  public struct ExecuteChangeSetInput: Sendable, Equatable {
    /// The change set's name or ARN.
    public var changeSetName: String
    public var stackName: String?
    /// Makes the call safe to retry; generated unless given (nil sends none).
    public var clientRequestToken: String?
    /// Keep created resources when the stack fails (`--no-rollback`).
    public var disableRollback: Bool?
    public var retainExceptOnCreate: Bool?

    public init(
      changeSetName: String, stackName: String? = nil,
      clientRequestToken: String? = UUID().uuidString, disableRollback: Bool? = nil,
      retainExceptOnCreate: Bool? = nil
    ) {
      self.changeSetName = changeSetName
      self.stackName = stackName
      self.clientRequestToken = clientRequestToken
      self.disableRollback = disableRollback
      self.retainExceptOnCreate = retainExceptOnCreate
    }

    var queryParameters: QueryParameters {
      var p = QueryParameters()
      p["ChangeSetName"] = changeSetName
      p["StackName"] = stackName
      p["ClientRequestToken"] = clientRequestToken
      p.set("DisableRollback", disableRollback)
      p.set("RetainExceptOnCreate", retainExceptOnCreate)
      return p
    }
  }
}
