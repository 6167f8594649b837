import Foundation

/// AWS CloudFormation calls (Query protocol).
///
/// ```swift
/// let cfn = client.cloudFormation
/// if let stack = try await cfn.describeStack("app") { print(stack.stackStatus) }
/// let created = try await cfn.createChangeSet(.init(
///   stackName: "app", changeSetName: "stackkit-1", template: .body(templateJSON),
///   changeSetType: .create, capabilities: [.namedIAM]))
/// let changeSet = try await cfn.describeChangeSet(
///   .init(changeSetName: created.id), allPages: true)
/// try await cfn.executeChangeSet(.init(changeSetName: created.id))
/// ```
public struct CloudFormation: Sendable {
  /// The client the calls go through.
  public var client: AWSClient

  /// Creates the service client.
  public init(client: AWSClient) { self.client = client }

  func call(_ name: String, idempotent: Bool, _ parameters: QueryParameters) async throws
    -> XMLNode
  {
    try await client.query(
      AWSOperation(service: .cloudFormation, name: name, isIdempotent: idempotent), parameters)
  }

  /// Calls a paginated read action, passing each page's `NextToken` on until there is none, and
  /// returns the members of the result's `list` from every page, read by `item`.
  func allPages<Item>(
    _ name: String, _ parameters: QueryParameters, list: String, _ item: (XMLNode) -> Item
  ) async throws -> [Item] {
    var parameters = parameters
    var items: [Item] = []
    var token: String?
    repeat {
      parameters["NextToken"] = token
      let result = try await call(name, idempotent: true, parameters)
      items += result[list]?.members.map(item) ?? []
      token = result.string("NextToken")
    } while token?.isEmpty == false
    return items
  }

  // MARK: Change sets

  /// Creates a change set. Idempotent (retried after 5xx) when it carries a client token, which
  /// ``CreateChangeSetInput`` generates by default.
  public func createChangeSet(_ input: CreateChangeSetInput) async throws -> CreateChangeSetOutput {
    let result = try await call(
      "CreateChangeSet", idempotent: input.clientToken != nil, input.queryParameters)
    return CreateChangeSetOutput(id: result.string("Id") ?? "", stackID: result.string("StackId"))
  }

  /// Describes a change set: one page, or every page with `allPages` (changes concatenated).
  public func describeChangeSet(_ input: DescribeChangeSetInput, allPages: Bool = false)
    async throws -> ChangeSet
  {
    var input = input
    var changeSet = ChangeSet(
      try await call("DescribeChangeSet", idempotent: true, input.queryParameters))
    while allPages, let token = changeSet.nextToken, !token.isEmpty {
      input.nextToken = token
      let page = ChangeSet(
        try await call("DescribeChangeSet", idempotent: true, input.queryParameters))
      changeSet.changes += page.changes
      changeSet.nextToken = page.nextToken
    }
    return changeSet
  }

  /// Starts executing a change set. Idempotent when it carries a client request token (generated
  /// by default).
  public func executeChangeSet(_ input: ExecuteChangeSetInput) async throws {
    _ = try await call(
      "ExecuteChangeSet", idempotent: input.clientRequestToken != nil, input.queryParameters)
  }

  /// Deletes a change set.
  public func deleteChangeSet(changeSetName: String, stackName: String? = nil) async throws {
    var parameters = QueryParameters()
    parameters["ChangeSetName"] = changeSetName
    parameters["StackName"] = stackName
    _ = try await call("DeleteChangeSet", idempotent: true, parameters)
  }

  // MARK: Stacks

  /// Describes stacks: one named stack, or all of them (every page) when `stackName` is nil.
  /// A named stack that does not exist throws the service's `ValidationError`; use
  /// ``describeStack(_:)`` to get nil instead.
  public func describeStacks(stackName: String? = nil) async throws -> [Stack] {
    var parameters = QueryParameters()
    parameters["StackName"] = stackName
    return try await allPages("DescribeStacks", parameters, list: "Stacks", Stack.init)
  }

