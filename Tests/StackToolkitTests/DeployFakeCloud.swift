import AWSClient
import Foundation
import StackKit

@testable import StackToolkit

/// A scripted CloudFormation, S3 and STS behind an ``HTTPTransport``: it keeps stacks, change
/// sets, events and objects, answers the Query and REST calls deploy makes with the real wire
/// formats, and plays scripts for what moto cannot do — events arriving poll by poll, failures
/// and rollbacks, throttling bursts, 5xx answers and dropped connections.
final class FakeCloud: HTTPTransport, @unchecked Sendable {
  struct Event {
    var id: String
    var logicalID: String
    var physicalID: String
    var type: String
    var status: String
    var reason: String?
    var time: Date
  }

  struct Resource {
    var logicalID: String
    var type: String
    var physicalID: String
    var status: String
  }

  final class Stack {
    var id: String
    var name: String
    var status: String
    var reason: String?
    var template: String = ""
    var parameters: [(String, String)] = []
    var outputs: [(String, String)] = []
    var tags: [(String, String)] = []
    var events: [Event] = []  // oldest first
    var resources: [Resource] = []
    var terminationProtection = false
    var deleted = false

    init(id: String, name: String, status: String) {
      self.id = id
      self.name = name
      self.status = status
    }
  }

  struct ChangeSet {
    var id: String
    var name: String
    var stackID: String
    var type: String
    var template: String
    var parameters: [(String, String)]
    var tags: [(String, String)]
    var status: String
    var reason: String?
  }

  /// One step of a scripted operation, played on one `DescribeStacks` poll.
  struct Step {
    var events: [(logicalID: String, type: String, status: String, reason: String?)]
    var stackStatus: String?
    var stackReason: String?
  }

  /// A fault injected into the next matching requests.
  enum Fault {
    case throttle
    case serverError
    case dropConnection
    case htmlError
  }

  private let lock = NSLock()
  private var stacks: [Stack] = []
  private var changeSets: [String: ChangeSet] = [:]
  private var objects: [String: Data] = [:]
  private var log: [HTTPRequest] = []
  private var faults: [(action: String?, fault: Fault, remaining: Int)] = []
  private var pendingSteps: [String: [Step]] = [:]
  private var counter = 0
  private var clock = Date(timeIntervalSince1970: 1_700_000_000)

  let account = "123456789012"
  let region = "us-east-1"
  /// What an executed change set does: the steps to play (the default completes at once).
  var onExecute: (@Sendable (_ stack: String, _ type: String) -> [Step])?
  /// The reason a change set fails to create, if it should.
  var changeSetFailure: String?
  /// Make every update change set come back empty ("didn't contain changes").
  var emptyChangeSets = false
  /// What a deletion does (default: completes).
  var onDelete: (@Sendable (_ stack: String) -> [Step])?

  // MARK: - Test API

  var requests: [HTTPRequest] { lock.withLock { log } }

  /// The Query actions received, in order (S3 calls as `S3:METHOD`).
  var actions: [String] {
    requests.map { r in r.formParameters["Action"] ?? "S3:\(r.method)" }
  }

  func inject(_ fault: Fault, times: Int, action: String? = nil) {
    lock.withLock { faults.append((action, fault, times)) }
  }

  /// Adds a stack as if deployed before.
  @discardableResult
  func addStack(
    _ name: String, status: String, template: String = "{\"Resources\": {}}",
    parameters: [(String, String)] = [], outputs: [(String, String)] = [],
    tags: [(String, String)] = [], resources: [(String, String)] = []
  ) -> String {
    lock.withLock {
      let s = Stack(id: stackARN(name), name: name, status: status)
      s.template = template
      s.parameters = parameters
      s.outputs = outputs
      s.tags = tags
      s.resources = resources.map {
        Resource(
          logicalID: $0.0, type: $0.1, physicalID: "\($0.0.lowercased())-1",
          status: "CREATE_COMPLETE")
      }
      addEvent(s, s.name, "AWS::CloudFormation::Stack", status, nil)
      stacks.append(s)
      return s.id
    }
  }

