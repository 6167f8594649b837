/// A stack output, optionally exported for other stacks to import.
///
/// ```swift
/// CfnOutput(stack, "BucketName", value: bucket.ref, exportName: "shared-bucket")
/// ```
public final class CfnOutput: CfnElement {
  public var value: Value
  public var description: String?
  public var exportName: Value?
  public var condition: CfnCondition?

  public init(
    _ scope: Construct, _ id: String, value: Value, description: String? = nil,
    exportName: Value? = nil, condition: CfnCondition? = nil
  ) {
    self.value = value
    self.description = description
    self.exportName = exportName
    self.condition = condition
    super.init(scope, id)
  }

  public override var cfnSection: TemplateSection { .outputs }

  public override func cfnRender(_ resolver: inout Resolver) -> JSON {
    var o = JSONObject()
    if let description { o["Description"] = .string(description) }
    o["Value"] = resolver.resolve(value, at: "Value") ?? .string("")
    if let exportName, let name = resolver.resolve(exportName, at: "Export.Name") {
      o["Export"] = .object(JSONObject([("Name", name)]))
    }
    if let condition { o["Condition"] = .string(resolver.logicalID(of: condition)) }
    return .object(o)
  }
}
