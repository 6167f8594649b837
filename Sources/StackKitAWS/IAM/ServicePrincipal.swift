import StackKit

extension IAM {
  /// An AWS service, such as `lambda.amazonaws.com`: `{"Service": "lambda.amazonaws.com"}`.
  ///
  /// As AWS CDK does, a bare or suffixed name is standardized to `<service>.amazonaws.com`:
  /// `"lambda"`, `"lambda.amazonaws.com"` and `"lambda.amazonaws.com.cn"` all render as
  /// `lambda.amazonaws.com`.
  ///
  /// ```swift
  /// let role = IAM.Role(stack, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
  /// ```
  public struct ServicePrincipal: IAM.Principal {
    /// The service as given.
    public let service: String
    /// Conditions that go with the principal.
    public let conditions: [(String, Value)]

    public init(_ service: String, conditions: [(String, Value)] = []) {
      self.service = service
      self.conditions = conditions
    }

    /// The name the principal renders with.
    public var standardizedName: String { Self.standardize(service) }

    public var policyFragment: IAM.PrincipalPolicyFragment {
      IAM.PrincipalPolicyFragment(
        principalJSON: [("Service", [.string(standardizedName)])], conditions: conditions)
    }

    /// `^([^.]+)(\.amazonaws\.com(\.cn)?|\.c2s\.ic\.gov|\.sc2s\.sgov\.gov)?$`
    /// → `$1.amazonaws.com`,
    /// as AWS CDK standardizes service principals.
    static func standardize(_ service: String) -> String {
      let suffixes = [".amazonaws.com.cn", ".amazonaws.com", ".c2s.ic.gov", ".sc2s.sgov.gov"]
      var head = service
      for suffix in suffixes where service.hasSuffix(suffix) {
        head = String(service.dropLast(suffix.count))
        break
      }
      guard !head.isEmpty, !head.contains(".") else { return service }
      return head + ".amazonaws.com"
    }
  }
}
