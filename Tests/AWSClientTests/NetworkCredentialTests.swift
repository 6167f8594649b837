import AWSClient
import Foundation
import Testing

/// Providers that call a service — ECS, IMDSv2, STS AssumeRole and AssumeRoleWithWebIdentity —
/// against a local HTTP server on 127.0.0.1 through the real URLSession transport, or against a
/// scripted transport where the address is fixed (169.254.x.x is never contacted).
struct NetworkCredentialTests {
  static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

  func environment(_ home: TemporaryDirectory, _ variables: [String: String]) -> AWSEnvironment {
    var all = ["AWS_EC2_METADATA_DISABLED": "true"]
    all.merge(variables) { _, new in new }
    return AWSEnvironment(variables: all, homeDirectory: home.path)
  }

  static func credentialsJSON(_ key: String, code: String? = nil) -> String {
    let codeField = code.map { "\"Code\": \"\($0)\", " } ?? ""
    return "{\(codeField)\"AccessKeyId\": \"\(key)\", \"SecretAccessKey\": \"sec-\(key)\", "
      + "\"Token\": \"tok-\(key)\", \"Expiration\": \"2030-01-01T00:00:00Z\"}"
  }

  static func stsCredentials(_ action: String, _ key: String) -> String {
    """
    <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
      <\(action)Result>
        <Credentials>
          <AccessKeyId>\(key)</AccessKeyId><SecretAccessKey>sec-\(key)</SecretAccessKey>
          <SessionToken>tok-\(key)</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>
        </Credentials>
        <AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/deploy/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
      </\(action)Result>
    </\(action)Response>
    """
  }

  @Test func ecsFullURIWithAuthorizationTokenFile() async throws {
    let home = try TemporaryDirectory()
    let tokenFile = try home.write("token", "secret-auth-token\n")
    let server = try LocalHTTPServer { request in
      guard request.headers["authorization"] == "secret-auth-token" else {
        return HTTPResponse(status: 401)
      }
      return HTTPResponse(status: 200, text: Self.credentialsJSON("ASIAECS"))
    }
    defer { server.stop() }
    let env = environment(
      home,
      [
        "AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(server.url)/creds",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
        "AWS_CONTAINER_AUTHORIZATION_TOKEN": "ignored-when-file-set",
      ])
    let context = try CredentialProviderContext(
      environment: env, transport: URLSessionTransport(timeout: 5))
    let credentials = try await CredentialProviderChain.default(profile: nil, context: context)
      .credentials()
    #expect(credentials.accessKeyID == "ASIAECS")
    #expect(credentials.secretAccessKey == "sec-ASIAECS")
    #expect(credentials.sessionToken == "tok-ASIAECS")
    #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_456_000))
    #expect(server.requests.map(\.path) == ["/creds"])
    #expect(server.requests.first?.method == "GET")
  }

