/// An entry of a template section: a resource, parameter, condition, mapping, rule or output.
///
/// Its logical ID comes from its path below the stack, exactly as AWS CDK computes it, unless
/// ``overrideLogicalID(_:)`` sets one.
open class CfnElement: Construct {
  /// The stack this element belongs to; `nil` only when it was created outside any stack, which
  /// synthesis reports.
  public let stack: Stack?
  private var logicalIDOverride: String?
  private var cachedLogicalID: String?

  public override init(_ scope: Construct, _ id: String) {
    stack = Stack.find(scope)
    super.init(scope, id)
  }

  /// The logical ID in the template.
  public var logicalID: String {
    if let logicalIDOverride { return logicalIDOverride }
    if let cachedLogicalID { return cachedLogicalID }
    let allocated = stack?.allocateLogicalID(for: self) ?? LogicalID.make(components: [node.id])
    cachedLogicalID = allocated
    return allocated
  }

  /// Replaces the computed logical ID, for example to keep a resource that was deployed under
  /// another name.
  public func overrideLogicalID(_ newLogicalID: String) {
    logicalIDOverride = newLogicalID
  }

  /// True when ``overrideLogicalID(_:)`` was used.
  public var hasLogicalIDOverride: Bool { logicalIDOverride != nil }

  /// `{"Ref": logicalID}`.
  public var ref: Value { .ref(self) }

  /// The template section this element goes in.
  open var cfnSection: TemplateSection { .resources }

  /// False leaves the element out of the template (and out of other resources' `DependsOn`), as
  /// AWS CDK's `shouldSynthesize` does: an IAM policy that never received a statement, for example.
  /// Evaluated at synthesis, after every construct exists.
  open var shouldSynthesize: Bool { true }

  /// Renders the element's entry, resolving values through `resolver`.
  open func cfnRender(_ resolver: inout Resolver) -> JSON { .object(JSONObject()) }

  open override func validate() -> [String] {
    var problems = super.validate()
    if stack == nil {
      problems.append(
        "\(type(of: self)) is not inside a Stack. Create it with a Stack (or a construct in one) as its scope."
      )
    }
    return problems
  }
}

/// The sections of a template, in CloudFormation's anatomy order.
public enum TemplateSection: String, Sendable, CaseIterable, Comparable {
  case parameters = "Parameters"
  case rules = "Rules"
  case mappings = "Mappings"
  case conditions = "Conditions"
  case resources = "Resources"
  case outputs = "Outputs"

  public static func < (a: TemplateSection, b: TemplateSection) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
