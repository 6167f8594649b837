/// A secret: a value that can only be rendered as a CloudFormation dynamic reference (or as a
/// `NoEcho` parameter), so it never appears in a template in clear.
///
/// There is deliberately no way to build one from a literal string: a password, auth token or
/// secret string written into a template is a synthesis error.
///
/// ```swift
/// let password = SecretValue.secretsManager(secret.ref, jsonField: "password")
/// // {{resolve:secretsmanager:<secret>:SecretString:password::}}
/// ```
public struct SecretValue {
  enum Source {
    case secretsManager(
      secretID: Value, jsonField: String?, versionStage: String?, versionID: String?)
    case ssm(name: String, version: Int?)
    case ssmSecure(name: String, version: Int?)
    case parameter(CfnParameter)
  }

  let source: Source

  /// `{{resolve:secretsmanager:ID:SecretString:FIELD:STAGE:VERSION}}`.
  public static func secretsManager(
    _ secretID: Value, jsonField: String? = nil, versionStage: String? = nil,
    versionID: String? = nil
  ) -> SecretValue {
    SecretValue(
      source: .secretsManager(
        secretID: secretID, jsonField: jsonField, versionStage: versionStage, versionID: versionID))
  }

  /// `{{resolve:ssm:NAME:VERSION}}`: a plain SSM parameter, for values that must not be written in
  /// the template but are not encrypted.
  public static func ssm(_ name: String, version: Int? = nil) -> SecretValue {
    SecretValue(source: .ssm(name: name, version: version))
  }

  /// `{{resolve:ssm-secure:NAME:VERSION}}`: a SecureString SSM parameter.
  public static func ssmSecure(_ name: String, version: Int? = nil) -> SecretValue {
    SecretValue(source: .ssmSecure(name: name, version: version))
  }

  /// A reference to a `NoEcho` template parameter. A parameter without `noEcho` is a synthesis error.
  public static func parameter(_ parameter: CfnParameter) -> SecretValue {
    SecretValue(source: .parameter(parameter))
  }

  /// The dynamic reference as a template value.
  public var cfnValue: Value { .secret(self) }

  /// The dynamic reference as it will be written, before references in it are resolved.
  var dynamicReference: Value {
    switch source {
    case .secretsManager(let id, let field, let stage, let version):
      return Fn.join(
        "",
        [
          "{{resolve:secretsmanager:", id,
          .string(":SecretString:\(field ?? ""):\(stage ?? ""):\(version ?? "")}}"),
        ])
    case .ssm(let name, let version):
      return .string("{{resolve:ssm:\(name)\(version.map { ":\($0)" } ?? "")}}")
    case .ssmSecure(let name, let version):
      return .string("{{resolve:ssm-secure:\(name)\(version.map { ":\($0)" } ?? "")}}")
    case .parameter(let p):
      return .ref(p)
    }
  }
}

extension SecretValue: ValueConvertible {}