  /// The named stack, or nil when it does not exist (CloudFormation's "Stack with id … does not
  /// exist").
  public func describeStack(_ stackName: String) async throws -> Stack? {
    do {
      return try await describeStacks(stackName: stackName).first
    } catch let error as AWSError where error.isStackNotFound {
      return nil
    }
  }

  /// One page of a stack's events, newest first.
  public func describeStackEvents(stackName: String, nextToken: String? = nil) async throws
    -> StackEventsPage
  {
    var parameters = QueryParameters()
    parameters["StackName"] = stackName
    parameters["NextToken"] = nextToken
    let result = try await call("DescribeStackEvents", idempotent: true, parameters)
    return StackEventsPage(
      events: result["StackEvents"]?.members.map(StackEvent.init) ?? [],
      nextToken: result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 })
  }

  /// A stack's events newer than the event with ID `after` (all of them when nil), newest first,
  /// following pages until that event is reached.
  public func stackEvents(stackName: String, after eventID: String? = nil, maxPages: Int = 20)
    async throws -> [StackEvent]
  {
    var events: [StackEvent] = []
    var token: String?
    var pages = 0
    repeat {
      let page = try await describeStackEvents(stackName: stackName, nextToken: token)
      pages += 1
      for event in page.events {
        if let eventID, event.eventID == eventID { return events }
        events.append(event)
      }
      token = page.nextToken
    } while token != nil && pages < maxPages
    return events
  }

  /// A stack's resources (up to 100, as the API returns them).
  public func describeStackResources(stackName: String) async throws -> [StackResource] {
    var parameters = QueryParameters()
    parameters["StackName"] = stackName
    let result = try await call("DescribeStackResources", idempotent: true, parameters)
    return result["StackResources"]?.members.map(StackResource.init) ?? []
  }

  /// The template of a stack (or of a change set), as the service stores it.
  public func getTemplate(
    stackName: String, changeSetName: String? = nil, stage: TemplateStage? = nil
  ) async throws -> GetTemplateOutput {
    var parameters = QueryParameters()
    parameters["StackName"] = stackName
    parameters["ChangeSetName"] = changeSetName
    parameters["TemplateStage"] = stage?.rawValue
    let result = try await call("GetTemplate", idempotent: true, parameters)
    return GetTemplateOutput(
      templateBody: result.string("TemplateBody") ?? "",
      stagesAvailable: result.strings("StagesAvailable").compactMap(TemplateStage.init))
  }

  /// Starts deleting a stack, keeping `retainResources` (only for a stack in DELETE_FAILED).
  /// Idempotent: deleting a stack that is being (or was) deleted succeeds.
  public func deleteStack(
    stackName: String, retainResources: [String] = [], roleARN: String? = nil,
    clientRequestToken: String? = nil
  ) async throws {
    var parameters = QueryParameters()
    parameters["StackName"] = stackName
    parameters.set(list: "RetainResources", retainResources)
    parameters["RoleARN"] = roleARN
    parameters["ClientRequestToken"] = clientRequestToken
    _ = try await call("DeleteStack", idempotent: true, parameters)
  }

  /// Summaries of stacks (every page), optionally only those in the given statuses.
  public func listStacks(statusFilter: [StackStatus] = []) async throws -> [StackSummary] {
    var parameters = QueryParameters()
    parameters.set(list: "StackStatusFilter", statusFilter.map(\.rawValue))
    return try await allPages("ListStacks", parameters, list: "StackSummaries", StackSummary.init)
  }
}

extension AWSError {
  /// Whether CloudFormation said the stack does not exist (`ValidationError` "Stack with id X does
  /// not exist").
  public var isStackNotFound: Bool {
    code == "ValidationError" && message.contains("does not exist")
  }

  /// Whether CloudFormation said the change set does not exist.
  public var isChangeSetNotFound: Bool {
    code == "ChangeSetNotFound" || code == "ChangeSetNotFoundException"
  }
}
