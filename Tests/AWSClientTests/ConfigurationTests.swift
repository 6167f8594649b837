import AWSClient
import Foundation
import Testing

/// Region and endpoint resolution, in the AWS CLI's order of precedence.
struct ConfigurationTests {
  func env(_ home: TemporaryDirectory, _ variables: [String: String] = [:]) -> AWSEnvironment {
    AWSEnvironment(variables: variables, homeDirectory: home.path)
  }

  @Test func regionPrecedence() throws {
    let home = try TemporaryDirectory()
    try home.write(
      ".aws/config", "[default]\nregion = ap-southeast-2\n[profile dev]\nregion = eu-west-3\n")
    let all = ["AWS_REGION": "us-west-1", "AWS_DEFAULT_REGION": "us-west-2"]
    #expect(try AWSClient(region: "sa-east-1", environment: env(home, all)).region == "sa-east-1")
    #expect(try AWSClient(environment: env(home, all)).region == "us-west-1")
    #expect(
      try AWSClient(environment: env(home, ["AWS_DEFAULT_REGION": "us-west-2"])).region
        == "us-west-2")
    #expect(try AWSClient(environment: env(home)).region == "ap-southeast-2")
    #expect(try AWSClient(profile: "dev", environment: env(home)).region == "eu-west-3")
    #expect(try AWSClient(environment: env(home, ["AWS_PROFILE": "dev"])).region == "eu-west-3")
  }

  @Test func noRegionSaysWhereToSetIt() throws {
    let home = try TemporaryDirectory()
    try home.write(".aws/config", "[profile dev]\noutput = json\n")
    let error = #expect(throws: AWSClientError.self) {
      try AWSClient(profile: "dev", environment: env(home))
    }
    #expect(error?.code == .noRegion)
    #expect(error?.message.contains("--region") == true)
    #expect(error?.message.contains("AWS_REGION") == true)
    #expect(error?.message.contains("[profile dev]") == true)
  }

  @Test func endpointPrecedence() throws {
    let home = try TemporaryDirectory()
    let variables = [
      "AWS_ENDPOINT_URL_CLOUDFORMATION": "http://127.0.0.1:1001",
      "AWS_ENDPOINT_URL": "http://127.0.0.1:1000",
    ]
    let fromEnv = try AWSClient(region: "us-east-1", environment: env(home, variables))
    #expect(fromEnv.endpoint(for: .cloudFormation).url.absoluteString == "http://127.0.0.1:1001")
    #expect(fromEnv.endpoint(for: .s3).url.absoluteString == "http://127.0.0.1:1000")
    #expect(fromEnv.endpoint(for: .sts).isCustom)

    let explicit = try AWSClient(
      region: "us-east-1", endpointURL: "http://localhost:5000", environment: env(home, variables))
    #expect(explicit.endpoint(for: .cloudFormation).url.absoluteString == "http://localhost:5000")

    let plain = try AWSClient(region: "eu-west-1", environment: env(home))
    #expect(
      plain.endpoint(for: .cloudFormation).url.absoluteString
        == "https://cloudformation.eu-west-1.amazonaws.com")
    #expect(plain.endpoint(for: .sts).url.absoluteString == "https://sts.eu-west-1.amazonaws.com")
    #expect(!plain.endpoint(for: .s3).isCustom)
    let china = try AWSClient(region: "cn-north-1", environment: env(home))
    #expect(china.endpoint(for: .s3).url.absoluteString == "https://s3.cn-north-1.amazonaws.com.cn")

    let ignored = try AWSClient(
      region: "us-east-1",
      environment: env(
        home, variables.merging(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]) { $1 }))
    #expect(!ignored.endpoint(for: .cloudFormation).isCustom)
  }

  @Test func serviceEndpointVariableNames() {
    #expect(AWSService.cloudFormation.endpointVariable == "AWS_ENDPOINT_URL_CLOUDFORMATION")
    #expect(AWSService.s3.endpointVariable == "AWS_ENDPOINT_URL_S3")
    #expect(AWSService.sts.endpointVariable == "AWS_ENDPOINT_URL_STS")
    let spaced = AWSService(
      serviceID: "Elastic Beanstalk", signingName: "elasticbeanstalk",
      endpointPrefix: "elasticbeanstalk", apiVersion: "2010-12-01")
    #expect(spaced.endpointVariable == "AWS_ENDPOINT_URL_ELASTIC_BEANSTALK")
  }

  @Test func malformedEndpointIsRejected() throws {
    let home = try TemporaryDirectory()
    let error = #expect(throws: AWSClientError.self) {
      try AWSClient(region: "us-east-1", endpointURL: "localhost:5000", environment: env(home))
    }
    #expect(error?.code == .invalidEndpoint)
    #expect(error?.message.contains("http://127.0.0.1:5000") == true)
  }
}
