import Foundation

extension AWSClient {
  /// Sends an AWS Query request (`Action`, `Version` and the parameters, form-encoded in a POST)
  /// and returns the `<ActionResult>` element of the response (or the root when there is none).
  ///
  /// ```swift
  /// var parameters = QueryParameters()
  /// parameters["StackName"] = "app"
  /// let op = AWSOperation(service: .cloudFormation, name: "DescribeStacks", isIdempotent: true)
  /// let result = try await client.query(op, parameters)
  /// ```
  public func query(_ operation: AWSOperation, _ parameters: QueryParameters) async throws
    -> XMLNode
  {
    var fields = QueryParameters()
    fields["Action"] = operation.name
    fields["Version"] = operation.service.apiVersion
    for field in parameters.fields { fields[field.name] = field.value }
    let endpoint = endpoint(for: operation.service)
    var url = endpoint.url
    if url.path.isEmpty { url = url.appendingPathComponent("") }
    let request = HTTPRequest(
      method: "POST", url: url,
      headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
      body: Data(fields.encoded.utf8))
    let response = try await send(request, operation: operation)
    let root: XMLNode
    do {
      root = try XMLNode.parse(response.body)
    } catch {
      throw AWSClientError(
        .invalidResponse,
        "\(operation.service.serviceID) \(operation.name) returned HTTP \(response.status) with a "
          + "body that is not XML: \(AWSError.snippet(response)). Check the endpoint URL.")
    }
    return root["\(operation.name)Result"] ?? root
  }
}