  @Test func ecsRelativeURIGoesToTheAgentAddress() async throws {
    let home = try TemporaryDirectory()
    let transport = ScriptedTransport([
      .respond(HTTPResponse(status: 200, text: Self.credentialsJSON("ASIAREL")))
    ])
    let env = environment(
      home,
      [
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN": "t1",
      ])
    let provider = ContainerCredentialProvider(
      context: try CredentialProviderContext(environment: env, transport: transport))
    #expect(try await provider.credentials().accessKeyID == "ASIAREL")
    #expect(
      transport.requests.map(\.url.absoluteString) == ["http://169.254.170.2/v2/credentials/abc"])
    #expect(transport.requests.first?.header("Authorization") == "t1")
  }

  @Test func ecsFullURIMustBeLocalOrHTTPS() async throws {
    let home = try TemporaryDirectory()
    let transport = ScriptedTransport([.fail(.cannotConnect)])
    let env = environment(
      home, ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://evil.example.com/creds"])
    let provider = ContainerCredentialProvider(
      context: try CredentialProviderContext(environment: env, transport: transport))
    let error = await #expect(throws: AWSClientError.self) { try await provider.credentials() }
    #expect(error?.code == .credentialProviderFailed)
    #expect(error?.message.contains("must be https") == true)
    #expect(transport.requests.isEmpty)
  }

  @Test func instanceMetadataV2TokenThenRoleThenCredentials() async throws {
    let home = try TemporaryDirectory()
    let server = try LocalHTTPServer { request in
      switch (request.method, request.path) {
      case ("PUT", "/latest/api/token"):
        guard request.headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600" else {
          return HTTPResponse(status: 400)
        }
        return HTTPResponse(status: 200, text: "imds-token-1")
      case ("GET", "/latest/meta-data/iam/security-credentials/"):
        guard request.headers["x-aws-ec2-metadata-token"] == "imds-token-1" else {
          return HTTPResponse(status: 401)
        }
        return HTTPResponse(status: 200, text: "web-role\n")
      case ("GET", "/latest/meta-data/iam/security-credentials/web-role"):
        guard request.headers["x-aws-ec2-metadata-token"] == "imds-token-1" else {
          return HTTPResponse(status: 401)
        }
        return HTTPResponse(status: 200, text: Self.credentialsJSON("ASIAIMDS", code: "Success"))
      default:
        return HTTPResponse(status: 404)
      }
    }
    defer { server.stop() }
    var env = environment(
      home, ["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url.absoluteString + "/"])
    env.variables["AWS_EC2_METADATA_DISABLED"] = nil
    let context = try CredentialProviderContext(
      environment: env, transport: URLSessionTransport(timeout: 5))
    let credentials = try await CredentialProviderChain.default(profile: nil, context: context)
      .credentials()
    #expect(credentials.accessKeyID == "ASIAIMDS")
    #expect(credentials.sessionToken == "tok-ASIAIMDS")
    #expect(credentials.source?.contains("web-role") == true)
    #expect(
      server.requests.map { "\($0.method) \($0.path)" } == [
        "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
        "GET /latest/meta-data/iam/security-credentials/web-role",
      ])
  }

  @Test func instanceMetadataDefaultsAndDisabling() async throws {
    let home = try TemporaryDirectory()
    let transport = ScriptedTransport([.fail(.timedOut)])
    let on = InstanceMetadataCredentialProvider(
      context: try CredentialProviderContext(
        environment: AWSEnvironment(variables: [:], homeDirectory: home.path), transport: transport)
    )
    #expect(on.endpoint.absoluteString == "http://169.254.169.254")
    let unreachable = await #expect(throws: AWSClientError.self) { try await on.credentials() }
    #expect(unreachable?.code == .noCredentials)
    #expect(transport.requests.map(\.method) == ["PUT"])
    #expect(transport.requests.first?.timeout == 1)

    let off = InstanceMetadataCredentialProvider(
      context: try CredentialProviderContext(
        environment: environment(home, [:]), transport: transport))
    await #expect(throws: AWSClientError.self) { try await off.credentials() }
    #expect(transport.requests.count == 1)
  }

  @Test func assumeRoleFromSourceProfileThroughSTS() async throws {
    let home = try TemporaryDirectory()
    let server = try LocalHTTPServer { request in
      let form = request.form
      switch form["Action"] {
      case "AssumeRole":
        return HTTPResponse(status: 200, text: Self.stsCredentials("AssumeRole", "ASIAROLE"))
      case "DescribeStacks":
        return HTTPResponse(
          status: 200, text: "<R><DescribeStacksResult><Stacks/></DescribeStacksResult></R>")
      default:
        return HTTPResponse(
          status: 400,
          text:
            "<ErrorResponse><Error><Code>InvalidAction</Code><Message>no</Message></Error></ErrorResponse>"
        )
      }
    }
    defer { server.stop() }
    try home.write(
      ".aws/credentials",
      "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = \(Self.secret)\n")
    try home.write(
      ".aws/config",
      """
      [profile deploy]
      role_arn = arn:aws:iam::123456789012:role/deploy
      source_profile = base
      role_session_name = ci-run-7
      external_id = ext-42
      duration_seconds = 1800
      region = eu-central-1
      """)
    let env = environment(
      home,
      [
        "AWS_ENDPOINT_URL_STS": server.url.absoluteString,
        "AWS_ENDPOINT_URL": server.url.absoluteString,
      ])
    let client = try AWSClient(
      profile: "deploy", environment: env, transport: URLSessionTransport(timeout: 5))
    #expect(client.region == "eu-central-1")
    _ = try await client.cloudFormation.describeStacks()
    let requests = server.requests
    #expect(requests.map { $0.form["Action"] ?? "" } == ["AssumeRole", "DescribeStacks"])
    let assume = requests[0]
    #expect(assume.form["RoleArn"] == "arn:aws:iam::123456789012:role/deploy")
    #expect(assume.form["RoleSessionName"] == "ci-run-7")
    #expect(assume.form["ExternalId"] == "ext-42")
    #expect(assume.form["DurationSeconds"] == "1800")
    #expect(assume.headers["authorization"]?.contains("Credential=AKIABASE/") == true)
    #expect(assume.headers["authorization"]?.contains("/eu-central-1/sts/aws4_request") == true)
    let call = requests[1]
    #expect(call.headers["authorization"]?.contains("Credential=ASIAROLE/") == true)
    #expect(call.headers["x-amz-security-token"] == "tok-ASIAROLE")
  }

  @Test func assumeRoleRefusedBySTSSaysSoWithoutSecrets() async throws {
    let home = try TemporaryDirectory()
    let transport = ScriptedTransport([
      Fixture.xml(
        403,
        "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error><RequestId>sts-1</RequestId></ErrorResponse>"
      )
    ])
    try home.write(
      ".aws/config",
      "[profile deploy]\nrole_arn = arn:aws:iam::1:role/deploy\ncredential_source = Environment\n")
    let env = environment(
      home,
      [
        "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": Self.secret,
        "AWS_SESSION_TOKEN": "env-token-xyz",
      ])
    let context = try CredentialProviderContext(environment: env, transport: transport)
    let error = await #expect(throws: AWSClientError.self) {
      try await CredentialProviderChain.default(profile: "deploy", context: context).credentials()
    }
    #expect(error?.code == .credentialProviderFailed)
    #expect(error?.message.contains("AccessDenied") == true)
    #expect(error?.message.contains("sts-1") == true)
    #expect(error?.message.contains(Self.secret) == false)
    #expect(error?.message.contains("env-token-xyz") == false)
    // Signed with the environment's keys (credential_source = Environment).
    #expect(transport.requests.first?.header("Authorization")?.contains("AKIAENV/") == true)
    #expect(transport.requests.first?.url.host == "sts.us-east-1.amazonaws.com")
  }

  @Test func webIdentityFromTheEnvironmentIsUnsigned() async throws {
    let home = try TemporaryDirectory()
    let tokenFile = try home.write("oidc-token", "eyJhbGciOiJSUzI1NiJ9.payload.sig\n")
    let server = try LocalHTTPServer { request in
      HTTPResponse(
        status: 200, text: Self.stsCredentials("AssumeRoleWithWebIdentity", "ASIAWEB"))
    }
    defer { server.stop() }
    let env = environment(
      home,
      [
        "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::1:role/ci",
        "AWS_ROLE_SESSION_NAME": "gha-123", "AWS_ENDPOINT_URL_STS": server.url.absoluteString,
      ])
    let context = try CredentialProviderContext(
      environment: env, transport: URLSessionTransport(timeout: 5), region: "us-west-2")
    let credentials = try await CredentialProviderChain.default(profile: nil, context: context)
      .credentials()
    #expect(credentials.accessKeyID == "ASIAWEB")
    #expect(credentials.source == "web identity (role arn:aws:iam::1:role/ci)")
    let request = try #require(server.requests.first)
    #expect(request.form["Action"] == "AssumeRoleWithWebIdentity")
    #expect(request.form["RoleArn"] == "arn:aws:iam::1:role/ci")
    #expect(request.form["RoleSessionName"] == "gha-123")
    #expect(request.form["WebIdentityToken"] == "eyJhbGciOiJSUzI1NiJ9.payload.sig")
    #expect(request.headers["authorization"] == nil)
  }

  @Test func webIdentityFromProfileKeys() async throws {
    let home = try TemporaryDirectory()
    try home.write("token", "jwt")
    try home.write(
      ".aws/config",
      "[profile ci]\nrole_arn = arn:aws:iam::1:role/ci\nweb_identity_token_file = ~/token\n")
    let transport = ScriptedTransport([
      Fixture.xml(200, Self.stsCredentials("AssumeRoleWithWebIdentity", "ASIAPROFILE"))
    ])
    let context = try CredentialProviderContext(
      environment: environment(home, [:]), transport: transport)
    let credentials = try await CredentialProviderChain.default(profile: "ci", context: context)
      .credentials()
    #expect(credentials.accessKeyID == "ASIAPROFILE")
    #expect(transport.requests.first?.formParameters["WebIdentityToken"] == "jwt")
    #expect(
      transport.requests.first?.formParameters["RoleSessionName"]?.hasPrefix("stackkit-") == true)
  }

  @Test func unreadableWebIdentityTokenFile() async throws {
    let home = try TemporaryDirectory()
    let env = environment(
      home,
      [
        "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/missing",
        "AWS_ROLE_ARN": "arn:aws:iam::1:role/ci",
      ])
    let context = try CredentialProviderContext(
      environment: env, transport: ScriptedTransport([.fail(.cannotConnect)]))
    let error = await #expect(throws: AWSClientError.self) {
      try await CredentialProviderChain.default(profile: nil, context: context).credentials()
    }
    #expect(error?.code == .credentialProviderFailed)
    #expect(error?.message.contains("cannot read the token file") == true)
  }
}
