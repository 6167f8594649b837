import StackKit

extension IAM {
  /// Several principals as one: they merge in a statement's `Principal`, and a role assumed by a
  /// composite principal trusts each of them with its own statement, as in AWS CDK.
  ///
  /// ```swift
  /// let both = IAM.CompositePrincipal(
  ///   IAM.ServicePrincipal("lambda.amazonaws.com"), IAM.ServicePrincipal("edgelambda.amazonaws.com"))
  /// ```
  public struct CompositePrincipal: IAM.Principal {
    /// The principals, in order.
    public let principals: [any IAM.Principal]

    public init(_ principals: any IAM.Principal...) { self.principals = principals }

    public init(_ principals: [any IAM.Principal]) { self.principals = principals }

    public var policyFragment: IAM.PrincipalPolicyFragment {
      var json: [(String, [Value])] = []
      for principal in principals {
        for (kind, values) in principal.policyFragment.principalJSON {
          if let i = json.firstIndex(where: { $0.0 == kind }) {
            json[i].1.append(contentsOf: values)
          } else {
            json.append((kind, values))
          }
        }
      }
      return IAM.PrincipalPolicyFragment(principalJSON: json)
    }

    public func assumeRoleStatements() -> [IAM.PolicyStatement] {
      principals.flatMap { $0.assumeRoleStatements() }
    }

    /// Problems: a component with conditions (use separate statements instead).
    var problems: [String] {
      principals.contains { !$0.policyFragment.conditions.isEmpty }
        ? [
          "a component of a CompositePrincipal has conditions, which cannot be merged into one Principal. Use separate statements (or roles) for principals with conditions."
        ] : []
    }
  }
}
