import AWSClient
import Foundation
import Testing

/// Credentials: redaction, the environment, shared files and profiles, credential_process, the
/// chain's order, caching and refresh.
struct CredentialsTests {
  static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
  static let token = "FQoGZXIvYXdzEXAMPLETOKEN//////////wEaDM"

  /// An environment whose home is a fresh directory, with IMDS turned off.
  func environment(_ home: TemporaryDirectory, _ variables: [String: String] = [:])
    -> AWSEnvironment
  {
    var all = ["AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"]
    all.merge(variables) { _, new in new }
    return AWSEnvironment(variables: all, homeDirectory: home.path)
  }

  func context(
    _ env: AWSEnvironment, transport: any HTTPTransport = ScriptedTransport([.fail(.cannotConnect)])
  )
    throws -> CredentialProviderContext
  {
    try CredentialProviderContext(environment: env, transport: transport)
  }

  @Test func descriptionsNeverShowTheSecretOrToken() {
    let credentials = AWSCredentials(
      accessKeyID: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: Self.secret, sessionToken: Self.token,
      expiration: Date(timeIntervalSince1970: 1_800_000_000), source: "test")
    var dumped = ""
    dump(credentials, to: &dumped)
    let texts = [
      credentials.description, credentials.debugDescription, "\(credentials)",
      String(reflecting: credentials), dumped, "\([credentials])",
    ]
    for text in texts {
      #expect(!text.contains(Self.secret))
      #expect(!text.contains(Self.token))
      #expect(!text.contains("ASIAIOSFODNN7EXAMPLE"))
    }
    #expect(credentials.description.contains("****************MPLE"))
    #expect(credentials.description.contains("<redacted>"))
    #expect(credentials.description.contains("2027-01-15T08:00:00Z"))
  }

  @Test func environmentProvider() async throws {
    let home = try TemporaryDirectory()
    let full = EnvironmentCredentialProvider(
      environment: environment(
        home,
        [
          "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": Self.secret,
          "AWS_SESSION_TOKEN": Self.token, "AWS_CREDENTIAL_EXPIRATION": "2030-01-01T00:00:00Z",
        ]))
    let credentials = try await full.credentials()
    #expect(credentials.accessKeyID == "AKIAENV")
    #expect(credentials.secretAccessKey == Self.secret)
    #expect(credentials.sessionToken == Self.token)
    #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_456_000))

    let half = EnvironmentCredentialProvider(
      environment: environment(home, ["AWS_ACCESS_KEY_ID": "AKIAENV"]))
    let error = await #expect(throws: AWSClientError.self) { try await half.credentials() }
    #expect(error?.code == .credentialProviderFailed)
    #expect(error?.message.contains("AWS_SECRET_ACCESS_KEY is not") == true)

    let none = EnvironmentCredentialProvider(environment: environment(home))
    let missing = await #expect(throws: AWSClientError.self) { try await none.credentials() }
    #expect(missing?.code == .noCredentials)
  }

  @Test func parsesSharedFiles() throws {
    let config = AWSSharedConfig.parse(
      """
      # comment
      [default]
      region = us-east-1
      output=json

      [profile dev]
      region = eu-west-1   
      ; another comment
      role_arn = arn:aws:iam::1:role/dev
      s3 =
        max_concurrent_requests = 20
      [sso-session corp]
      sso_region = us-east-1
      [services local]
      cloudformation =
        endpoint_url = http://127.0.0.1:1
      [notaprofile]
      region = nowhere
      """, configStyle: true)
    #expect(config["default"] == ["region": "us-east-1", "output": "json"])
    #expect(config["dev"]?["region"] == "eu-west-1")
    #expect(config["dev"]?["role_arn"] == "arn:aws:iam::1:role/dev")
    #expect(config["dev"]?["s3.max_concurrent_requests"] == "20")
    #expect(config["corp"] == nil && config["notaprofile"] == nil && config["local"] == nil)
    #expect(Set(config.keys) == ["default", "dev"])

    let credentials = AWSSharedConfig.parse(
      "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = s#cret\n[profile odd]\nx = 1\n",
      configStyle: false)
    #expect(credentials["dev"]?["aws_secret_access_key"] == "s#cret")
    #expect(credentials["profile odd"]?["x"] == "1")

    let merged = AWSSharedConfig(
      credentialsProfiles: ["dev": ["region": "from-credentials", "aws_access_key_id": "A"]],
      configProfiles: config)
    #expect(merged.profile("dev")?["region"] == "from-credentials")
    #expect(merged.profile("dev")?["role_arn"] == "arn:aws:iam::1:role/dev")
    #expect(merged.profile("ghost") == nil)
    #expect(merged.profileNames == ["default", "dev"])
  }

