import StackKit

extension KMS {
  /// A principal that may use a key only through an AWS service: the base principal with a
  /// `kms:ViaService` condition, as AWS CDK's `ViaServicePrincipal`. Secrets Manager grants decrypt
  /// this way, so the key can only be used to read the secret.
  ///
  /// ```swift
  /// key.grantDecrypt(KMS.ViaServicePrincipal("secretsmanager.\(Pseudo.region).amazonaws.com", role))
  /// ```
  public struct ViaServicePrincipal: IAM.Principal {
    /// The service endpoint name: `secretsmanager.us-east-1.amazonaws.com` (may be a template
    /// value).
    public let serviceName: Value
    /// The principal the condition applies to; anyone when not given.
    public let basePrincipal: any IAM.Principal

    public init(_ serviceName: Value, _ basePrincipal: (any IAM.Principal)? = nil) {
      self.serviceName = serviceName
      self.basePrincipal = basePrincipal ?? IAM.AnyPrincipal()
    }

    public var policyFragment: IAM.PrincipalPolicyFragment {
      let base = basePrincipal.policyFragment
      var conditions = base.conditions
      if let index = conditions.firstIndex(where: { $0.0 == "StringEquals" }),
        case .object(let existing) = conditions[index].1
      {
        conditions[index].1 = .object([("kms:ViaService", serviceName)] + existing)
      } else {
        conditions.append(("StringEquals", ["kms:ViaService": serviceName]))
      }
      return IAM.PrincipalPolicyFragment(principalJSON: base.principalJSON, conditions: conditions)
    }
  }
}
