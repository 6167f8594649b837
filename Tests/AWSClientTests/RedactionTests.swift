import AWSClient
import Foundation
import Testing

/// Requests and signing results never print the session token, the signature, a presigned URL's
/// signing parameters or a form body, however they are printed.
@Suite struct RedactionTests {
  static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
  static let token = "IQoJb3JpZ2luX2VjEXAMPLE-SESSION-TOKEN"
  static let credentials = AWSCredentials(
    accessKeyID: "ASIAEXAMPLEKEYID", secretAccessKey: secret, sessionToken: token)

  /// Every way a value can be printed.
  static func printed(_ value: Any) -> String {
    var dumped = ""
    dump(value, to: &dumped)
    return "\(value)\n" + String(reflecting: value) + "\n" + dumped + "\n\([value])"
  }

  @Test func aSignedRequestPrintsWithoutTokenSignatureOrBody() throws {
    let request = HTTPRequest(
      method: "POST", url: URL(string: "https://cloudformation.us-east-1.amazonaws.com/")!,
      headers: ["Content-Type": "application/x-www-form-urlencoded"],
      body: Data("Action=CreateChangeSet&Parameters.member.1.ParameterValue=hunter2-db".utf8))
    let signer = SigV4(
      credentials: Self.credentials, region: "us-east-1", service: "cloudformation")
    let signed = signer.sign(request, date: Date(timeIntervalSince1970: 1_700_000_000))
    let signature = try #require(signed.header("Authorization")?.components(separatedBy: "=").last)
    let text = Self.printed(signed)
    for hidden in [Self.token, Self.secret, signature, "hunter2-db"] {
      #expect(!text.contains(hidden), "\(hidden) printed in \(text)")
    }
    #expect(text.contains("POST https://cloudformation.us-east-1.amazonaws.com/"))
    #expect(text.contains("Authorization: <redacted>"))
    #expect(text.contains("X-Amz-Security-Token: <redacted>"))
    #expect(text.contains("Content-Type: application/x-www-form-urlencoded"))
    #expect(text.contains("\(request.body.count) bytes"))
  }

  @Test func aPresignedURLPrintsWithoutItsSigningParameters() {
    let signer = SigV4(credentials: Self.credentials, region: "us-east-1", service: "s3")
    let url = signer.presign(
      HTTPRequest(method: "GET", url: URL(string: "https://b.s3.amazonaws.com/k?versionId=7")!),
      date: Date(timeIntervalSince1970: 1_700_000_000), expires: 900)
    let request = HTTPRequest(method: "GET", url: url)
    let text = Self.printed(request)
    #expect(!text.contains(Self.token))
    #expect(!text.contains("ASIAEXAMPLEKEYID"))
    let signature = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?
      .first { $0.name == "X-Amz-Signature" }?.value
    #expect(signature != nil)
    if let signature { #expect(!text.contains(signature)) }
    #expect(text.contains("versionId=7"))
    #expect(text.contains("X-Amz-Signature=<redacted>"))
    #expect(text.contains("X-Amz-Expires=900"))
  }

  @Test func signingResultsPrintWithoutTokenOrSignature() {
    let signer = SigV4(credentials: Self.credentials, region: "us-east-1", service: "sts")
    let request = SigV4.Request(
      method: "POST", path: "/", headers: [.init("Host", "sts.amazonaws.com")],
      body: Data("Action=GetCallerIdentity".utf8))
    let date = Date(timeIntervalSince1970: 1_700_000_000)
    for signed in [
      signer.signHeaders(request, date: date), signer.presign(request, date: date, expires: 60),
    ] {
      // The token is part of what is signed …
      #expect(signed.canonicalRequest.contains(Self.token.prefix(10)))
      // … but never printed.
      let text = Self.printed(signed)
      for hidden in [Self.token, Self.secret, signed.signature] {
        #expect(!text.contains(hidden), "\(hidden) printed in \(text)")
      }
      #expect(text.contains("<redacted>"))
      #expect(text.contains("sts.amazonaws.com"))
    }
    // The signer itself shows its credentials redacted.
    let text = Self.printed(signer)
    #expect(!text.contains(Self.token) && !text.contains(Self.secret))
  }

  @Test func environmentConfigAndAWholeClientPrintWithoutSecrets() async throws {
    let home = try TemporaryDirectory()
    try home.write(
      ".aws/credentials",
      "[default]\naws_access_key_id = AKIAFILEEXAMPLE\naws_secret_access_key = file-s3cret\n"
        + "aws_session_token = file-t0ken\n")
    try home.write(".aws/config", "[default]\nregion = eu-west-1\n")
    let environment = AWSEnvironment(
      variables: [
        "AWS_ACCESS_KEY_ID": "AKIAENVEXAMPLE", "AWS_SECRET_ACCESS_KEY": Self.secret,
        "AWS_SESSION_TOKEN": Self.token, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "container-t0ken",
        "GITHUB_TOKEN": "ghp-t0ken", "DB_PASSWORD": "db-passw0rd", "AWS_REGION": "us-east-1",
        "AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token", "AWS_EC2_METADATA_DISABLED": "true",
      ], homeDirectory: home.path)
    let config = try AWSSharedConfig.load(environment: environment)
    let client = try AWSClient(
      environment: environment, transport: ScriptedTransport([.fail(.cannotConnect)]))
    // Credentials looked up (and cached) first, so the client holds them too.
    _ = try await client.credentialProvider.credentials()
    let hidden = [
      Self.secret, Self.token, "container-t0ken", "ghp-t0ken", "db-passw0rd", "file-s3cret",
      "file-t0ken",
    ]
    for value in [environment, config, client] as [Any] {
      let text = Self.printed(value)
      for secret in hidden {
        #expect(!text.contains(secret), "\(secret) printed in \(text)")
      }
    }
    let environmentText = Self.printed(environment)
    #expect(environmentText.contains("AWS_REGION: us-east-1"))
    #expect(environmentText.contains("AWS_SESSION_TOKEN: <redacted>"))
    #expect(environmentText.contains("AWS_WEB_IDENTITY_TOKEN_FILE: /var/run/token"))
    let configText = Self.printed(config)
    #expect(configText.contains("region: eu-west-1"))
    #expect(configText.contains("aws_secret_access_key: <redacted>"))
  }
}
