/// What `stack deploy` needs from the toolkit stack of a region: its asset bucket and version.
///
/// ```swift
/// if let toolkit = try await session.toolkit(region: "eu-west-1") { print(toolkit.bucketName) }
/// ```
public struct ToolkitInfo: Sendable, Equatable {
  public var bucketName: String
  public var version: Int
  public var stackStatus: String

  public init(bucketName: String, version: Int, stackStatus: String) {
    self.bucketName = bucketName
    self.version = version
    self.stackStatus = stackStatus
  }
}
