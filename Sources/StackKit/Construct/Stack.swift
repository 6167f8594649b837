/// A unit of deployment: one CloudFormation template and one CloudFormation stack.
///
/// ```swift
/// final class NetworkStack: Stack {
///   init(_ app: App) {
///     super.init(app, "Network", description: "Shared VPC")
///     _ = EC2.CfnVPC(self, "Vpc", cidrBlock: "10.0.0.0/16")
///   }
/// }
/// ```
open class Stack: Construct {
  /// The CloudFormation stack name; the id unless given.
  public let stackName: String
  /// The template's `Description`.
  public var templateDescription: String?
  /// The template's `Transform` entries, such as `AWS::Serverless-2016-10-31`.
  public var transforms: [String] = []
  /// The template's `Metadata` section.
  public var templateMetadata: [(String, Value)] = []
  /// Where the stack deploys; unset account or region means "wherever the credentials point".
  public var environment: Environment
  /// Protects the deployed stack from deletion.
  public var terminationProtection: Bool
  /// Stack-level tags, applied by CloudFormation to every resource that supports tags. Tags of
  /// `Tags.of(stack)` (or of a scope above) join them in the manifest, over these unless their
  /// priority is below 50.
  public var tags: [(String, String)]
  private(set) var stackDependencies: [(stack: Stack, reason: String)] = []

  public init(
    _ scope: Construct, _ id: String, stackName: String? = nil, description: String? = nil,
    environment: Environment = Environment(), terminationProtection: Bool = false,
    tags: [(String, String)] = []
  ) {
    self.stackName = stackName ?? id
    self.templateDescription = description
    self.environment = environment
    self.terminationProtection = terminationProtection
    self.tags = tags
    super.init(scope, id)
  }

  /// The stack that contains a construct (the construct itself if it is a stack).
  public static func find(_ construct: Construct) -> Stack? {
    var current: Construct? = construct
    while let c = current {
      if let s = c as? Stack { return s }
      current = c.node.scope
    }
    return nil
  }

  /// The stack that contains a construct; `nil` for a construct outside every stack.
  public static func of(_ construct: Construct) -> Stack? { find(construct) }

  /// The artifact id in the cloud assembly: the construct path with `/` removed, as CDK names
  /// nested stage artifacts; for a stack directly under the app this is its id.
  public var artifactID: String {
    node.scopes.dropFirst().map { LogicalID.removeNonAlphanumeric($0.node.id) }.joined(
      separator: "-")
  }

  /// The file name of the template for a format.
  public func templateFile(format: TemplateFormat) -> String {
    "\(artifactID).template.\(format.fileExtension)"
  }

  /// Allocates the logical ID of an element from its path below this stack, with AWS CDK's
  /// algorithm. Override to customize naming for a whole stack.
  open func allocateLogicalID(for element: CfnElement) -> String {
    let scopes = element.node.scopes
    guard let index = scopes.firstIndex(where: { $0 === self }) else {
      return LogicalID.make(components: [element.node.id])
    }
    return LogicalID.make(components: scopes[(index + 1)...].map(\.node.id))
  }

  /// Deploys `other` before this stack.
  public func addDependency(_ other: Stack, reason: String = "explicit dependency") {
    guard other !== self, !stackDependencies.contains(where: { $0.stack === other }) else { return }
    stackDependencies.append((other, reason))
  }

  /// The stacks this one deploys after.
  public var dependencies: [Stack] { stackDependencies.map(\.stack) }

  /// `AWS::Region` for a stack without a fixed region, else the region.
  public var region: Value { environment.region.map(Value.string) ?? .pseudo(.region) }
  /// `AWS::AccountId` for a stack without a fixed account, else the account.
  public var account: Value { environment.account.map(Value.string) ?? .pseudo(.accountID) }
  /// `AWS::Partition`.
  public var partition: Value { .pseudo(.partition) }
  /// `AWS::URLSuffix`.
  public var urlSuffix: Value { .pseudo(.urlSuffix) }

  open override func validate() -> [String] {
    var problems = super.validate()
    let valid =
      !stackName.isEmpty && stackName.utf8.count <= 128
      && stackName.utf8.first.map { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } == true
      && stackName.utf8.allSatisfy {
        ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) || $0 == 0x2D
      }
    if !valid {
      problems.append(
        "the stack name \"\(stackName)\" is not one CloudFormation accepts. Use 1 to 128 letters, digits and hyphens, starting with a letter."
      )
    }
    if let nested = node.scopes.dropLast().first(where: { $0 is Stack }) {
      problems.append(
        "this stack is inside the stack \(nested.node.path); nested stacks are not supported. Create it under the App."
      )
    }
    return problems
  }
}

/// The account and region a stack deploys to.
public struct Environment: Sendable, Hashable, Codable {
  public var account: String?
  public var region: String?

  public init(account: String? = nil, region: String? = nil) {
    self.account = account
    self.region = region
  }
}

/// The text format templates are written in.
public enum TemplateFormat: String, Sendable, CaseIterable, Codable {
  case yaml
  case json

  public var fileExtension: String { rawValue }
}
