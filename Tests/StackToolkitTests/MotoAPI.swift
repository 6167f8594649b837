import AWSClient
import Foundation

/// Calls of services AWSClient has no typed API for, to check results through moto's own API.
enum MotoAPI {
  static let ec2 = AWSService(
    serviceID: "EC2", signingName: "ec2", endpointPrefix: "ec2", apiVersion: "2016-11-15")
  static let iam = AWSService(
    serviceID: "IAM", signingName: "iam", endpointPrefix: "iam", apiVersion: "2010-05-08")
  static let lambda = AWSService(
    serviceID: "Lambda", signingName: "lambda", endpointPrefix: "lambda", apiVersion: "2015-03-31")

  static func query(
    _ client: AWSClient, _ service: AWSService, _ action: String, _ fields: [(String, String)] = []
  )
    async throws -> XMLNode
  {
    var p = QueryParameters()
    for (k, v) in fields { p[k] = v }
    return try await client.query(
      AWSOperation(service: service, name: action, isIdempotent: true), p)
  }

  /// How many change sets CloudFormation lists for the stack.
  static func changeSetCount(_ client: AWSClient, stackName: String) async throws -> Int {
    let result = try await query(
      client, .cloudFormation, "ListChangeSets", [("StackName", stackName)])
    return result.first(named: "Summaries")?.members.count ?? 0
  }

  /// A Lambda function's configuration (REST-JSON `GetFunction`), or nil when it does not exist.
  static func lambdaFunction(_ client: AWSClient, _ name: String) async throws -> [String: Any]? {
    let url = client.endpoint(for: lambda).url.appendingPathComponent(
      "2015-03-31/functions/\(name)")
    do {
      let response = try await client.send(
        HTTPRequest(method: "GET", url: url),
        operation: AWSOperation(service: lambda, name: "GetFunction", isIdempotent: true))
      let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
      return json?["Configuration"] as? [String: Any]
    } catch let error as AWSError where error.statusCode == 404 {
      return nil
    }
  }

  /// `GET /bucket?sub` on S3 (a bucket's configuration), as text.
  static func bucketConfiguration(_ client: AWSClient, _ bucket: String, _ sub: String) async throws
    -> String
  {
    let base = client.s3.url(bucket: bucket, key: nil).absoluteString
    let url = URL(string: base + "?" + sub)!
    let response = try await client.send(
      HTTPRequest(method: "GET", url: url),
      operation: AWSOperation(service: .s3, name: "GetBucket-\(sub)", isIdempotent: true),
      signing: .s3)
    return response.bodyText
  }
}
