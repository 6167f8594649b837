import Foundation

/// Credentials printed by an external command (`credential_process` in a profile), as JSON:
///
/// ```json
/// {"Version": 1, "AccessKeyId": "…", "SecretAccessKey": "…", "SessionToken": "…",
///  "Expiration": "2025-01-01T00:00:00Z"}
/// ```
///
/// The command line is split like a POSIX shell would (quotes, backslashes) and run directly, not
/// through a shell, as the AWS CLI does. Its output is never included in errors.
///
/// ```swift
/// let provider = ProcessCredentialProvider(command: "/usr/local/bin/get-creds --account dev",
///                                          environment: .current())
/// ```
public struct ProcessCredentialProvider: AWSCredentialProvider {
  /// The command line.
  public var command: String
  /// The environment the process runs with (`PATH` is used to find it).
  public var environment: AWSEnvironment
  /// The profile it was configured in, for messages.
  public var profile: String?
  /// Seconds to wait for the process.
  public var timeout: TimeInterval

  public init(
    command: String, environment: AWSEnvironment, profile: String? = nil,
    timeout: TimeInterval = 60
  ) {
    self.command = command
    self.environment = environment
    self.profile = profile
    self.timeout = timeout
  }

  public func credentials() async throws -> AWSCredentials {
    let where_ = "credential_process" + (profile.map { " of profile \($0)" } ?? "")
    let arguments = Self.split(command)
    guard !arguments.isEmpty else {
      throw AWSClientError.providerFailed(where_, "the command is empty.")
    }
    let result: ProcessResult
    do {
      result = try await ProcessRunner.run(
        arguments, environment: environment.variables, timeout: timeout)
    } catch let error as ProcessRunner.Failure {
      throw AWSClientError.providerFailed(where_, "\(error.message) (command: \(arguments[0])).")
    }
    guard result.status == 0 else {
      let stderr = String(decoding: result.standardError.prefix(300), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      throw AWSClientError.providerFailed(
        where_,
        "\(arguments[0]) exited with status \(result.status)"
          + (stderr.isEmpty ? "." : ": \(stderr)"))
    }
    guard
      let object = try? JSONSerialization.jsonObject(with: result.standardOutput)
        as? [String: Any]
    else {
      throw AWSClientError.providerFailed(
        where_, "\(arguments[0]) did not print a JSON object on standard output.")
    }
    let version = (object["Version"] as? NSNumber)?.intValue
    guard version == 1 else {
      throw AWSClientError.providerFailed(
        where_,
        "its JSON output must have \"Version\": 1 (found \(version.map(String.init) ?? "none")).")
    }
    guard let keyID = object["AccessKeyId"] as? String, !keyID.isEmpty,
      let secret = object["SecretAccessKey"] as? String, !secret.isEmpty
    else {
      throw AWSClientError.providerFailed(
        where_, "its JSON output lacks AccessKeyId or SecretAccessKey.")
    }
    var expiration: Date?
    if let text = object["Expiration"] as? String {
      guard let date = Timestamp.parseISO8601(text) else {
        throw AWSClientError.providerFailed(
          where_, "its Expiration '\(text)' is not an ISO 8601 date-time.")
      }
      expiration = date
    }
    return AWSCredentials(
      accessKeyID: keyID, secretAccessKey: secret, sessionToken: object["SessionToken"] as? String,
      expiration: expiration, source: where_)
  }

  /// Splits a command line as a POSIX shell would: whitespace separates words; single quotes keep
  /// everything; double quotes keep everything but `\"` and `\\`; a backslash escapes the next
  /// character.
  public static func split(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var iterator = line.makeIterator()
    while let character = iterator.next() {
      if let open = quote {
        if character == open {
          quote = nil
        } else if open == "\"" && character == "\\" {
          if let next = iterator.next() {
            if next != "\"" && next != "\\" && next != "$" && next != "`" { current.append("\\") }
            current.append(next)
          }
        } else {
          current.append(character)
        }
        continue
      }
      switch character {
      case "'", "\"":
        quote = character
        inWord = true
      case "\\":
        if let next = iterator.next() { current.append(next) }
        inWord = true
      case _ where character.isWhitespace:
        if inWord {
          words.append(current)
          current = ""
          inWord = false
        }
      default:
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}
