import AWSClient
import Foundation
import Testing

/// CloudFormation calls against a scripted transport: what goes on the wire, what is read back.
struct CloudFormationTests {
  @Test func createChangeSetSendsEveryField() async throws {
    let transport = ScriptedTransport([
      Fixture.xml(
        200,
        "<CreateChangeSetResponse><CreateChangeSetResult><Id>arn:cs/1</Id><StackId>arn:stack/app</StackId></CreateChangeSetResult></CreateChangeSetResponse>"
      )
    ])
    let output = try await Fixture.client(transport).cloudFormation.createChangeSet(
      .init(
        stackName: "app", changeSetName: "stackkit-1", template: .body("{\"Resources\":{}}"),
        changeSetType: .create,
        parameters: [.init(key: "Env", value: "prod"), .init(key: "Old", usePreviousValue: true)],
        capabilities: [.iam, .namedIAM, .autoExpand], tags: [.init(key: "team", value: "core")],
        description: "made by stackkit", clientToken: "tok-1", includeNestedStacks: true))
    #expect(output == .init(id: "arn:cs/1", stackID: "arn:stack/app"))
    let form = try #require(transport.requests.first).formParameters
    #expect(form["Action"] == "CreateChangeSet")
    #expect(form["Version"] == "2010-05-15")
    #expect(form["StackName"] == "app")
    #expect(form["ChangeSetName"] == "stackkit-1")
    #expect(form["TemplateBody"] == "{\"Resources\":{}}")
    #expect(form["TemplateURL"] == nil)
    #expect(form["ChangeSetType"] == "CREATE")
    #expect(form["Parameters.member.1.ParameterKey"] == "Env")
    #expect(form["Parameters.member.1.ParameterValue"] == "prod")
    #expect(form["Parameters.member.2.ParameterKey"] == "Old")
    #expect(form["Parameters.member.2.UsePreviousValue"] == "true")
    #expect(form["Parameters.member.2.ParameterValue"] == nil)
    #expect(form["Capabilities.member.1"] == "CAPABILITY_IAM")
    #expect(form["Capabilities.member.2"] == "CAPABILITY_NAMED_IAM")
    #expect(form["Capabilities.member.3"] == "CAPABILITY_AUTO_EXPAND")
    #expect(form["Tags.member.1.Key"] == "team")
    #expect(form["Tags.member.1.Value"] == "core")
    #expect(form["Description"] == "made by stackkit")
    #expect(form["ClientToken"] == "tok-1")
    #expect(form["IncludeNestedStacks"] == "true")
  }

  @Test func templateURLAndGeneratedClientToken() async throws {
    let transport = ScriptedTransport([
      Fixture.xml(200, "<R><CreateChangeSetResult><Id>x</Id></CreateChangeSetResult></R>")
    ])
    let input = CloudFormation.CreateChangeSetInput(
      stackName: "app", changeSetName: "cs", template: .url("https://b.s3.amazonaws.com/t.json"),
      changeSetType: .update)
    #expect(input.clientToken?.count == 36)
    _ = try await Fixture.client(transport).cloudFormation.createChangeSet(input)
    let form = try #require(transport.requests.first).formParameters
    #expect(form["TemplateURL"] == "https://b.s3.amazonaws.com/t.json")
    #expect(form["ChangeSetType"] == "UPDATE")
    #expect(form["ClientToken"] == input.clientToken)
  }