  @Test func staticKeysFromTheSharedFilesAndTheirPathsFromTheEnvironment() async throws {
    let home = try TemporaryDirectory()
    try home.write(
      ".aws/credentials",
      "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = \(Self.secret)\n")
    try home.write(
      ".aws/config",
      "[profile cfg]\naws_access_key_id = AKIACONFIG\naws_secret_access_key = s2\naws_session_token = t2\n"
    )
    let elsewhere = try home.write(
      "other/creds", "[work]\naws_access_key_id = AKIAWORK\naws_secret_access_key = s3\n")

    let byDefault = try await CredentialProviderChain.default(
      profile: nil, context: context(environment(home))
    ).credentials()
    #expect(byDefault.accessKeyID == "AKIADEFAULT")
    #expect(byDefault.source?.contains("profile default") == true)

    let fromConfig = try await CredentialProviderChain.default(
      profile: "cfg", context: context(environment(home))
    ).credentials()
    #expect(fromConfig.accessKeyID == "AKIACONFIG")
    #expect(fromConfig.sessionToken == "t2")

    let env = environment(home, ["AWS_SHARED_CREDENTIALS_FILE": elsewhere, "AWS_PROFILE": "work"])
    let fromElsewhere = try await CredentialProviderChain.default(
      profile: nil, context: context(env)
    )
    .credentials()
    #expect(fromElsewhere.accessKeyID == "AKIAWORK")
  }

