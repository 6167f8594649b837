import StackKit
import Testing

@testable import StackToolkit

/// The pieces of the access review's policy evaluation: patterns with pseudo parameters,
/// condition operators, and a key outside the template.
@Suite struct AccessPolicyTests {
  @Test func patternsWithPseudoParameters() {
    let arn = "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-Ab"
    #expect(PolicyPattern.like("arn:aws:secretsmanager:*:*:secret:db-*").matches(arn))
    #expect(
      PolicyPattern.like("arn:aws:secretsmanager:eu-west-1:123456789012:secret:*").matches(arn))
    #expect(!PolicyPattern.like("arn:aws:secretsmanager:*:*:secret:app-*").matches(arn))
    #expect(!PolicyPattern.like("arn:aws:kms:*:*:key/*").matches(arn))
    #expect(PolicyPattern.like("${AWS::Partition}:x").matches("aws-cn:x"))
    #expect(PolicyPattern.like("a?c").matches("abc") && !PolicyPattern.like("a?c").matches("ac"))
    #expect(!PolicyPattern.exact("a*").matches("abc") && PolicyPattern.exact("a*").matches("a*"))
    let via = "secretsmanager.${AWS::Region}.amazonaws.com"
    #expect(PolicyPattern.exact("secretsmanager.eu-west-1.amazonaws.com").matches(via))
    #expect(!PolicyPattern.exact("ec2.eu-west-1.amazonaws.com").matches(via))
  }

  static func condition(_ text: String) throws -> JSONObject? {
    try JSONParser.parse(text).objectValue
  }

  @Test func conditionOperators() throws {
    let context = PolicyContext(
      values: [
        "kms:ViaService": ["secretsmanager.${AWS::Region}.amazonaws.com"],
        "aws:SecureTransport": ["true"],
      ],
      absent: ["aws:SourceVpce", "aws:TagKeys"])
    func outcome(_ text: String) throws -> PolicyContext.Outcome {
      context.evaluate(try Self.condition(text))
    }
    #expect(
      try outcome(
        #"{"StringEquals": {"kms:ViaService": "secretsmanager.us-east-1.amazonaws.com"}}"#) == .met)
    #expect(
      try outcome(
        #"{"StringNotEquals": {"kms:viaservice": "secretsmanager.us-east-1.amazonaws.com"}}"#)
        == .notMet)
    #expect(
      try outcome(#"{"StringLike": {"kms:ViaService": ["ec2.*", "secretsmanager.*"]}}"#) == .met)
    let upper = "SECRETSMANAGER.${AWS::Region}.AMAZONAWS.COM"
    #expect(
      try outcome(#"{"StringEqualsIgnoreCase": {"kms:ViaService": "\#(upper)"}}"#) == .met)
    #expect(try outcome(#"{"Bool": {"aws:SecureTransport": "false"}}"#) == .notMet)
    #expect(try outcome(#"{"StringEquals": {"aws:SourceVpce": "vpce-1"}}"#) == .notMet)
    #expect(try outcome(#"{"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}"#) == .met)
    #expect(try outcome(#"{"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}"#) == .met)
    #expect(try outcome(#"{"Null": {"aws:SourceVpce": "true"}}"#) == .met)
    #expect(try outcome(#"{"Null": {"kms:ViaService": "true"}}"#) == .notMet)
    #expect(try outcome(#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}}"#) == .met)
    #expect(try outcome(#"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["a"]}}"#) == .notMet)
    guard case .unknown(let text) = try outcome(#"{"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}"#)
    else {
      Issue.record("an unknown key must stay unknown")
      return
    }
    #expect(text.contains("aws:SourceIp"))
    // Every operator must hold: one unmet is enough.
    let unknownAndUnmet =
      #"{"StringEquals": {"aws:PrincipalTag/team": "a"}, "#
      + #""Bool": {"aws:SecureTransport": "false"}}"#
    #expect(try outcome(unknownAndUnmet) == .notMet)
  }

  @Test func aKeyOutsideTheTemplateIsNotEvaluated() throws {
    let template = try JSONParser.parse(
      #"""
      {"Resources": {
        "R": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "read",
          "PolicyDocument": {"Statement": [{"Effect": "Allow", "Resource": {"Ref": "S"},
            "Action": "secretsmanager:GetSecretValue"}]}}]}},
        "S": {"Type": "AWS::SecretsManager::Secret", "Properties": {
          "KmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd"}}
      }}
      """#)
    let review = AccessReview(inventory: AccessInventory(template: template, stackName: "T"))
    let entry = try #require(review.access.first)
    #expect(entry.readVia == ["inline policy read of R"])
    #expect(
      entry.decrypt
        == .unknown(
          "the key arn:aws:kms:eu-west-1:123456789012:key/1234abcd is not in this template"))
    #expect(entry.canRead)
    #expect(review.notes.count == 1)
    let text = AccessRenderer(format: .text).render([review])
    #expect(text.contains("decrypt not evaluated"))
  }
}