  /// Changes a stack's status, as an operation elsewhere would.
  func setStatus(_ name: String, _ status: String) {
    lock.withLock {
      guard let s = stacks.last(where: { $0.name == name && !$0.deleted }) else { return }
      s.status = status
      addEvent(s, s.name, "AWS::CloudFormation::Stack", status, nil)
    }
  }

  func stack(_ name: String) -> Stack? {
    lock.withLock { stacks.last { $0.name == name && !$0.deleted } }
  }

  func object(bucket: String, key: String) -> Data? {
    lock.withLock { objects["\(bucket)/\(key)"] }
  }

  func putObject(bucket: String, key: String, _ data: Data) {
    lock.withLock { objects["\(bucket)/\(key)"] = data }
  }

  /// A client that sends everything here; the endpoint is 127.0.0.1 and no sleep is real.
  func client() -> AWSClient {
    AWSClient(
      region: region,
      credentials: StaticCredentialProvider(
        AWSCredentials(accessKeyID: "AKIDFAKE", secretAccessKey: "fake-secret-not-real")),
      transport: self,
      endpoints: EndpointResolver(endpointURL: URL(string: "http://127.0.0.1:9")!),
      retryPolicy: RetryPolicy(maxAttempts: 4, random: { 0 }, sleep: { _ in }))
  }

  /// The bootstrap stack, as `stack bootstrap` leaves it.
  func bootstrap() {
    addStack(
      BootstrapTemplate.stackName, status: "CREATE_COMPLETE", template: BootstrapTemplate.text,
      outputs: [
        (BootstrapTemplate.bucketOutput, bucket), (BootstrapTemplate.versionOutput, "1"),
      ])
  }

  var bucket: String { "stackkit-assets-\(account)-\(region)" }

