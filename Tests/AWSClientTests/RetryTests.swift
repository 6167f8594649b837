import AWSClient
import Foundation
import Testing

/// Retries against a scripted transport: what is repeated, how often, how long it waits.
struct RetryTests {
  static let describeOK = Fixture.xml(
    200,
    """
    <DescribeStacksResponse><DescribeStacksResult><Stacks><member>
      <StackName>app</StackName><StackId>arn:stack/app/1</StackId>
      <StackStatus>CREATE_COMPLETE</StackStatus>
    </member></Stacks></DescribeStacksResult>
    <ResponseMetadata><RequestId>ok-1</RequestId></ResponseMetadata></DescribeStacksResponse>
    """)

  func client(_ transport: ScriptedTransport, _ sleeps: SleepRecorder, random: Double = 0.5)
    -> AWSClient
  {
    Fixture.client(
      transport,
      retry: RetryPolicy(
        maxAttempts: 5, baseDelay: 0.5, maxDelay: 20, random: { random },
        sleep: { sleeps.record($0) }))
  }

  @Test func throttlingBurstThenSuccess() async throws {
    let transport = ScriptedTransport([
      Fixture.queryError(400, "Throttling", "Rate exceeded"),
      Fixture.queryError(400, "Throttling", "Rate exceeded"),
      Fixture.queryError(400, "ThrottlingException", "Rate exceeded"),
      Self.describeOK,
    ])
    let sleeps = SleepRecorder()
    let stacks = try await client(transport, sleeps).cloudFormation.describeStacks(stackName: "app")
    #expect(stacks.map(\.stackName) == ["app"])
    #expect(transport.requests.count == 4)
    // Full jitter with random 0.5: half of 0.5, 1, 2 seconds.
    #expect(sleeps.waits == [0.25, 0.5, 1.0])
  }

  @Test func throttlingIsRetriedEvenForNonIdempotentCalls() async throws {
    let transport = ScriptedTransport([
      Fixture.queryError(400, "RequestLimitExceeded", "slow down"),
      Fixture.xml(
        200, "<ExecuteChangeSetResponse><ExecuteChangeSetResult/></ExecuteChangeSetResponse>"),
    ])
    let sleeps = SleepRecorder()
    try await client(transport, sleeps).cloudFormation.executeChangeSet(
      .init(changeSetName: "cs", clientRequestToken: nil))
    #expect(transport.requests.count == 2)
  }

  @Test func serverErrorsAreRetriedForIdempotentCalls() async throws {
    let transport = ScriptedTransport([
      .respond(HTTPResponse(status: 500, text: "")),
      .respond(HTTPResponse(status: 503, text: "<html><body>Service Unavailable</body></html>")),
      Self.describeOK,
    ])
    let sleeps = SleepRecorder()
    let stacks = try await client(transport, sleeps).cloudFormation.describeStacks(stackName: "app")
    #expect(stacks.count == 1)
    #expect(transport.requests.count == 3)
    #expect(sleeps.waits.count == 2)
  }

