extension ReplacementRules {
  /// The create-only properties of every resource type StackKit has L1 types for, from the
  /// CloudFormation registry schemas (generated into ``ResourceSpecs``).
  public static let standard = ReplacementRules(
    createOnlyProperties: ResourceSpecs.createOnlyProperties)
}
