import Foundation

extension AWSClient {
  /// Signs and sends a request, retrying as ``retryPolicy`` allows; returns a 2xx response or
  /// throws ``AWSError`` (the service said no), ``AWSClientError`` (no credentials, unreachable
  /// endpoint …) or `CancellationError`.
  ///
  /// ```swift
  /// let op = AWSOperation(service: .s3, name: "HeadBucket", isIdempotent: true)
  /// let response = try await client.send(HTTPRequest(method: "HEAD", url: url), operation: op,
  ///                                      signing: .s3)
  /// ```
  public func send(
    _ request: HTTPRequest, operation: AWSOperation,
    signing options: SigV4.Options = SigV4.Options()
  ) async throws -> HTTPResponse {
    var attempt = 0
    var refreshedExpiredCredentials = false
    while true {
      attempt += 1
      try Task.checkCancellation()
      var prepared = request
      if prepared.header("User-Agent") == nil { prepared.headers["User-Agent"] = userAgent }
      if operation.isSigned {
        let credentials = try await self.credentials()
        let signer = SigV4(
          credentials: credentials, region: region, service: operation.service.signingName,
          options: options)
        prepared = signer.sign(prepared, date: now())
      }
      let outcome: Result<HTTPResponse, HTTPTransportError>
      do {
        outcome = .success(try await transport.send(prepared))
      } catch let error as HTTPTransportError {
        outcome = .failure(error)
      }
      switch outcome {
      case .success(let response) where response.isSuccess:
        return response
      case .success(let response):
        var error = AWSError(
          response: response, service: operation.service.serviceID, operation: operation.name)
        error.attempts = attempt
        if error.isExpiredCredentials, !refreshedExpiredCredentials,
          let caching = credentialProvider as? CachingCredentialProvider
        {
          // The service saw the credentials as expired: fetch fresh ones once and try again.
          refreshedExpiredCredentials = true
          await caching.invalidate()
          attempt -= 1
          continue
        }
        guard attempt < retryPolicy.maxAttempts,
          retryPolicy.shouldRetry(error, idempotent: operation.isIdempotent)
        else { throw error }
        try await retryPolicy.sleep(retryPolicy.delay(beforeRetry: attempt - 1))
      case .failure(let error):
        guard attempt < retryPolicy.maxAttempts,
          retryPolicy.shouldRetry(error, idempotent: operation.isIdempotent)
        else {
          throw AWSClientError.connectionFailed(
            error, service: operation.service, operation: operation.name, attempts: attempt,
            idempotent: operation.isIdempotent)
        }
        try await retryPolicy.sleep(retryPolicy.delay(beforeRetry: attempt - 1))
      }
    }
  }
}

extension AWSClientError {
  static func connectionFailed(
    _ error: HTTPTransportError, service: AWSService, operation: String, attempts: Int,
    idempotent: Bool
  ) -> AWSClientError {
    var text = "\(service.serviceID) \(operation): \(error)"
    if attempts > 1 { text += " (after \(attempts) attempts)" }
    text += ". "
    if !idempotent && error.kind != .cannotConnect {
      text +=
        "It was not retried because it may have taken effect; check its result before running "
        + "it again. "
    }
    text +=
      "Check the endpoint (--endpoint-url, \(service.endpointVariable), AWS_ENDPOINT_URL), "
      + "the network and any proxy settings."
    return AWSClientError(.connectionFailed, text)
  }
}