  static let changeSetPage1 = """
    <DescribeChangeSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
      <DescribeChangeSetResult>
        <ChangeSetName>cs</ChangeSetName>
        <ChangeSetId>arn:aws:cloudformation:us-east-1:123456789012:changeSet/cs/1</ChangeSetId>
        <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/app/1</StackId>
        <StackName>app</StackName>
        <Status>CREATE_COMPLETE</Status>
        <ExecutionStatus>AVAILABLE</ExecutionStatus>
        <CreationTime>2025-01-02T03:04:05.678Z</CreationTime>
        <Capabilities><member>CAPABILITY_IAM</member></Capabilities>
        <Parameters><member><ParameterKey>Env</ParameterKey><ParameterValue>prod</ParameterValue></member></Parameters>
        <Changes>
          <member>
            <Type>Resource</Type>
            <HookInvocationCount>0</HookInvocationCount>
            <ResourceChange>
              <Action>Modify</Action>
              <LogicalResourceId>Bucket</LogicalResourceId>
              <PhysicalResourceId>app-bucket-1</PhysicalResourceId>
              <ResourceType>AWS::S3::Bucket</ResourceType>
              <Replacement>True</Replacement>
              <PolicyAction>ReplaceAndDelete</PolicyAction>
              <Scope><member>Properties</member><member>Tags</member></Scope>
              <Details>
                <member>
                  <Target>
                    <Attribute>Properties</Attribute><Name>BucketName</Name>
                    <RequiresRecreation>Always</RequiresRecreation>
                    <Path>/Properties/BucketName</Path>
                    <BeforeValue>old-name</BeforeValue><AfterValue>new-name</AfterValue>
                    <AttributeChangeType>Modify</AttributeChangeType>
                  </Target>
                  <Evaluation>Static</Evaluation>
                  <ChangeSource>DirectModification</ChangeSource>
                </member>
                <member>
                  <Target><Attribute>Tags</Attribute><RequiresRecreation>Never</RequiresRecreation></Target>
                  <Evaluation>Dynamic</Evaluation><ChangeSource>ParameterReference</ChangeSource>
                  <CausingEntity>Env</CausingEntity>
                </member>
              </Details>
              <BeforeContext>{"Properties":{"BucketName":"old-name"}}</BeforeContext>
              <AfterContext>{"Properties":{"BucketName":"new-name"}}</AfterContext>
            </ResourceChange>
          </member>
        </Changes>
        <NextToken>page-2</NextToken>
      </DescribeChangeSetResult>
      <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
    </DescribeChangeSetResponse>
    """

  static let changeSetPage2 = """
    <DescribeChangeSetResponse><DescribeChangeSetResult>
      <ChangeSetName>cs</ChangeSetName><ChangeSetId>arn:cs/1</ChangeSetId><Status>CREATE_COMPLETE</Status>
      <Changes><member><Type>Resource</Type><ResourceChange>
        <Action>Add</Action><LogicalResourceId>Role</LogicalResourceId>
        <ResourceType>AWS::IAM::Role</ResourceType><Scope/><Details/>
      </ResourceChange></member></Changes>
    </DescribeChangeSetResult></DescribeChangeSetResponse>
    """

