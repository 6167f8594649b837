import Foundation

/// A service's identity: its ID (for `AWS_ENDPOINT_URL_<SERVICE>`), signing name, endpoint prefix
/// and API version.
///
/// ```swift
/// AWSService.cloudFormation.endpointVariable  // "AWS_ENDPOINT_URL_CLOUDFORMATION"
/// ```
public struct AWSService: Sendable, Hashable {
  /// The service ID as the SDKs spell it (`CloudFormation`, `S3`, `STS`).
  public var serviceID: String
  /// The name in the SigV4 credential scope.
  public var signingName: String
  /// The first label of the default host name.
  public var endpointPrefix: String
  /// The API version (sent as `Version` by the Query protocol).
  public var apiVersion: String

  /// Creates a service description.
  public init(serviceID: String, signingName: String, endpointPrefix: String, apiVersion: String) {
    self.serviceID = serviceID
    self.signingName = signingName
    self.endpointPrefix = endpointPrefix
    self.apiVersion = apiVersion
  }

  /// AWS CloudFormation (Query protocol).
  public static let cloudFormation = AWSService(
    serviceID: "CloudFormation", signingName: "cloudformation", endpointPrefix: "cloudformation",
    apiVersion: "2010-05-15")
  /// Amazon S3 (REST-XML).
  public static let s3 = AWSService(
    serviceID: "S3", signingName: "s3", endpointPrefix: "s3", apiVersion: "2006-03-01")
  /// AWS STS (Query protocol).
  public static let sts = AWSService(
    serviceID: "STS", signingName: "sts", endpointPrefix: "sts", apiVersion: "2011-06-15")

  /// `AWS_ENDPOINT_URL_` + the service ID upper-cased with spaces as underscores.
  public var endpointVariable: String {
    "AWS_ENDPOINT_URL_" + serviceID.uppercased().replacingOccurrences(of: " ", with: "_")
  }
}
