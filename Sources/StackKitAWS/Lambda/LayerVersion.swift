import StackKit

extension Lambda {
  /// A layer version (`AWS::Lambda::LayerVersion`) from an asset or an S3 object, as CDK's
  /// `LayerVersion`.
  ///
  /// ```swift
  /// let layer = Lambda.LayerVersion(
  ///   stack, "redispy_Layer", code: .fromAsset("functions/redis-py-layer"),
  ///   compatibleRuntimes: [.python312], description: "A layer that contains the redispy module",
  ///   license: "MIT License")
  /// ```
  public final class LayerVersion: Construct {
    /// The runtimes the layer declares; `nil` means any.
    public let compatibleRuntimes: [Runtime]?
    private var storedResource: CfnLayerVersion!
    private var problems: [String] = []

    /// The `AWS::Lambda::LayerVersion`.
    public var resource: CfnLayerVersion { storedResource }
    /// `{"Ref": layer}`: the layer version ARN.
    public var layerVersionARN: Value { resource.ref }

    /// Creates a layer version.
    ///
    /// - Parameters:
    ///   - license: the `LicenseInfo`, such as an SPDX identifier.
    ///   - removalPolicy: what happens to the version when it leaves the stack; CloudFormation's
    ///     default (delete) when `nil`.
    @discardableResult
    public init(
      _ scope: Construct, _ id: String, code: Code, compatibleRuntimes: [Runtime]? = nil,
      compatibleArchitectures: [Architecture]? = nil, description: String? = nil,
      license: String? = nil, layerVersionName: String? = nil, removalPolicy: RemovalPolicy? = nil
    ) {
      self.compatibleRuntimes = compatibleRuntimes
      super.init(scope, id)
      if case .inline = code {
        problems.append(
          "a layer cannot have inline code. Use Lambda.Code.fromAsset or Lambda.Code.fromBucket.")
      }
      if let compatibleRuntimes, compatibleRuntimes.isEmpty {
        problems.append(
          "compatibleRuntimes is empty. List at least one runtime, or leave it out to allow any.")
      }
      if let compatibleRuntimes, compatibleRuntimes.count > 15 {
        problems.append(
          "compatibleRuntimes lists \(compatibleRuntimes.count) runtimes; Lambda takes at most 15. Remove some."
        )
      }
      if let description, description.utf8.count > 256 {
        problems.append(
          "the description is \(description.utf8.count) characters; Lambda takes at most 256. Shorten it."
        )
      }
      let bound = code.bind(self)
      storedResource = CfnLayerVersion(
        self, "Resource",
        compatibleArchitectures: compatibleArchitectures.map { .strings($0.map(\.rawValue)) },
        compatibleRuntimes: compatibleRuntimes.map { .strings($0.map(\.name)) },
        content: CfnLayerVersion.Content(
          s3Bucket: bound.s3Bucket ?? "", s3Key: bound.s3Key ?? "",
          s3ObjectVersion: bound.s3ObjectVersion),
        description: description.map(Value.string), layerName: layerVersionName.map(Value.string),
        licenseInfo: license.map(Value.string))
      if let removalPolicy { storedResource.applyRemovalPolicy(removalPolicy) }
    }

    public override func validate() -> [String] { super.validate() + problems }
  }
}
