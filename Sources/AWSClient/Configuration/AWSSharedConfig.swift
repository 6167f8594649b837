import Foundation

/// The shared AWS files: `~/.aws/credentials` and `~/.aws/config` (or `AWS_SHARED_CREDENTIALS_FILE`
/// and `AWS_CONFIG_FILE`), parsed into profiles.
///
/// In the config file a profile is `[profile name]` (or `[default]`); in the credentials file it is
/// `[name]`. Where both set a key, the credentials file wins, as in the AWS CLI.
///
/// ```swift
/// let config = try AWSSharedConfig.load(environment: .current())
/// let region = config.profile("dev")?["region"]
/// ```
public struct AWSSharedConfig: Sendable, Equatable {
  /// Profiles of the credentials file, by name.
  public var credentialsProfiles: [String: [String: String]]
  /// Profiles of the config file, by name (without the `profile ` prefix).
  public var configProfiles: [String: [String: String]]
  /// The credentials file's path (whether or not it exists).
  public var credentialsPath: String
  /// The config file's path (whether or not it exists).
  public var configPath: String

  /// Creates a configuration from parsed profiles.
  public init(
    credentialsProfiles: [String: [String: String]] = [:],
    configProfiles: [String: [String: String]] = [:], credentialsPath: String = "",
    configPath: String = ""
  ) {
    self.credentialsProfiles = credentialsProfiles
    self.configProfiles = configProfiles
    self.credentialsPath = credentialsPath
    self.configPath = configPath
  }

  /// Reads both files; a missing file counts as empty, an unreadable one is an error.
  public static func load(environment: AWSEnvironment) throws -> AWSSharedConfig {
    let credentialsPath = environment.expandingTilde(
      environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
    let configPath = environment.expandingTilde(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config")
    return AWSSharedConfig(
      credentialsProfiles: try readProfiles(credentialsPath, configStyle: false),
      configProfiles: try readProfiles(configPath, configStyle: true),
      credentialsPath: credentialsPath, configPath: configPath)
  }

  /// The profile's settings from both files (the credentials file wins), or nil when neither
  /// file has it.
  public func profile(_ name: String) -> [String: String]? {
    let fromConfig = configProfiles[name]
    let fromCredentials = credentialsProfiles[name]
    if fromConfig == nil && fromCredentials == nil { return nil }
    return (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, credentials in credentials }
  }

  /// Every profile name in either file.
  public var profileNames: [String] {
    Array(Set(configProfiles.keys).union(credentialsProfiles.keys)).sorted()
  }

  /// The profile to use: the explicit one, else `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`, else
  /// `default`.
  public static func profileName(explicit: String?, environment: AWSEnvironment) -> String {
    explicit ?? environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"] ?? "default"
  }

  /// Whether the profile name was chosen rather than defaulted.
  static func profileWasChosen(explicit: String?, environment: AWSEnvironment) -> Bool {
    explicit != nil || environment["AWS_PROFILE"] != nil
      || environment["AWS_DEFAULT_PROFILE"] != nil
  }

  /// The two file paths, `~`-abbreviated, for messages.
  var filesForMessages: [String] { [configPath, credentialsPath] }

  static func readProfiles(_ path: String, configStyle: Bool) throws -> [String: [String: String]] {
    guard FileManager.default.fileExists(atPath: path) else { return [:] }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw AWSClientError(
        .invalidConfiguration,
        "Could not read \(path): \(error.localizedDescription). Check its permissions.")
    }
    return parse(String(decoding: data, as: UTF8.self), configStyle: configStyle)
  }

  /// Parses INI text into profiles. In config style only `[default]` and `[profile x]` sections
  /// are profiles (`[sso-session x]`, `[services x]` … are skipped).
  public static func parse(_ text: String, configStyle: Bool) -> [String: [String: String]] {
    var profiles: [String: [String: String]] = [:]
    var current: String?
    var lastKey: String?
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let line = String(rawLine)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
      if trimmed.hasPrefix("[") {
        lastKey = nil
        guard let close = trimmed.firstIndex(of: "]") else {
          current = nil
          continue
        }
        let name = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
          .trimmingCharacters(in: .whitespaces)
        if !configStyle {
          current = name
        } else if name == "default" {
          current = "default"
        } else if name.hasPrefix("profile ") || name.hasPrefix("profile\t") {
          current = String(name.dropFirst("profile".count)).trimmingCharacters(in: .whitespaces)
        } else {
          current = nil
        }
        if let current, profiles[current] == nil { profiles[current] = [:] }
        continue
      }
      guard let profile = current else { continue }
      if line.first == " " || line.first == "\t" {
        // A nested setting (`s3 =` followed by indented keys): kept as `parent.key`.
        if let lastKey, let equals = trimmed.firstIndex(of: "=") {
          let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
          let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
          profiles[profile]?["\(lastKey).\(key)"] = value
        }
        continue
      }
      guard let equals = trimmed.firstIndex(of: "=") else { continue }
      let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      // As in the AWS CLI, a `#` after a value is part of it (no inline comments).
      let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      profiles[profile]?[key] = value
      lastKey = key
    }
    return profiles
  }
}
