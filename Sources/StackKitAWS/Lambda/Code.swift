import StackKit

extension Lambda {
  /// Where a function's or layer's code comes from.
  ///
  /// ```swift
  /// let code = Lambda.Code.fromAsset("functions/redis-connect")
  /// let inline = Lambda.Code.fromInline("def handler(event, context): return 'ok'")
  /// ```
  public enum Code {
    /// A file or directory of the project, shipped as an ``Asset`` (a child `Code` of the
    /// function or layer) and referenced by its bucket and key.
    case asset(path: String, bundling: Bundling?, exclude: [String])
    /// Source text in the template (`ZipFile`); Node.js and Python only.
    case inline(String)
    /// An object already in S3.
    case bucket(bucketName: Value, key: Value, objectVersion: Value?)

    /// A file or directory, relative to the project folder.
    public static func fromAsset(
      _ path: String, bundling: Bundling? = nil, exclude: [String] = []
    ) -> Code {
      .asset(path: path, bundling: bundling, exclude: exclude)
    }

    /// Inline source.
    public static func fromInline(_ source: String) -> Code { .inline(source) }

    /// An object in a bucket.
    public static func fromBucket(_ bucketName: Value, key: Value, objectVersion: Value? = nil)
      -> Code
    {
      .bucket(bucketName: bucketName, key: key, objectVersion: objectVersion)
    }

    /// The code's location once bound to a construct: the asset is created below `scope`.
    struct Bound {
      var s3Bucket: Value?
      var s3Key: Value?
      var s3ObjectVersion: Value?
      var zipFile: Value?
      var asset: Asset?
    }

    func bind(_ scope: Construct) -> Bound {
      switch self {
      case .asset(let path, let bundling, let exclude):
        let asset = Asset(scope, "Code", path: path, bundling: bundling, exclude: exclude)
        return Bound(s3Bucket: asset.bucketName, s3Key: asset.objectKeyValue, asset: asset)
      case .inline(let source):
        return Bound(zipFile: .string(source))
      case .bucket(let bucket, let key, let version):
        return Bound(s3Bucket: bucket, s3Key: key, s3ObjectVersion: version)
      }
    }
  }
}