  @Test func serverErrorIsNotRetriedForACallThatIsNotSafeToRepeat() async throws {
    let transport = ScriptedTransport([
      Fixture.queryError(500, "InternalFailure", "oops"),
      Fixture.xml(200, "<ExecuteChangeSetResponse/>"),
    ])
    let sleeps = SleepRecorder()
    let error = await #expect(throws: AWSError.self) {
      try await client(transport, sleeps).cloudFormation.executeChangeSet(
        .init(changeSetName: "cs", clientRequestToken: nil))
    }
    #expect(error?.code == "InternalFailure")
    #expect(transport.requests.count == 1)
    #expect(sleeps.waits.isEmpty)
  }

  @Test func clientTokenMakesExecuteChangeSetRetryable() async throws {
    let transport = ScriptedTransport([
      Fixture.queryError(500, "InternalFailure", "oops"),
      Fixture.xml(200, "<ExecuteChangeSetResponse/>"),
    ])
    try await client(transport, SleepRecorder()).cloudFormation.executeChangeSet(
      .init(changeSetName: "cs", clientRequestToken: "token-1"))
    #expect(transport.requests.count == 2)
    // The same token is sent both times, so CloudFormation runs it once.
    #expect(
      transport.requests.map { $0.formParameters["ClientRequestToken"] } == ["token-1", "token-1"])
  }

  @Test func droppedConnectionIsRetriedOnlyWhenSafe() async throws {
    let idempotent = ScriptedTransport([.fail(.connectionLost), .fail(.timedOut), Self.describeOK])
    let stacks = try await client(idempotent, SleepRecorder()).cloudFormation.describeStacks(
      stackName: "app")
    #expect(stacks.count == 1)
    #expect(idempotent.requests.count == 3)

    let unsafe = ScriptedTransport([.fail(.connectionLost), Self.describeOK])
    let error = await #expect(throws: AWSClientError.self) {
      try await client(unsafe, SleepRecorder()).cloudFormation.createChangeSet(
        .init(
          stackName: "app", changeSetName: "cs", template: .body("{}"), changeSetType: .create,
          clientToken: nil))
    }
    #expect(unsafe.requests.count == 1)
    #expect(error?.code == .connectionFailed)
    #expect(error?.message.contains("may have taken effect") == true)
  }

  @Test func connectionThatWasNeverMadeIsAlwaysRetried() async throws {
    let transport = ScriptedTransport([
      .fail(.cannotConnect), Fixture.xml(200, "<ExecuteChangeSetResponse/>"),
    ])
    try await client(transport, SleepRecorder()).cloudFormation.executeChangeSet(
      .init(changeSetName: "cs", clientRequestToken: nil))
    #expect(transport.requests.count == 2)
  }

  @Test func exhaustingRetriesReportsTheLastErrorAndAttempts() async throws {
    let transport = ScriptedTransport([
      Fixture.queryError(400, "Throttling", "Rate exceeded", requestID: "r-9")
    ])
    let sleeps = SleepRecorder()
    let error = await #expect(throws: AWSError.self) {
      try await client(transport, sleeps, random: 0.999).cloudFormation.describeStacks(
        stackName: "app")
    }
    #expect(transport.requests.count == 5)
    #expect(error?.attempts == 5)
    #expect(error?.code == "Throttling")
    #expect(error?.requestID == "r-9")
    #expect(error?.description.contains("after 5 attempts") == true)
    // Exponential growth: each wait below base × 2^n.
    let ceilings = [0.5, 1, 2, 4]
    #expect(sleeps.waits.count == 4)
    for (wait, ceiling) in zip(sleeps.waits, ceilings) {
      #expect(wait < ceiling && wait > ceiling * 0.99)
    }
  }

  @Test func nonRetryableClientErrorIsNotRepeated() async throws {
    let transport = ScriptedTransport([
      Fixture.queryError(400, "ValidationError", "Template format error: unsupported field"),
      Self.describeOK,
    ])
    let sleeps = SleepRecorder()
    let error = await #expect(throws: AWSError.self) {
      try await client(transport, sleeps).cloudFormation.describeStacks(stackName: "app")
    }
    #expect(transport.requests.count == 1)
    #expect(sleeps.waits.isEmpty)
    #expect(error?.code == "ValidationError")
    #expect(error?.message == "Template format error: unsupported field")
    #expect(error?.statusCode == 400)
    #expect(error?.requestID == "req-1")
    #expect(error?.type == "Sender")
    #expect(error?.operation == "DescribeStacks")
  }

  @Test func backoffIsCappedAndJittered() {
    let low = RetryPolicy(baseDelay: 1, maxDelay: 8, random: { 0 })
    let high = RetryPolicy(baseDelay: 1, maxDelay: 8, random: { 0.999_999 })
    #expect((0..<10).map { low.delay(beforeRetry: $0) }.allSatisfy { $0 == 0 })
    let delays = (0..<6).map { high.delay(beforeRetry: $0) }
    #expect(delays.map { $0.rounded() } == [1, 2, 4, 8, 8, 8])
  }

  @Test func cancellationStopsRetrying() async throws {
    let transport = ScriptedTransport([Fixture.queryError(400, "Throttling", "slow")])
    let client = Fixture.client(
      transport, retry: RetryPolicy(maxAttempts: 50, sleep: { _ in throw CancellationError() }))
    await #expect(throws: CancellationError.self) {
      try await client.cloudFormation.describeStacks(stackName: "app")
    }
    #expect(transport.requests.count == 1)
  }
}
