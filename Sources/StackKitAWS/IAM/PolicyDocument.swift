import StackKit

extension IAM {
  /// A policy document: statements and `"Version": "2012-10-17"`.
  ///
  /// A reference type, because policies grow after they are created (a grant adds a statement to
  /// a role's default policy long after the role exists); it renders at synthesis, through
  /// `Value.lazy`, with the statements it has then. As AWS CDK does with default feature flags,
  /// statements are not merged, and a statement that renders exactly like an earlier one is left
  /// out. An empty document renders as nothing (the property is left out).
  ///
  /// ```swift
  /// let document = IAM.PolicyDocument(statements: [
  ///   IAM.PolicyStatement(actions: ["s3:GetObject"], resources: ["arn:aws:s3:::bucket/*"])
  /// ])
  /// document.addStatements(IAM.PolicyStatement(actions: ["s3:ListBucket"], resources: ["*"]))
  /// ```
  public final class PolicyDocument: ValueConvertible {
    /// The statements, in the order they were added.
    public private(set) var statements: [PolicyStatement]
    /// Gives every statement without a `Sid` its index as `Sid`, as CDK's `assignSids` does.
    public let assignSids: Bool

    public init(statements: [PolicyStatement] = [], assignSids: Bool = false) {
      self.statements = statements
      self.assignSids = assignSids
    }

    /// Adds statements at the end.
    public func addStatements(_ statements: PolicyStatement...) { addStatements(statements) }

    /// Adds statements at the end.
    public func addStatements(_ statements: [PolicyStatement]) {
      self.statements.append(contentsOf: statements)
    }

    /// Changes a statement already in the document, for example to add a principal to it.
    ///
    /// ```swift
    /// document.updateStatement(at: 0) { $0.addPrincipals(otherRole) }
    /// ```
    public func updateStatement(at index: Int, _ change: (inout PolicyStatement) -> Void) {
      change(&statements[index])
    }

    /// True when there is no statement.
    public var isEmpty: Bool { statements.isEmpty }

    /// The number of statements.
    public var statementCount: Int { statements.count }

    /// The document as it renders now; `nil` when empty.
    public func render() -> Value? {
      if statements.isEmpty { return nil }
      var seen = Set<String>()
      var rendered: [Value] = []
      for statement in statements {
        let json = statement.toJSON()
        if seen.insert(ValueIdentity.key(json)).inserted { rendered.append(json) }
      }
      if assignSids {
        rendered = rendered.enumerated().map { index, json in
          guard case .object(var pairs) = json, !pairs.contains(where: { $0.0 == "Sid" }) else {
            return json
          }
          pairs.append(("Sid", .string(String(index))))
          return .object(pairs)
        }
      }
      return .object([("Statement", .list(rendered)), ("Version", "2012-10-17")])
    }

    /// The document, rendered at synthesis; left out when it is still empty then.
    public var cfnValue: Value { .lazy(Lazy(optional: { [self] in self.render() })) }

    /// Problems of every statement.
    public func validateForAnyPolicy() -> [String] {
      statements.flatMap { $0.validateForAnyPolicy() }
    }

    /// Problems of the statements as a resource policy.
    public func validateForResourcePolicy(skipResourceValidation: Bool = false) -> [String] {
      statements.flatMap {
        $0.validateForResourcePolicy(skipResourceValidation: skipResourceValidation)
      }
    }

    /// Problems of the statements as a trust policy.
    public func validateForTrustPolicy() -> [String] {
      statements.flatMap { $0.validateForTrustPolicy() }
    }

    /// Problems of the statements as an identity policy.
    public func validateForIdentityPolicy() -> [String] {
      statements.flatMap { $0.validateForIdentityPolicy() }
    }
  }
}
