import Foundation
import StackKit

extension Lambda.Function {
  /// Lets `grantee` invoke the function, as CDK's `grantInvoke`: a role (or anything with an
  /// identity policy) of the same account gets `lambda:InvokeFunction` on the function and its
  /// versions in its policy; a service, account or ARN principal gets an
  /// `AWS::Lambda::Permission` (`Invoke…`) on the function. Repeated grants are made once.
  ///
  /// ```swift
  /// fn.grantInvoke(callerRole)
  /// fn.grantInvoke(IAM.ServicePrincipal("events.amazonaws.com"))
  /// ```
  @discardableResult
  public func grantInvoke(_ grantee: any IAM.Grantable) -> IAM.Grant {
    let principal = grantee.grantPrincipal
    let key = invokeGrantKey(principal)
    if let key, let existing = invokeGrant(for: key) { return existing }
    let arns: [Value] = [functionARN, "\(functionARN):*"]
    let statement = IAM.PolicyStatement(actions: ["lambda:InvokeFunction"], resources: arns)
    let added = principal.addToPrincipalPolicy(statement)
    let stackAccount = Stack.of(self)?.account ?? .pseudo(.accountID)
    let sameAccount = principal.principalAccount.map { Self.sameValue($0, stackAccount) } ?? false
    let grant: IAM.Grant
    if added.statementAdded && sameAccount {
      grant = IAM.Grant(
        principalStatement: statement, resourceStatement: nil,
        dependables: added.policyDependable.map { [$0] } ?? [])
    } else if let (identifier, principalValue) = permissionTarget(principal) {
      let permission = Lambda.CfnPermission(
        self, identifier, action: "lambda:InvokeFunction", functionName: functionARN,
        principal: principalValue)
      grant = IAM.Grant(
        principalStatement: nil,
        resourceStatement: IAM.PolicyStatement(
          actions: ["lambda:InvokeFunction"], resources: arns, principals: [principal]),
        dependables: [permission])
    } else {
      report(
        "grantInvoke: the grantee is neither a role of this account nor a service, account or ARN principal with literal values, so no permission can be written. Grant a role, or use IAM.ServicePrincipal / IAM.AccountPrincipal / IAM.ArnPrincipal."
      )
      grant = IAM.Grant(principalStatement: nil, resourceStatement: nil, dependables: [])
    }
    if let key { rememberInvokeGrant(grant, for: key) }
    return grant
  }

  /// The construct id CDK gives the permission (`Invoke` + the base64 SHA-256 of the principal's
  /// description, `/` written `--`) and the `Principal` value.
  private func permissionTarget(_ principal: any IAM.Principal) -> (String, Value)? {
    let description: String
    let value: Value
    switch principal {
    case let p as IAM.ServicePrincipal where p.conditions.isEmpty:
      description = "ServicePrincipal(\(p.service))"
      value = .string(p.service)
    case let p as IAM.AccountPrincipal:
      guard let account = p.accountID.literalString else { return nil }
      description = "AccountPrincipal(\(account))"
      value = .string(account)
    case let p as IAM.ArnPrincipal:
      guard let arn = p.arn.literalString else { return nil }
      description = "ArnPrincipal(\(arn))"
      value = .string(arn)
    default:
      return nil
    }
    let json = "{\"principal\":\(Self.jsonString(description)),\"conditions\":{}}"
    let hash = Data(Digest.sha256(Array(json.utf8))).base64EncodedString()
    return ("Invoke" + hash.replacingOccurrences(of: "/", with: "--"), value)
  }

  private func invokeGrantKey(_ principal: any IAM.Principal) -> String? {
    if let role = principal as? IAM.Role { return "role:\(ObjectIdentifier(role))" }
    return permissionTarget(principal).map { "permission:\($0.0)" }
  }

  private static func sameValue(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.pseudo(let x), .pseudo(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    default: false
    }
  }

  private static func jsonString(_ s: String) -> String {
    var out = "\""
    for ch in s.unicodeScalars {
      switch ch {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out + "\""
  }
}
