import Foundation

/// Amazon S3 calls (REST-XML): what deploy needs to upload assets and templates.
///
/// With a custom endpoint (`--endpoint-url`, `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`) requests
/// use path-style addressing (`http://127.0.0.1:5000/bucket/key`); otherwise virtual-hosted
/// (`https://bucket.s3.us-east-1.amazonaws.com/key`), or path-style for bucket names with dots.
///
/// ```swift
/// if try await client.s3.headObject(bucket: bucket, key: key) == nil {
///   try await client.s3.putObject(
///     bucket: bucket, key: key, body: zip, contentType: "application/zip")
/// }
/// ```
public struct S3: Sendable {
  /// The client the calls go through.
  public var client: AWSClient

  /// Creates the service client.
  public init(client: AWSClient) { self.client = client }

  /// An object's metadata, from `HeadObject`.
  public struct ObjectMetadata: Sendable, Equatable {
    public var contentLength: Int?
    public var contentType: String?
    public var eTag: String?
    public var lastModified: String?
    public var versionID: String?
    public var serverSideEncryption: String?
    /// User metadata (`x-amz-meta-*`), by name without the prefix.
    public var metadata: [String: String]

    public init(
      contentLength: Int? = nil, contentType: String? = nil, eTag: String? = nil,
      lastModified: String? = nil, versionID: String? = nil, serverSideEncryption: String? = nil,
      metadata: [String: String] = [:]
    ) {
      self.contentLength = contentLength
      self.contentType = contentType
      self.eTag = eTag
      self.lastModified = lastModified
      self.versionID = versionID
      self.serverSideEncryption = serverSideEncryption
      self.metadata = metadata
    }
  }

  /// The output of `PutObject`.
  public struct PutObjectOutput: Sendable, Equatable {
    public var eTag: String?
    public var versionID: String?

    public init(eTag: String? = nil, versionID: String? = nil) {
      self.eTag = eTag
      self.versionID = versionID
    }
  }

  /// A bucket that exists and can be reached.
  public struct BucketInfo: Sendable, Equatable {
    /// The bucket's region (`x-amz-bucket-region`), when S3 said.
    public var region: String?

    public init(region: String? = nil) { self.region = region }
  }

  /// The object's metadata, or nil when there is no such object.
  public func headObject(bucket: String, key: String) async throws -> ObjectMetadata? {
    let response: HTTPResponse
    do {
      response = try await send("HEAD", bucket: bucket, key: key, operation: "HeadObject")
    } catch let error as AWSError where error.statusCode == 404 {
      return nil
    }
    var metadata: [String: String] = [:]
    for (name, value) in response.headers where name.lowercased().hasPrefix("x-amz-meta-") {
      metadata[String(name.dropFirst("x-amz-meta-".count)).lowercased()] = value
    }
    return ObjectMetadata(
      contentLength: response.header("Content-Length").flatMap { Int($0) },
      contentType: response.header("Content-Type"), eTag: response.header("ETag"),
      lastModified: response.header("Last-Modified"),
      versionID: response.header("x-amz-version-id"),
      serverSideEncryption: response.header("x-amz-server-side-encryption"), metadata: metadata)
  }

  /// Uploads an object (idempotent: the same bytes under the same key).
  public func putObject(
    bucket: String, key: String, body: Data, contentType: String? = nil,
    metadata: [String: String] = [:], serverSideEncryption: String? = nil
  ) async throws -> PutObjectOutput {
    var headers: [String: String] = [:]
    headers["Content-Type"] = contentType ?? "application/octet-stream"
    for (name, value) in metadata { headers["x-amz-meta-\(name)"] = value }
    headers["x-amz-server-side-encryption"] = serverSideEncryption
    let response = try await send(
      "PUT", bucket: bucket, key: key, operation: "PutObject", headers: headers, body: body)
    return PutObjectOutput(
      eTag: response.header("ETag"), versionID: response.header("x-amz-version-id"))
  }

  /// The bucket's region when it exists and is reachable with these credentials; nil when it
  /// does not exist. A bucket owned by someone else throws `AWSError` with code `Forbidden`.
  public func headBucket(bucket: String) async throws -> BucketInfo? {
    do {
      let response = try await send("HEAD", bucket: bucket, key: nil, operation: "HeadBucket")
      return BucketInfo(region: response.header("x-amz-bucket-region"))
    } catch let error as AWSError where error.statusCode == 404 {
      return nil
    } catch let error as AWSError where error.statusCode == 301 {
      // The bucket exists in another region; S3 says which.
      return BucketInfo(region: error.bucketRegion)
    }
  }

  /// Creates a bucket in the client's region (with a location constraint outside us-east-1).
  public func createBucket(bucket: String) async throws {
    var body = Data()
    if client.region != "us-east-1" {
      body = Data(
        ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
          + "<LocationConstraint>\(client.region)</LocationConstraint>"
          + "</CreateBucketConfiguration>").utf8)
    }
    _ = try await send("PUT", bucket: bucket, key: nil, operation: "CreateBucket", body: body)
  }

  /// The URL of a bucket or an object: path-style for custom endpoints and dotted bucket names,
  /// virtual-hosted otherwise. The key is percent-encoded, `/` kept.
  public func url(bucket: String, key: String?) -> URL {
    let endpoint = client.endpoint(for: .s3)
    var base = endpoint.url.absoluteString
    while base.hasSuffix("/") { base.removeLast() }
    let encodedKey = key.map { "/" + PercentEncoding.encode($0, keepSlash: true) } ?? "/"
    if endpoint.isCustom || bucket.contains(".") {
      let tail = key == nil ? "" : encodedKey
      return URL(string: "\(base)/\(PercentEncoding.encode(bucket))\(tail)")!
    }
    var components = URLComponents(url: endpoint.url, resolvingAgainstBaseURL: false)!
    components.host = "\(bucket).\(endpoint.url.host ?? "")"
    components.percentEncodedPath = encodedKey
    return components.url!
  }

  func send(
    _ method: String, bucket: String, key: String?, operation: String,
    headers: [String: String] = [:], body: Data = Data()
  ) async throws -> HTTPResponse {
    let request = HTTPRequest(
      method: method, url: url(bucket: bucket, key: key), headers: headers, body: body)
    return try await client.send(
      request, operation: AWSOperation(service: .s3, name: operation, isIdempotent: true),
      signing: .s3)
  }
}
