import Foundation

/// Printed (`print`, interpolation, `debugPrint`, `dump`) with the profiles' secret keys
/// (`aws_secret_access_key`, `aws_session_token` …) redacted.
///
/// ```swift
/// print(config)
/// // AWSSharedConfig(credentials: ~/.aws/credentials [default: aws_access_key_id: AKIA…,
/// //   aws_secret_access_key: <redacted>], config: ~/.aws/config [])
/// ```
extension AWSSharedConfig: CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  static func redacted(_ profiles: [String: [String: String]]) -> [String: [String]] {
    profiles.mapValues(Redaction.settings)
  }

  static func text(_ profiles: [String: [String: String]]) -> String {
    profiles.keys.sorted().map {
      "\($0): " + Redaction.settings(profiles[$0] ?? [:]).joined(separator: ", ")
    }.joined(separator: "; ")
  }

  public var description: String {
    "AWSSharedConfig(credentials: \(credentialsPath) [\(Self.text(credentialsProfiles))], "
      + "config: \(configPath) [\(Self.text(configProfiles))])"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "credentialsProfiles": Self.redacted(credentialsProfiles),
        "configProfiles": Self.redacted(configProfiles), "credentialsPath": credentialsPath,
        "configPath": configPath,
      ],
      displayStyle: .struct)
  }
}
