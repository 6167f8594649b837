import Foundation

/// Printed (`print`, interpolation, `debugPrint`, `dump`) with the values of secret variables
/// (`AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, any `…TOKEN`, `…SECRET…`, `…PASSWORD…`)
/// redacted.
///
/// ```swift
/// print(AWSEnvironment(variables: ["AWS_SESSION_TOKEN": "IQo…"], homeDirectory: "/home/me"))
/// // AWSEnvironment(homeDirectory: /home/me, variables: [AWS_SESSION_TOKEN: <redacted>])
/// ```
extension AWSEnvironment: CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  public var description: String {
    "AWSEnvironment(homeDirectory: \(homeDirectory), variables: ["
      + Redaction.settings(variables).joined(separator: ", ") + "])"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: ["variables": Redaction.settings(variables), "homeDirectory": homeDirectory],
      displayStyle: .struct)
  }
}
