/// A two-level lookup table in the template's `Mappings` section.
///
/// ```swift
/// let amis = CfnMapping(stack, "Amis", mapping: ["eu-west-1": ["ami": "ami-123"]])
/// let ami = amis.find(Pseudo.region.cfnValue, "ami")
/// ```
public final class CfnMapping: CfnElement {
  public var mapping: [(String, [(String, Value)])]

  public init(
    _ scope: Construct, _ id: String, mapping: KeyValuePairs<String, KeyValuePairs<String, Value>>
  ) {
    self.mapping = mapping.map { ($0.key, $0.value.map { ($0.key, $0.value) }) }
    super.init(scope, id)
  }

  /// `Fn::FindInMap` on this mapping.
  public func find(_ topLevelKey: Value, _ secondLevelKey: Value) -> Value {
    .findInMap(self, topLevelKey, secondLevelKey)
  }

  public override var cfnSection: TemplateSection { .mappings }

  public override func cfnRender(_ resolver: inout Resolver) -> JSON {
    resolver.resolve(.object(mapping.map { ($0.0, Value.object($0.1)) }), at: "Mapping") ?? .null
  }
}