  // MARK: - Transport

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    try lock.withLock { () throws -> HTTPResponse in
      log.append(request)
      let action = request.formParameters["Action"]
      if let i = faults.firstIndex(where: {
        $0.remaining > 0 && ($0.action == nil || $0.action == action)
      }) {
        faults[i].remaining -= 1
        switch faults[i].fault {
        case .throttle:
          return error(400, "Throttling", "Rate exceeded")
        case .serverError:
          return error(500, "InternalFailure", "We encountered an internal error")
        case .dropConnection:
          throw HTTPTransportError(
            .connectionLost, url: request.url, message: "connection reset by peer")
        case .htmlError:
          return HTTPResponse(
            status: 502, headers: ["Content-Type": "text/html"],
            text: "<html><body><h1>502 Bad Gateway</h1></body></html>")
        }
      }
      guard let action else { return s3(request) }
      let p = request.formParameters
      switch action {
      case "GetCallerIdentity":
        return ok(
          action,
          "<Account>\(account)</Account><Arn>arn:aws:iam::\(account):user/test</Arn><UserId>AIDTEST</UserId>"
        )
      case "DescribeStacks": return describeStacks(p["StackName"])
      case "DescribeStackEvents": return describeEvents(p["StackName"] ?? "")
      case "DescribeStackResources": return describeResources(p["StackName"] ?? "")
      case "GetTemplate":
        guard let s = find(p["StackName"] ?? "") else { return notFound(p["StackName"] ?? "") }
        return ok(action, "<TemplateBody>\(xml(s.template))</TemplateBody>")
      case "CreateChangeSet": return createChangeSet(p)
      case "DescribeChangeSet": return describeChangeSet(p["ChangeSetName"] ?? "")
      case "DeleteChangeSet":
        changeSets[p["ChangeSetName"] ?? ""] = nil
        return ok(action, "")
      case "ExecuteChangeSet": return executeChangeSet(p["ChangeSetName"] ?? "")
      case "DeleteStack": return deleteStack(p["StackName"] ?? "")
      case "UpdateTerminationProtection":
        guard let s = find(p["StackName"] ?? "") else { return notFound(p["StackName"] ?? "") }
        s.terminationProtection = p["EnableTerminationProtection"] == "true"
        return ok(action, "<StackId>\(s.id)</StackId>")
      default:
        return error(400, "InvalidAction", "unknown action \(action)")
      }
    }
  }

  // MARK: - CloudFormation

  private func stackARN(_ name: String) -> String {
    counter += 1
    return "arn:aws:cloudformation:\(region):\(account):stack/\(name)/id-\(counter)"
  }

  private func find(_ nameOrID: String) -> Stack? {
    if nameOrID.hasPrefix("arn:") { return stacks.first { $0.id == nameOrID } }
    return stacks.last { $0.name == nameOrID && !$0.deleted }
  }

  private func addEvent(
    _ s: Stack, _ logicalID: String, _ type: String, _ status: String, _ reason: String?
  ) {
    counter += 1
    clock = clock.addingTimeInterval(1)
    s.events.append(
      Event(
        id: "event-\(counter)", logicalID: logicalID,
        physicalID: logicalID == s.name ? s.id : "\(logicalID.lowercased())-1", type: type,
        status: status, reason: reason, time: clock))
  }

  private func play(_ s: Stack) {
    guard var steps = pendingSteps[s.id], !steps.isEmpty else { return }
    let step = steps.removeFirst()
    pendingSteps[s.id] = steps
    for e in step.events {
      addEvent(s, e.logicalID, e.type, e.status, e.reason)
      if e.logicalID != s.name {
        if let i = s.resources.firstIndex(where: { $0.logicalID == e.logicalID }) {
          s.resources[i].status = e.status
        } else {
          s.resources.append(
            Resource(
              logicalID: e.logicalID, type: e.type, physicalID: "\(e.logicalID.lowercased())-1",
              status: e.status))
        }
      }
    }
    if let status = step.stackStatus {
      s.status = status
      s.reason = step.stackReason
      addEvent(s, s.name, "AWS::CloudFormation::Stack", status, step.stackReason)
      if status == "DELETE_COMPLETE" { s.deleted = true }
    }
  }

  private func describeStacks(_ name: String?) -> HTTPResponse {
    var chosen: [Stack]
    if let name {
      guard let s = find(name) else { return notFound(name) }
      play(s)
      // Like CloudFormation: a deleted stack is found by its ARN only.
      if s.deleted && !name.hasPrefix("arn:") { return notFound(name) }
      chosen = [s]
    } else {
      chosen = stacks.filter { !$0.deleted }
    }
    var body = "<Stacks>"
    for s in chosen {
      body += "<member><StackId>\(s.id)</StackId><StackName>\(s.name)</StackName>"
      body += "<CreationTime>2023-11-14T22:13:20Z</CreationTime>"
      body += "<StackStatus>\(s.status)</StackStatus>"
      if let r = s.reason { body += "<StackStatusReason>\(xml(r))</StackStatusReason>" }
      body += "<Parameters>"
      for (k, v) in s.parameters {
        body +=
          "<member><ParameterKey>\(k)</ParameterKey><ParameterValue>\(xml(v))</ParameterValue></member>"
      }
      body += "</Parameters><Outputs>"
      for (k, v) in s.outputs {
        body += "<member><OutputKey>\(k)</OutputKey><OutputValue>\(xml(v))</OutputValue></member>"
      }
      body += "</Outputs><Tags>"
      for (k, v) in s.tags {
        body += "<member><Key>\(xml(k))</Key><Value>\(xml(v))</Value></member>"
      }
      body +=
        "</Tags><EnableTerminationProtection>\(s.terminationProtection)</EnableTerminationProtection></member>"
    }
    body += "</Stacks>"
    return ok("DescribeStacks", body)
  }

  private func describeEvents(_ name: String) -> HTTPResponse {
    guard let s = find(name) else { return notFound(name) }
    var body = "<StackEvents>"
    for e in s.events.reversed() {
      body +=
        "<member><EventId>\(e.id)</EventId><StackId>\(s.id)</StackId><StackName>\(s.name)</StackName>"
      body +=
        "<LogicalResourceId>\(e.logicalID)</LogicalResourceId><PhysicalResourceId>\(xml(e.physicalID))</PhysicalResourceId>"
      body += "<ResourceType>\(e.type)</ResourceType><Timestamp>\(Self.iso(e.time))</Timestamp>"
      body += "<ResourceStatus>\(e.status)</ResourceStatus>"
      if let r = e.reason { body += "<ResourceStatusReason>\(xml(r))</ResourceStatusReason>" }
      body += "</member>"
    }
    body += "</StackEvents>"
    return ok("DescribeStackEvents", body)
  }

  private func describeResources(_ name: String) -> HTTPResponse {
    guard let s = find(name) else { return notFound(name) }
    var body = "<StackResources>"
    for r in s.resources {
      body += "<member><StackName>\(s.name)</StackName><StackId>\(s.id)</StackId>"
      body +=
        "<LogicalResourceId>\(r.logicalID)</LogicalResourceId><PhysicalResourceId>\(r.physicalID)</PhysicalResourceId>"
      body += "<ResourceType>\(r.type)</ResourceType><Timestamp>2023-11-14T22:13:20Z</Timestamp>"
      body += "<ResourceStatus>\(r.status)</ResourceStatus></member>"
    }
    body += "</StackResources>"
    return ok("DescribeStackResources", body)
  }

  private func createChangeSet(_ p: [String: String]) -> HTTPResponse {
    let name = p["StackName"] ?? ""
    guard let type = p["ChangeSetType"] else {
      return error(400, "ValidationError", "ChangeSetType is required by this fake, as by moto")
    }
    var template = p["TemplateBody"] ?? ""
    if let url = p["TemplateURL"] {
      let path = URL(string: url)?.path ?? ""
      let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
      guard parts.count == 2, let data = objects["\(parts[0])/\(parts[1])"] else {
        return error(400, "ValidationError", "TemplateURL must reference a valid S3 object")
      }
      template = String(decoding: data, as: UTF8.self)
    }
    if template.contains("\"Bogus::") {
      return error(
        400, "ValidationError", "Template format error: Unrecognized resource types: [Bogus::Thing]"
      )
    }
    var stack: Stack
    if type == "CREATE" {
      if let existing = find(name), existing.status != "REVIEW_IN_PROGRESS" {
        return error(400, "AlreadyExistsException", "Stack [\(name)] already exists")
      }
      stack = Stack(id: stackARN(name), name: name, status: "REVIEW_IN_PROGRESS")
      addEvent(stack, name, "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated")
      stacks.append(stack)
    } else {
      guard let existing = find(name) else { return notFound(name) }
      stack = existing
    }
    var parameters: [(String, String)] = []
    var i = 1
    while let key = p["Parameters.member.\(i).ParameterKey"] {
      if p["Parameters.member.\(i).UsePreviousValue"] == "true" {
        parameters.append((key, stack.parameters.first { $0.0 == key }?.1 ?? ""))
      } else {
        parameters.append((key, p["Parameters.member.\(i).ParameterValue"] ?? ""))
      }
      i += 1
    }
    var tags: [(String, String)] = []
    var t = 1
    while let key = p["Tags.member.\(t).Key"] {
      tags.append((key, p["Tags.member.\(t).Value"] ?? ""))
      t += 1
    }
    counter += 1
    let id =
      "arn:aws:cloudformation:\(region):\(account):changeSet/\(p["ChangeSetName"] ?? "")/cs-\(counter)"
    var status = "CREATE_COMPLETE"
    var reason: String?
    if let failure = changeSetFailure {
      status = "FAILED"
      reason = failure
    } else if type == "UPDATE"
      && (emptyChangeSets
        || (stack.template == template
          && stack.parameters.map { "\($0.0)=\($0.1)" } == parameters.map { "\($0.0)=\($0.1)" }))
    {
      status = "FAILED"
      reason =
        "The submitted information didn't contain changes. Submit different information to create a change set."
    }
    changeSets[id] = ChangeSet(
      id: id, name: p["ChangeSetName"] ?? "", stackID: stack.id, type: type, template: template,
      parameters: parameters, tags: tags, status: status, reason: reason)
    return ok("CreateChangeSet", "<Id>\(id)</Id><StackId>\(stack.id)</StackId>")
  }

  private func describeChangeSet(_ id: String) -> HTTPResponse {
    guard let cs = changeSets[id], let s = find(cs.stackID) else {
      return error(404, "ChangeSetNotFound", "ChangeSet [\(id)] does not exist")
    }
    var body = "<ChangeSetName>\(cs.name)</ChangeSetName><ChangeSetId>\(cs.id)</ChangeSetId>"
    body +=
      "<StackId>\(s.id)</StackId><StackName>\(s.name)</StackName><Status>\(cs.status)</Status>"
    if let r = cs.reason { body += "<StatusReason>\(xml(r))</StatusReason>" }
    body +=
      "<ExecutionStatus>\(cs.status == "FAILED" ? "UNAVAILABLE" : "AVAILABLE")</ExecutionStatus><Changes>"
    let old = (try? TemplateReader.read(s.template))?["Resources"]?.objectValue ?? JSONObject()
    let new = (try? TemplateReader.read(cs.template))?["Resources"]?.objectValue ?? JSONObject()
    for (id, r) in new {
      let action = old[id] == nil ? "Add" : (old[id] == r ? nil : "Modify")
      guard let action else { continue }
      body += "<member><Type>Resource</Type><ResourceChange><Action>\(action)</Action>"
      body +=
        "<LogicalResourceId>\(id)</LogicalResourceId><ResourceType>\(r["Type"]?.stringValue ?? "")</ResourceType>"
      if action == "Modify" { body += "<Replacement>False</Replacement>" }
      body += "</ResourceChange></member>"
    }
    for (id, r) in old where new[id] == nil {
      body += "<member><Type>Resource</Type><ResourceChange><Action>Remove</Action>"
      body +=
        "<LogicalResourceId>\(id)</LogicalResourceId><ResourceType>\(r["Type"]?.stringValue ?? "")</ResourceType>"
      body += "</ResourceChange></member>"
    }
    body += "</Changes>"
    return ok("DescribeChangeSet", body)
  }

  private func executeChangeSet(_ id: String) -> HTTPResponse {
    guard let cs = changeSets[id], let s = find(cs.stackID) else {
      return error(404, "ChangeSetNotFound", "ChangeSet [\(id)] does not exist")
    }
    guard cs.status == "CREATE_COMPLETE" else {
      return error(
        400, "InvalidChangeSetStatus",
        "ChangeSet [\(id)] cannot be executed in its current status of [\(cs.status)]")
    }
    changeSets[id] = nil
    let previousTemplate = s.template
    s.template = cs.template
    s.parameters = cs.parameters
    let inProgress = cs.type == "CREATE" ? "CREATE_IN_PROGRESS" : "UPDATE_IN_PROGRESS"
    s.status = inProgress
    addEvent(s, s.name, "AWS::CloudFormation::Stack", inProgress, "User Initiated")
    var steps = onExecute?(s.name, cs.type) ?? []
    if steps.isEmpty {
      // Complete at once: every resource of the template, then the stack.
      let resources =
        (try? TemplateReader.read(cs.template))?["Resources"]?.objectValue ?? JSONObject()
      let verb = cs.type == "CREATE" ? "CREATE" : "UPDATE"
      let old =
        (try? TemplateReader.read(previousTemplate))?["Resources"]?.objectValue ?? JSONObject()
      var events: [(logicalID: String, type: String, status: String, reason: String?)] = []
      for (id, r) in resources where old[id] != r {
        let type = r["Type"]?.stringValue ?? ""
        let v = old[id] == nil ? "CREATE" : verb
        events.append((id, type, "\(v)_IN_PROGRESS", nil))
        events.append((id, type, "\(v)_COMPLETE", nil))
      }
      steps = [Step(events: events, stackStatus: "\(verb)_COMPLETE")]
    }
    s.tags = cs.tags
    // Outputs as the template says: literals as they are, a Ref as the physical ID.
    s.outputs = []
    for (key, output) in (try? TemplateReader.read(cs.template))?["Outputs"]?.objectValue
      ?? JSONObject()
    {
      if let literal = output["Value"]?.stringValue {
        s.outputs.append((key, literal))
      } else if let ref = output["Value"]?["Ref"]?.stringValue {
        // A named bucket's Ref is its name (Fn::Sub of the pseudo parameters); others made up.
        let resources = (try? TemplateReader.read(cs.template))?["Resources"]
        if let sub = resources?[ref]?["Properties"]?["BucketName"]?["Fn::Sub"]?.stringValue {
          s.outputs.append(
            (
              key,
              sub.replacingOccurrences(of: "${AWS::AccountId}", with: account)
                .replacingOccurrences(of: "${AWS::Region}", with: region)
            ))
        } else {
          s.outputs.append((key, "\(ref.lowercased())-1"))
        }
      } else {
        s.outputs.append((key, "value-\(counter)"))
      }
    }
    pendingSteps[s.id] = steps
    return ok("ExecuteChangeSet", "")
  }

  private func deleteStack(_ name: String) -> HTTPResponse {
    guard let s = find(name) else { return ok("DeleteStack", "") }
    s.status = "DELETE_IN_PROGRESS"
    addEvent(s, s.name, "AWS::CloudFormation::Stack", "DELETE_IN_PROGRESS", "User Initiated")
    var steps = onDelete?(s.name) ?? []
    if steps.isEmpty {
      steps = [
        Step(
          events: s.resources.flatMap {
            [
              ($0.logicalID, $0.type, "DELETE_IN_PROGRESS", nil),
              ($0.logicalID, $0.type, "DELETE_COMPLETE", nil),
            ]
          }, stackStatus: "DELETE_COMPLETE")
      ]
    }
    pendingSteps[s.id] = steps
    return ok("DeleteStack", "")
  }

  // MARK: - S3

  private func s3(_ request: HTTPRequest) -> HTTPResponse {
    let path = request.url.path
    let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      // HeadBucket.
      let exists = objects.keys.contains { $0.hasPrefix("\(parts.first ?? "")/") }
      return HTTPResponse(status: exists ? 200 : 404)
    }
    let id = "\(parts[0])/\(parts[1].removingPercentEncoding ?? parts[1])"
    switch request.method {
    case "HEAD":
      guard let data = objects[id] else { return HTTPResponse(status: 404) }
      return HTTPResponse(
        status: 200, headers: ["Content-Length": "\(data.count)", "ETag": "\"e\""])
    case "PUT":
      objects[id] = request.body
      return HTTPResponse(status: 200, headers: ["ETag": "\"e\""])
    default:
      return HTTPResponse(status: 405)
    }
  }

  // MARK: - XML

  private func ok(_ action: String, _ result: String) -> HTTPResponse {
    HTTPResponse(
      status: 200, headers: ["Content-Type": "text/xml"],
      text:
        "<\(action)Response xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
        + "<\(action)Result>\(result)</\(action)Result>"
        + "<ResponseMetadata><RequestId>req-\(counter)</RequestId></ResponseMetadata></\(action)Response>"
    )
  }

  private func error(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: ["Content-Type": "text/xml"],
      text:
        "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(xml(message))</Message>"
        + "</Error><RequestId>req-err</RequestId></ErrorResponse>")
  }

  private func notFound(_ name: String) -> HTTPResponse {
    error(400, "ValidationError", "Stack with id \(name) does not exist")
  }

  private func xml(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  static func iso(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    return f.string(from: date)
  }
}