  @Test func chainOrderEnvironmentFirstUnlessAProfileIsExplicit() async throws {
    let home = try TemporaryDirectory()
    try home.write(
      ".aws/credentials",
      "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = s\n"
        + "[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = s\n")
    let variables = ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "s"]
    let env = environment(home, variables)
    #expect(
      try await CredentialProviderChain.default(profile: nil, context: context(env)).credentials()
        .accessKeyID == "AKIAENV")
    // AWS_PROFILE does not outrank the environment's keys; --profile does.
    let viaVariable = environment(home, variables.merging(["AWS_PROFILE": "other"]) { $1 })
    #expect(
      try await CredentialProviderChain.default(profile: nil, context: context(viaVariable))
        .credentials().accessKeyID == "AKIAENV")
    #expect(
      try await CredentialProviderChain.default(profile: "other", context: context(env))
        .credentials().accessKeyID == "AKIAOTHER")
  }

  @Test func credentialProcess() async throws {
    let home = try TemporaryDirectory()
    let script = try home.write(
      "bin/get creds.sh",
      """
      #!/bin/sh
      if [ "$1" != "--account" ] || [ "$2" != "dev team" ]; then echo "bad args: $*" >&2; exit 3; fi
      cat <<JSON
      {"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "\(Self.secret)",
       "SessionToken": "\(Self.token)", "Expiration": "2030-01-01T00:00:00Z"}
      JSON
      """, executable: true)
    let escaped = script.replacingOccurrences(of: " ", with: "\\ ")
    try home.write(
      ".aws/config",
      """
      [profile proc]
      credential_process = \(escaped) --account "dev team"
      [profile failing]
      credential_process = \(escaped) --account wrong
      [profile v2]
      credential_process = /bin/sh -c 'echo "{\\"Version\\": 2, \\"AccessKeyId\\": \\"A\\", \\"SecretAccessKey\\": \\"\(Self.secret)\\"}"'
      [profile missing]
      credential_process = /nonexistent/helper
      """)
    let env = environment(home)
    let credentials = try await CredentialProviderChain.default(
      profile: "proc", context: context(env)
    ).credentials()
    #expect(credentials.accessKeyID == "ASIAPROC")
    #expect(credentials.secretAccessKey == Self.secret)
    #expect(credentials.sessionToken == Self.token)
    #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_456_000))

    let failing = await #expect(throws: AWSClientError.self) {
      try await CredentialProviderChain.default(profile: "failing", context: context(env))
        .credentials()
    }
    #expect(failing?.code == .credentialProviderFailed)
    #expect(failing?.message.contains("exited with status 3") == true)
    #expect(failing?.message.contains("bad args: --account wrong") == true)

    let version = await #expect(throws: AWSClientError.self) {
      try await CredentialProviderChain.default(profile: "v2", context: context(env)).credentials()
    }
    #expect(version?.message.contains("\"Version\": 1") == true)
    #expect(version?.message.contains(Self.secret) == false)

    let missing = await #expect(throws: AWSClientError.self) {
      try await CredentialProviderChain.default(profile: "missing", context: context(env))
        .credentials()
    }
    #expect(missing?.code == .credentialProviderFailed)
  }

  @Test func splitsCommandLinesLikeAShell() {
    #expect(
      ProcessCredentialProvider.split(#"a "b c" 'd "e"' f\ g "h\"i" "#) == [
        "a", "b c", #"d "e""#, "f g", #"h"i"#,
      ])
    #expect(ProcessCredentialProvider.split("  ") == [])
    #expect(ProcessCredentialProvider.split(#"x """#) == ["x", ""])
  }

  @Test func unknownProfileSaysWhichExist() throws {
    let home = try TemporaryDirectory()
    try home.write(
      ".aws/config", "[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n")
    let error = #expect(throws: AWSClientError.self) {
      try AWSClient(profile: "prod", environment: environment(home))
    }
    #expect(error?.code == .unknownProfile)
    #expect(error?.message.contains("'prod'") == true)
    #expect(error?.message.contains("known profiles: default, dev") == true)
    #expect(error?.message.contains("aws configure --profile prod") == true)
    // AWS_PROFILE naming a missing profile is the same mistake.
    #expect(throws: AWSClientError.self) {
      try AWSClient(environment: environment(home, ["AWS_PROFILE": "typo"]))
    }
  }

  @Test func noCredentialsAnywhereListsWhatWasTried() async throws {
    let home = try TemporaryDirectory()
    let transport = ScriptedTransport([.fail(.cannotConnect)])
    let client = try AWSClient(
      region: "us-east-1", environment: environment(home), transport: transport,
      retryPolicy: RetryPolicy(maxAttempts: 1))
    let error = await #expect(throws: AWSClientError.self) {
      try await client.cloudFormation.describeStacks()
    }
    #expect(error?.code == .noCredentials)
    #expect(error?.message.contains("environment variables") == true)
    #expect(error?.message.contains("EC2 instance metadata") == true)
    #expect(error?.message.contains("AWS_ACCESS_KEY_ID") == true)
    // IMDS was disabled, nothing else needs the network: no request left the process.
    #expect(transport.requests.isEmpty)
  }

  @Test func ssoProfileExplainsTheWorkaround() async throws {
    let home = try TemporaryDirectory()
    try home.write(".aws/config", "[profile corp]\nsso_session = corp\nsso_account_id = 1\n")
    let error = await #expect(throws: AWSClientError.self) {
      try await CredentialProviderChain.default(
        profile: "corp", context: context(environment(home))
      ).credentials()
    }
    #expect(error?.message.contains("aws configure export-credentials --profile corp") == true)
  }

  @Test func sourceProfileLoopIsReported() async throws {
    let home = try TemporaryDirectory()
    try home.write(
      ".aws/config",
      "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
        + "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n")
    let error = await #expect(throws: AWSClientError.self) {
      try await CredentialProviderChain.default(profile: "a", context: context(environment(home)))
        .credentials()
    }
    #expect(error?.message.contains("loop") == true)
  }

  @Test func cachingRefreshesFiveMinutesBeforeExpiry() async throws {
    let clock = TestClock(Date(timeIntervalSince1970: 1_000_000))
    let source = CountingProvider(clock: clock, lifetime: 3600)
    let cache = CachingCredentialProvider(source, now: { clock.now })
    let first = try await cache.credentials()
    clock.advance(3600 - 301)  // 5 minutes and 1 second left: still cached
    #expect(try await cache.credentials() == first)
    #expect(source.calls == 1)
    clock.advance(2)  // inside the 5-minute window: refreshed
    let second = try await cache.credentials()
    #expect(source.calls == 2)
    #expect(second.accessKeyID != first.accessKeyID)
  }

  @Test func concurrentCallersShareOneRefresh() async throws {
    let clock = TestClock(Date(timeIntervalSince1970: 1_000_000))
    let source = CountingProvider(clock: clock, lifetime: 3600, delay: 0.05)
    let cache = CachingCredentialProvider(source, now: { clock.now })
    let keys = try await withThrowingTaskGroup(of: String.self) { group in
      for _ in 0..<20 { group.addTask { try await cache.credentials().accessKeyID } }
      return try await group.reduce(into: Set<String>()) { $0.insert($1) }
    }
    #expect(keys.count == 1)
    #expect(source.calls == 1)
  }

  @Test func failedRefreshKeepsCredentialsThatStillWork() async throws {
    let clock = TestClock(Date(timeIntervalSince1970: 1_000_000))
    let source = CountingProvider(clock: clock, lifetime: 3600)
    let cache = CachingCredentialProvider(source, now: { clock.now })
    let first = try await cache.credentials()
    source.failing = true
    clock.advance(3600 - 60)  // one minute left
    #expect(try await cache.credentials() == first)
    clock.advance(120)  // expired
    await #expect(throws: AWSClientError.self) { try await cache.credentials() }
  }

  @Test func expiredCredentialsAreRefusedWithAClearMessage() async throws {
    let expired = AWSCredentials(
      accessKeyID: "ASIAOLD", secretAccessKey: Self.secret, sessionToken: Self.token,
      expiration: Date(timeIntervalSince1970: 1_000), source: "profile stale")
    let transport = ScriptedTransport([Fixture.xml(200, "<ok/>")])
    let client = AWSClient(
      region: "us-east-1", credentials: StaticCredentialProvider(expired), transport: transport)
    let error = await #expect(throws: AWSClientError.self) {
      try await client.sts.getCallerIdentity()
    }
    #expect(error?.code == .credentialsExpired)
    #expect(error?.message.contains("profile stale") == true)
    #expect(error?.message.contains("expired at 1970-01-01T00:16:40Z") == true)
    #expect(error?.message.contains(Self.secret) == false)
    #expect(error?.message.contains(Self.token) == false)
    #expect(transport.requests.isEmpty)
  }

  @Test func serviceSayingExpiredTokenTriggersOneRefresh() async throws {
    let clock = TestClock(Date())
    let source = CountingProvider(clock: clock, lifetime: 3600)
    let cache = CachingCredentialProvider(source, now: { clock.now })
    let transport = ScriptedTransport([
      Fixture.queryError(
        403, "ExpiredToken", "The security token included in the request is expired"),
      Fixture.xml(
        200, "<R><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult></R>"),
    ])
    let client = AWSClient(
      region: "us-east-1", credentials: cache, transport: transport,
      retryPolicy: RetryPolicy(maxAttempts: 1))
    #expect(try await client.sts.getCallerIdentity().account == "1")
    #expect(source.calls == 2)
    let keys = transport.requests.compactMap { $0.header("Authorization") }.map {
      $0.split(separator: "/")[0]
    }
    #expect(keys[0] != keys[1])
  }
}

/// A settable clock.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date
  init(_ start: Date) { current = start }
  var now: Date { lock.withLock { current } }
  func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// Hands out numbered credentials valid for `lifetime` seconds, counting calls.
final class CountingProvider: AWSCredentialProvider, @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  private var shouldFail = false
  let clock: TestClock
  let lifetime: TimeInterval
  let delay: TimeInterval

  init(clock: TestClock, lifetime: TimeInterval, delay: TimeInterval = 0) {
    self.clock = clock
    self.lifetime = lifetime
    self.delay = delay
  }

  var calls: Int { lock.withLock { count } }
  var failing: Bool {
    get { lock.withLock { shouldFail } }
    set { lock.withLock { shouldFail = newValue } }
  }

  func credentials() async throws -> AWSCredentials {
    if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
    let (n, fail) = lock.withLock {
      count += 1
      return (count, shouldFail)
    }
    if fail { throw AWSClientError(.credentialProviderFailed, "refresh failed") }
    return AWSCredentials(
      accessKeyID: "ASIA\(n)", secretAccessKey: "secret\(n)", sessionToken: "token\(n)",
      expiration: clock.now.addingTimeInterval(lifetime))
  }
}