  @Test func describeChangeSetReadsEveryDetailAndFollowsPages() async throws {
    let transport = ScriptedTransport([
      Fixture.xml(200, Self.changeSetPage1), Fixture.xml(200, Self.changeSetPage2),
    ])
    let changeSet = try await Fixture.client(transport).cloudFormation.describeChangeSet(
      .init(changeSetName: "cs", stackName: "app"), allPages: true)
    #expect(transport.requests.count == 2)
    let forms = transport.requests.map(\.formParameters)
    #expect(forms[0]["IncludePropertyValues"] == "true")
    #expect(forms[0]["NextToken"] == nil)
    #expect(forms[1]["NextToken"] == "page-2")
    #expect(forms[1]["StackName"] == "app")
    #expect(changeSet.status == "CREATE_COMPLETE")
    #expect(changeSet.executionStatus == "AVAILABLE")
    #expect(changeSet.nextToken == nil)
    #expect(changeSet.capabilities == [.iam])
    #expect(changeSet.parameters == [.init(key: "Env", value: "prod")])
    #expect(changeSet.creationTime == Date(timeIntervalSince1970: 1_735_787_045.678))
    #expect(changeSet.changes.count == 2)
    let bucket = try #require(changeSet.changes[0].resourceChange)
    #expect(changeSet.changes[0].type == "Resource")
    #expect(changeSet.changes[0].hookInvocationCount == 0)
    #expect(bucket.action == "Modify")
    #expect(bucket.logicalResourceID == "Bucket")
    #expect(bucket.physicalResourceID == "app-bucket-1")
    #expect(bucket.resourceType == "AWS::S3::Bucket")
    #expect(bucket.replacement == "True")
    #expect(bucket.policyAction == "ReplaceAndDelete")
    #expect(bucket.scope == ["Properties", "Tags"])
    #expect(bucket.beforeContext == "{\"Properties\":{\"BucketName\":\"old-name\"}}")
    #expect(bucket.afterContext == "{\"Properties\":{\"BucketName\":\"new-name\"}}")
    #expect(bucket.details.count == 2)
    #expect(
      bucket.details[0]
        == .init(
          target: .init(
            attribute: "Properties", name: "BucketName", requiresRecreation: "Always",
            path: "/Properties/BucketName", beforeValue: "old-name", afterValue: "new-name",
            attributeChangeType: "Modify"),
          evaluation: "Static", changeSource: "DirectModification"))
    #expect(bucket.details[1].causingEntity == "Env")
    #expect(bucket.details[1].target?.attribute == "Tags")
    let role = try #require(changeSet.changes[1].resourceChange)
    #expect(role.action == "Add")
    #expect(role.scope.isEmpty && role.details.isEmpty)
  }

  @Test func emptyChangeSetIsRecognized() async throws {
    let transport = ScriptedTransport([
      Fixture.xml(
        200,
        "<R><DescribeChangeSetResult><ChangeSetName>cs</ChangeSetName><ChangeSetId>x</ChangeSetId><Status>FAILED</Status><StatusReason>The submitted information didn't contain changes. Submit different information to create a change set.</StatusReason><Changes/></DescribeChangeSetResult></R>"
      )
    ])
    let changeSet = try await Fixture.client(transport).cloudFormation.describeChangeSet(
      .init(changeSetName: "x", includePropertyValues: false))
    #expect(changeSet.isEmpty)
    #expect(!changeSet.isPending)
    #expect(transport.requests[0].formParameters["IncludePropertyValues"] == nil)
  }

  @Test func describeStacksReadsOutputsParametersAndStatus() async throws {
    let transport = ScriptedTransport([
      Fixture.xml(
        200,
        """
        <DescribeStacksResponse><DescribeStacksResult><Stacks><member>
          <StackId>arn:stack/app/1</StackId><StackName>app</StackName>
          <StackStatus>UPDATE_ROLLBACK_COMPLETE</StackStatus>
          <StackStatusReason>Resource creation cancelled</StackStatusReason>
          <CreationTime>2025-01-01T00:00:00Z</CreationTime>
          <LastUpdatedTime>2025-01-02T00:00:00.5Z</LastUpdatedTime>
          <DisableRollback>false</DisableRollback>
          <EnableTerminationProtection>true</EnableTerminationProtection>
          <Parameters><member><ParameterKey>Env</ParameterKey><ParameterValue>prod</ParameterValue></member></Parameters>
          <Outputs>
            <member><OutputKey>BucketName</OutputKey><OutputValue>b-1</OutputValue><Description>the bucket</Description><ExportName>app-bucket</ExportName></member>
            <member><OutputKey>Url</OutputKey><OutputValue>https://x</OutputValue></member>
          </Outputs>
          <Capabilities><member>CAPABILITY_NAMED_IAM</member></Capabilities>
          <Tags><member><Key>team</Key><Value>core</Value></member></Tags>
        </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
        """)
    ])
    let stack = try #require(
      try await Fixture.client(transport).cloudFormation.describeStack("app"))
    #expect(stack.stackName == "app")
    #expect(stack.stackStatus == .updateRollbackComplete)
    #expect(stack.stackStatus.isTerminal && stack.stackStatus.isFailure)
    #expect(!stack.stackStatus.isSuccess)
    #expect(stack.stackStatusReason == "Resource creation cancelled")
    #expect(stack.disableRollback == false)
    #expect(stack.enableTerminationProtection == true)
    #expect(stack.parameters == [.init(key: "Env", value: "prod")])
    #expect(stack.outputs.count == 2)
    #expect(
      stack.outputs[0]
        == .init(
          outputKey: "BucketName", outputValue: "b-1", description: "the bucket",
          exportName: "app-bucket"))
    #expect(stack.outputValues == ["BucketName": "b-1", "Url": "https://x"])
    #expect(stack.capabilities == [.namedIAM])
    #expect(stack.tags == [.init(key: "team", value: "core")])
    #expect(stack.lastUpdatedTime == Date(timeIntervalSince1970: 1_735_776_000.5))
  }

  @Test func missingStackIsNilNotAnError() async throws {
    let transport = ScriptedTransport([
      Fixture.queryError(400, "ValidationError", "Stack with id ghost does not exist")
    ])
    let stack = try await Fixture.client(transport).cloudFormation.describeStack("ghost")
    #expect(stack == nil)
    #expect(transport.requests.count == 1)
    // Other validation errors still throw.
    let other = ScriptedTransport([
      Fixture.queryError(400, "ValidationError", "1 validation error detected")
    ])
    await #expect(throws: AWSError.self) {
      try await Fixture.client(other).cloudFormation.describeStack("bad name!")
    }
  }

  @Test func stackEventsArePagedNewestFirstAndStopAtTheLastSeen() async throws {
    func event(_ id: String, _ logical: String, _ status: String) -> String {
      "<member><EventId>\(id)</EventId><StackName>app</StackName><StackId>arn:s</StackId><LogicalResourceId>\(logical)</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType><Timestamp>2025-01-01T00:00:0\(id.suffix(1))Z</Timestamp><ResourceStatus>\(status)</ResourceStatus><ResourceStatusReason>because \(id)</ResourceStatusReason></member>"
    }
    let page1 =
      "<R><DescribeStackEventsResult><StackEvents>\(event("e5", "B", "CREATE_FAILED"))\(event("e4", "B", "CREATE_IN_PROGRESS"))</StackEvents><NextToken>t2</NextToken></DescribeStackEventsResult></R>"
    let page2 =
      "<R><DescribeStackEventsResult><StackEvents>\(event("e3", "A", "CREATE_COMPLETE"))\(event("e2", "A", "CREATE_IN_PROGRESS"))</StackEvents><NextToken>t3</NextToken></DescribeStackEventsResult></R>"
    let transport = ScriptedTransport([Fixture.xml(200, page1), Fixture.xml(200, page2)])
    let cfn = Fixture.client(transport).cloudFormation
    let events = try await cfn.stackEvents(stackName: "app", after: "e2")
    #expect(events.map(\.eventID) == ["e5", "e4", "e3"])
    #expect(transport.requests.map { $0.formParameters["NextToken"] } == [nil, "t2"])
    #expect(events[0].resourceStatus == "CREATE_FAILED")
    #expect(events[0].resourceStatusReason == "because e5")
    #expect(events[0].logicalResourceID == "B")
    #expect(events[0].timestamp == Date(timeIntervalSince1970: 1_735_689_605))

    let single = ScriptedTransport([Fixture.xml(200, page1)])
    let page = try await Fixture.client(single).cloudFormation.describeStackEvents(stackName: "app")
    #expect(page.events.count == 2 && page.nextToken == "t2")
  }

  @Test func describeStacksFollowsEveryPage() async throws {
    func page(_ name: String, next: String?) -> ScriptedTransport.Step {
      Fixture.xml(
        200,
        "<R><DescribeStacksResult><Stacks><member><StackId>arn:\(name)</StackId>"
          + "<StackName>\(name)</StackName><StackStatus>CREATE_COMPLETE</StackStatus></member>"
          + "</Stacks>\(next.map { "<NextToken>\($0)</NextToken>" } ?? "")</DescribeStacksResult></R>"
      )
    }
    let transport = ScriptedTransport([
      page("a", next: "t2"), page("b", next: "t3"), page("c", next: nil),
    ])
    let stacks = try await Fixture.client(transport).cloudFormation.describeStacks()
    #expect(stacks.map(\.stackName) == ["a", "b", "c"])
    #expect(transport.requests.map { $0.formParameters["NextToken"] } == [nil, "t2", "t3"])
    #expect(transport.requests.allSatisfy { $0.formParameters["StackName"] == nil })
  }

  @Test func resourcesTemplateDeleteAndList() async throws {
    let transport = ScriptedTransport(handler: { request in
      switch request.formParameters["Action"] {
      case "DescribeStackResources":
        return Fixture.xml(
          200,
          "<R><DescribeStackResourcesResult><StackResources><member><LogicalResourceId>Bucket</LogicalResourceId><PhysicalResourceId>b-1</PhysicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType><ResourceStatus>DELETE_FAILED</ResourceStatus><ResourceStatusReason>The bucket you tried to delete is not empty</ResourceStatusReason><Timestamp>2025-01-01T00:00:00Z</Timestamp></member></StackResources></DescribeStackResourcesResult></R>"
        )
      case "GetTemplate":
        return Fixture.xml(
          200,
          "<R><GetTemplateResult><TemplateBody>{\"Resources\":{}}</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable></GetTemplateResult></R>"
        )
      case "DeleteStack":
        return Fixture.xml(
          200,
          "<DeleteStackResponse><ResponseMetadata><RequestId>d</RequestId></ResponseMetadata></DeleteStackResponse>"
        )
      case "ListStacks":
        if request.formParameters["NextToken"] == nil {
          return Fixture.xml(
            200,
            "<R><ListStacksResult><StackSummaries><member><StackId>s1</StackId><StackName>a</StackName><StackStatus>CREATE_COMPLETE</StackStatus></member></StackSummaries><NextToken>n</NextToken></ListStacksResult></R>"
          )
        }
        return Fixture.xml(
          200,
          "<R><ListStacksResult><StackSummaries><member><StackId>s2</StackId><StackName>b</StackName><StackStatus>UPDATE_COMPLETE</StackStatus></member></StackSummaries></ListStacksResult></R>"
        )
      default:
        return Fixture.queryError(400, "InvalidAction", "unexpected")
      }
    })
    let cfn = Fixture.client(transport).cloudFormation
    let resources = try await cfn.describeStackResources(stackName: "app")
    #expect(resources.map(\.logicalResourceID) == ["Bucket"])
    #expect(resources[0].resourceStatus == .deleteFailed)
    #expect(resources[0].resourceStatusReason == "The bucket you tried to delete is not empty")
    let template = try await cfn.getTemplate(stackName: "app", stage: .original)
    #expect(template.templateBody == "{\"Resources\":{}}")
    #expect(template.stagesAvailable == [.original, .processed])
    try await cfn.deleteStack(stackName: "app", retainResources: ["Bucket", "Key"])
    let summaries = try await cfn.listStacks(statusFilter: [.createComplete, .updateComplete])
    #expect(summaries.map(\.stackName) == ["a", "b"])
    let forms = transport.requests.map(\.formParameters)
    #expect(forms[1]["TemplateStage"] == "Original")
    #expect(forms[2]["RetainResources.member.1"] == "Bucket")
    #expect(forms[2]["RetainResources.member.2"] == "Key")
    #expect(forms[3]["StackStatusFilter.member.2"] == "UPDATE_COMPLETE")
    #expect(forms[4]["NextToken"] == "n")
  }

  @Test func executeAndDeleteChangeSet() async throws {
    let transport = ScriptedTransport([Fixture.xml(200, "<ok/>")])
    let cfn = Fixture.client(transport).cloudFormation
    try await cfn.executeChangeSet(.init(changeSetName: "arn:cs", disableRollback: true))
    try await cfn.deleteChangeSet(changeSetName: "cs", stackName: "app")
    let forms = transport.requests.map(\.formParameters)
    #expect(forms[0]["Action"] == "ExecuteChangeSet")
    #expect(forms[0]["DisableRollback"] == "true")
    #expect(forms[0]["ClientRequestToken"]?.count == 36)
    #expect(forms[1]["Action"] == "DeleteChangeSet")
    #expect(forms[1]["StackName"] == "app")
  }

  @Test func statusHelpers() {
    #expect(CloudFormation.StackStatus.createInProgress.isInProgress)
    #expect(CloudFormation.StackStatus.updateCompleteCleanupInProgress.isInProgress)
    #expect(CloudFormation.StackStatus.rollbackComplete.isFailure)
    #expect(CloudFormation.StackStatus.updateComplete.isSuccess)
    #expect(!CloudFormation.StackStatus.reviewInProgress.isTerminal)
  }
}
