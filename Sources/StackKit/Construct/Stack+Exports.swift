/// Exports: the outputs through which other stacks read this stack's values, named exactly as
/// AWS CDK names them (`stack.ts` `exportValue`, `private/refs.ts`).
///
/// A reference from another stack of the same app (`.ref(bucket)`, `.getAtt(queue, "Arn")`, or
/// either inside a join or a sub) makes synthesis create, under the construct `Exports` of this
/// stack, one output per referenced value:
///
/// ```yaml
/// ExportsOutputFnGetAttQueueArn042C0F02:
///   Value: !GetAtt Queue.Arn
///   Export:
///     Name: Producer:ExportsOutputFnGetAttQueueArn042C0F02
/// ```
///
/// and the consuming stack reads it with `Fn::ImportValue` of that name and deploys after this one.
extension Stack {
  /// The id of the child construct that holds the automatic exports.
  static let exportsScopeID = "Exports"
  /// CloudFormation's limit on the length of an export name.
  static let maxExportNameLength = 255

  /// Exports a value of this stack for other stacks and returns the `Fn::ImportValue` that reads
  /// it, as AWS CDK's `Stack.exportValue` does.
  ///
  /// Synthesis already exports every value another stack refers to; call this to keep an export
  /// while you remove its last consumer (CloudFormation refuses to delete an export in use, so
  /// remove the consumer first, deploy, then remove this call). Without `name`, the value must be
  /// a `Ref` or `Fn::GetAtt` of an element of this stack and gets the name CDK would give it.
  ///
  /// ```swift
  /// // {"Fn::ImportValue": "Producer:ExportsOutputFnGetAttBucketArn436138FE"}
  /// let arn = producer.exportValue(bucket.getAtt("Arn"))
  /// producer.exportValue(topic.ref, name: "shared-topic")
  /// ```
  @discardableResult
  public func exportValue(_ value: Value, name: String? = nil, description: String? = nil)
    -> Value
  {
    if let name {
      _ = CfnOutput(
        self, "Export\(name)", value: value, description: description,
        exportName: .string(name))
      return .importValue(.string(name))
    }
    let target: CfnElement
    let attribute: String?
    switch value {
    case .ref(let element): (target, attribute) = (element, nil)
    case .getAtt(let element, let name): (target, attribute) = (element, name)
    default:
      node.addValidation {
        [
          "exportValue was given a value that is neither a Ref nor a GetAtt. Give it a name (exportValue(value, name: \"...\")) or export a resource attribute, such as bucket.ref or bucket.getAtt(\"Arn\")."
        ]
      }
      return value
    }
    guard target.stack === self else {
      node.addValidation { [target] in
        [
          "exportValue was given a reference to \(target.node.path), which is not an element of this stack. Export it from its own stack, \(target.stack?.node.path ?? "<none>")."
        ]
      }
      return value
    }
    let exported = exportOutput(for: target, attribute: attribute, description: description)
    // The export's name was made from the target's logical ID as it is now.
    let logicalID = target.logicalID
    node.addValidation { [target] in
      target.logicalID == logicalID
        ? []
        : [
          "the logical ID of \(target.node.path) was overridden after exportValue named its export after \(logicalID). Call overrideLogicalID before exportValue."
        ]
    }
    return .importValue(.string(exported.exportName))
  }

  /// The output id and export name CDK gives the export of `Ref` (no attribute) or `Fn::GetAtt`
  /// of the element with `logicalID`: the id is `Output` and the value as compact JSON; the name
  /// is the stack name, `:`, and the unique ID of `Exports/<id>`, cut from the left to 255
  /// characters.
  static func exportIdentity(stackName: String, logicalID: String, attribute: String?)
    -> (outputID: String, exportName: String)
  {
    let exportable: JSON =
      if let attribute {
        .object(JSONObject([("Fn::GetAtt", .array([.string(logicalID), .string(attribute)]))]))
      } else {
        .object(JSONObject([("Ref", .string(logicalID))]))
      }
    // A construct id cannot hold the path separator; the constructs library turns it into "--".
    let outputID = ("Output" + JSONWriter(indent: nil).write(exportable))
      .split(separator: "/", omittingEmptySubsequences: false).joined(separator: "--")
    let prefix = stackName + ":"
    let localPart = LogicalID.make(components: [exportsScopeID, outputID])
    let room = max(0, maxExportNameLength - prefix.utf8.count)
    return (outputID, prefix + String(localPart.suffix(room)))
  }

  /// Finds or creates the output under `Exports` that exports `Ref`/`Fn::GetAtt` of `target`.
  /// `created` is false when it already existed: every use of one value shares one export.
  @discardableResult
  func exportOutput(for target: CfnElement, attribute: String?, description: String? = nil)
    -> (exportName: String, created: Bool)
  {
    let (outputID, exportName) = Self.exportIdentity(
      stackName: stackName, logicalID: target.logicalID, attribute: attribute)
    let scope = node.tryFindChild(Self.exportsScopeID) ?? Construct(self, Self.exportsScopeID)
    if scope.node.tryFindChild(outputID) != nil { return (exportName, false) }
    let value: Value = attribute.map { .getAtt(target, $0) } ?? .ref(target)
    _ = CfnOutput(
      scope, outputID, value: value, description: description, exportName: .string(exportName))
    return (exportName, true)
  }
}
