import AWSClient
import Foundation
import StackKit

/// Uploads asset files and large templates to the toolkit bucket, each object once per run even
/// when several stacks share it, and only when the bucket does not already have it (HeadObject
/// first: keys are content hashes, so an object under its key is the right one).
///
/// ```swift
/// let publisher = AssetPublisher(session: session, report: { print($0) })
/// try await publisher.publish(stack.assets, bucket: toolkit.bucketName, region: "us-east-1")
/// ```
public actor AssetPublisher {
  /// What happened to one object.
  public enum Outcome: Sendable, Equatable {
    case uploaded(bytes: Int)
    case alreadyPresent
  }

  private let session: AWSSession
  private let report: @Sendable (String) async -> Void
  private var work: [String: Task<Outcome, any Error>] = [:]

  public init(session: AWSSession, report: @escaping @Sendable (String) async -> Void) {
    self.session = session
    self.report = report
  }

  /// Uploads what the bucket lacks, concurrently; returns each key's outcome.
  @discardableResult
  public func publish(_ assets: [DeploymentStack.AssetFile], bucket: String, region: String)
    async throws -> [String: Outcome]
  {
    var tasks: [(String, Task<Outcome, any Error>)] = []
    for asset in assets {
      let task = ensure(bucket: bucket, key: asset.objectKey, region: region, label: asset.source) {
        guard let data = FileManager.default.contents(atPath: asset.path) else {
          throw DeployError(
            "the asset \(asset.source) is not staged at \(asset.path). Run `stack synth` (or "
              + "deploy without --skip-build) to stage it again.")
        }
        return data
      }
      tasks.append((asset.objectKey, task))
    }
    var outcomes: [String: Outcome] = [:]
    for (key, task) in tasks { outcomes[key] = try await task.value }
    return outcomes
  }

  /// Uploads a template that is too large to pass inline; returns its URL.
  public func publishTemplate(_ text: String, stackName: String, bucket: String, region: String)
    async throws -> String
  {
    let data = Data(text.utf8)
    let trimmed = text.drop { $0 == " " || $0 == "\n" }
    let ext = trimmed.first == "{" ? "json" : "yaml"
    let key = "templates/\(Digest.sha256Hex(data)).\(ext)"
    _ = try await ensure(
      bucket: bucket, key: key, region: region, label: "the template of \(stackName)"
    ) { data }.value
    return Self.templateURL(bucket: bucket, key: key, region: region)
  }

  /// The URL CloudFormation reads a template from: S3's own path-style address, whatever
  /// endpoint the uploads went to (CloudFormation fetches it from S3 itself; emulators such as
  /// moto read the bucket and key from this form).
  static func templateURL(bucket: String, key: String, region: String) -> String {
    let domain = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
    let encodedKey = key.split(separator: "/").map {
      $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
    }.joined(separator: "/")
    return "https://s3.\(region).\(domain)/\(bucket)/\(encodedKey)"
  }

  private func ensure(
    bucket: String, key: String, region: String, label: String,
    data: @escaping @Sendable () throws -> Data
  ) -> Task<Outcome, any Error> {
    let id = "\(region)/\(bucket)/\(key)"
    if let task = work[id] { return task }
    let s3 = session.client(for: region).s3
    let report = self.report
    let task = Task { () throws -> Outcome in
      if try await s3.headObject(bucket: bucket, key: key) != nil {
        await report("\(label): already in s3://\(bucket)/\(key)")
        return .alreadyPresent
      }
      let body = try data()
      let type = key.hasSuffix(".zip") ? "application/zip" : "application/octet-stream"
      _ = try await s3.putObject(bucket: bucket, key: key, body: body, contentType: type)
      await report("\(label): uploaded \(ByteCount.text(body.count)) to s3://\(bucket)/\(key)")
      return .uploaded(bytes: body.count)
    }
    work[id] = task
    return task
  }
}

/// `12.3 KB`, `1.2 MB`.
enum ByteCount {
  static func text(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) B" }
    if bytes < 1024 * 1024 { return String(format: "%.1f KB", Double(bytes) / 1024) }
    return String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
  }
}
