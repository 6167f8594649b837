extension SwiftRenderer {
  /// `StackToolkit/Generated/ResourceSpecs.swift`: the create-only properties of every generated
  /// resource type, as data for `stack diff` (which cannot import StackKitAWS).
  public static func resourceSpecsFile(_ models: [ResourceModel]) -> String {
    var w = Writer()
    w.raw(header(source: "schemas/*.json"))
    w.doc([
      "What the CloudFormation registry schemas say about updates of the resource types StackKit "
        + "generates L1 types for: which property changes replace the resource.",
      "",
      "Property paths are below `Properties`, `/` separated (`DnsOptions/PrivateDnsPreference`).",
      "",
      "```swift",
      "ResourceSpecs.createOnlyProperties[\"AWS::EC2::VPC\"]  // [\"CidrBlock\", …]",
      "```",
    ])
    w.line("package enum ResourceSpecs {")
    w.indent()
    table(
      "createOnlyProperties", doc: "Resource type → properties whose change replaces the resource.",
      models.map { ($0.typeName, $0.createOnlyProperties) }, &w)
    w.blank()
    table(
      "conditionalCreateOnlyProperties",
      doc: "Resource type → properties whose change may replace the resource, depending on the "
        + "change (`conditionalCreateOnlyProperties` in the schema).",
      models.map { ($0.typeName, $0.conditionalCreateOnlyProperties) }.filter { !$0.1.isEmpty },
      &w)
    w.dedent()
    w.line("}")
    return w.text
  }

  private static func table(
    _ name: String, doc: String, _ entries: [(String, [String])], _ w: inout Writer
  ) {
    w.doc([doc])
    if entries.isEmpty {
      w.line("package static let \(name): [String: [String]] = [:]")
      return
    }
    w.line("package static let \(name): [String: [String]] = [")
    w.indent()
    for (typeName, paths) in entries.sorted(by: { $0.0 < $1.0 }) {
      w.stringArray(literal(typeName) + ": ", paths)
      // stringArray writes no trailing comma: add it to the last line written.
      w.appendToLastLine(",")
    }
    w.dedent()
    w.line("]")
  }
}
