import StackKit

/// Decides whether policy statements of a template apply to a request: the action (wildcards and
/// `NotAction`), the resource (ARN patterns, `NotResource`), the principal of a resource policy,
/// and the condition (see ``PolicyContext``).
///
/// ```swift
/// let evaluator = PolicyEvaluator(inventory: inventory)
/// evaluator.outcome(statement, action: "kms:Decrypt", resource: key.arn, context: context)
/// ```
public struct PolicyEvaluator: Sendable {
  /// How a resource or key policy statement's principal relates to a role.
  public enum PrincipalMatch: Sendable, Hashable {
    /// The role itself (its ARN or unique id).
    case role
    /// `"*"`: anyone.
    case everyone
    /// The role's account (`arn:…:root` or an account id): the account's IAM policies decide.
    case account
    case none
  }

  public let inventory: AccessInventory

  public init(inventory: AccessInventory) {
    self.inventory = inventory
  }

  /// Whether the statement covers `action` on `resource` and its condition holds; `.notMet` when
  /// the action or resource does not match. Principals are not looked at.
  public func outcome(
    _ statement: PolicyStatement, action: String, resource: String, context: PolicyContext
  ) -> PolicyContext.Outcome {
    guard statement.covers(action: action), resourceMatches(statement, arn: resource) else {
      return .notMet
    }
    return context.evaluate(statement.condition)
  }

  /// True when the statement's `Resource` (or `NotResource`) takes in `arn`.
  public func resourceMatches(_ statement: PolicyStatement, arn: String) -> Bool {
    let matches = { (values: [JSON]) in
      values.contains {
        PolicyPattern.like(inventory.resolve(IntrinsicText.render($0))).matches(arn)
      }
    }
    if let resources = statement.resources { return matches(resources) }
    if let notResources = statement.notResources { return !matches(notResources) }
    return true
  }

  /// How the statement's `Principal` (or `NotPrincipal`) relates to `role`.
  public func principalMatch(_ statement: PolicyStatement, role: AccessInventory.Role)
    -> PrincipalMatch
  {
    if let principal = statement.principal { return match(principal, role: role) }
    if let excluded = statement.notPrincipal {
      return match(excluded, role: role) == .none ? .everyone : .none
    }
    return .none
  }

  private func match(_ principal: JSON, role: AccessInventory.Role) -> PrincipalMatch {
    var texts: [String] = []
    if let text = principal.stringValue {
      texts = [text]
    } else if let aws = principal["AWS"] {
      texts = AccessInventory.principalTexts(.object(JSONObject([("AWS", aws)])))
    }
    var best = PrincipalMatch.none
    for text in texts {
      if text == "*" {
        if best != .role { best = .everyone }
        continue
      }
      let resolved = inventory.resolve(text)
      if PolicyPattern.exact(resolved).matches(role.arn) { return .role }
      if best == .none && Self.isAccount(resolved) { best = .account }
    }
    return best
  }

  /// True for `arn:…:iam::ACCOUNT:root`, a 12-digit account id, or `${AWS::AccountId}`.
  /// Accounts are taken to be the stack's own, which the template alone cannot tell apart.
  static func isAccount(_ text: String) -> Bool {
    let text = text.replacingOccurrences(of: "${AWS::AccountId}", with: "000000000000")
      .replacingOccurrences(of: "${AWS::Partition}", with: "aws")
    if text.count == 12 && text.allSatisfy(\.isNumber) { return true }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    return parts.count == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[5] == "root"
  }

  /// True when the principal is `"*"` (anyone, in any account).
  static func isEveryone(_ principal: JSON?) -> Bool {
    guard let principal else { return false }
    if principal.stringValue == "*" { return true }
    return AccessInventory.principalTexts(
      principal["AWS"].map { .object(JSONObject([("AWS", $0)])) }
    )
    .contains("*")
  }
}
