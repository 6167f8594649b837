import StackKit
import StackKitAWS

/// The stack the deploy tests run against moto_server: only resources moto implements — a VPC
/// with two subnets, a security group, an IAM role with a policy, a Lambda function whose code
/// is an uploaded asset (functions/moto-demo), and an S3 bucket it reads.
///
/// The context value `motoDemoVersion` (1 by default) selects a second version for update
/// tests: version 2 opens HTTPS from the VPC, grants `s3:PutObject` and changes the function's
/// settings.
///
/// ```sh
/// stack deploy MotoDemo --endpoint-url http://127.0.0.1:5000 --region us-east-1
/// stack deploy MotoDemo -c motoDemoVersion=2 --endpoint-url http://127.0.0.1:5000
/// ```
final class MotoDemoStack: Stack {
  @discardableResult
  init(_ scope: Construct, _ id: String) {
    super.init(scope, id, description: "StackKit deploy example (resources moto implements)")
    let version = Self.version(node.tryGetContext("motoDemoVersion"))

    let vpc = EC2.CfnVPC(
      self, "Vpc", cidrBlock: "10.40.0.0/16", enableDnsHostnames: true, enableDnsSupport: true,
      tags: [CfnTag(key: "Name", value: "moto-demo")])
    let subnets = (0..<2).map { i in
      EC2.CfnSubnet(
        self, "Subnet\(i + 1)", availabilityZone: Fn.select(i, Fn.getAZs()),
        cidrBlock: .string("10.40.\(i * 16).0/20"), vpcId: vpc.ref)
    }
    var ingress: [EC2.CfnSecurityGroup.Ingress] = []
    if version >= 2 {
      ingress.append(
        .init(
          cidrIp: "10.40.0.0/16", description: "HTTPS from the VPC", fromPort: 443,
          ipProtocol: "tcp", toPort: 443))
    }
    let group = EC2.CfnSecurityGroup(
      self, "FunctionSecurityGroup", groupDescription: "MotoDemo function",
      securityGroupEgress: [
        .init(
          cidrIp: "0.0.0.0/0", description: "HTTPS out", fromPort: 443, ipProtocol: "tcp",
          toPort: 443)
      ],
      securityGroupIngress: ingress.isEmpty ? nil : ingress, vpcId: vpc.ref)

    let bucket = S3.CfnBucket(
      self, "DataBucket", tags: [CfnTag(key: "purpose", value: "moto-demo")])

    let role = IAM.CfnRole(
      self, "FunctionRole",
      assumeRolePolicyDocument: [
        "Version": "2012-10-17",
        "Statement": [
          [
            "Effect": "Allow", "Action": "sts:AssumeRole",
            "Principal": ["Service": "lambda.amazonaws.com"],
          ]
        ],
      ])
    var actions: [Value] = ["s3:GetObject", "s3:ListBucket"]
    if version >= 2 { actions.append("s3:PutObject") }
    _ = IAM.CfnPolicy(
      self, "FunctionPolicy",
      policyDocument: [
        "Version": "2012-10-17",
        "Statement": [
          [
            "Effect": "Allow", "Action": .list(actions),
            "Resource": [bucket.getAtt("Arn"), "\(bucket.getAtt("Arn"))/*"],
          ]
        ],
      ],
      policyName: "moto-demo-function", roles: [role.ref])

    let code = Asset(self, "Code", path: "functions/moto-demo")
    let function = Lambda.CfnFunction(
      self, "Function",
      code: .init(s3Bucket: code.bucketName, s3Key: code.objectKeyValue),
      description: version >= 2 ? "Lists the data bucket (v2)" : "Lists the data bucket",
      environment: .init(variables: ["BUCKET": bucket.ref]),
      handler: "index.handler", memorySize: version >= 2 ? 256 : 128, role: role.getAtt("Arn"),
      runtime: "python3.12", timeout: 10,
      vpcConfig: .init(
        securityGroupIds: [group.getAtt("GroupId")], subnetIds: .list(subnets.map(\.ref))))

    _ = CfnOutput(self, "VpcId", value: vpc.ref)
    _ = CfnOutput(self, "BucketName", value: bucket.ref)
    _ = CfnOutput(self, "FunctionName", value: function.ref)
  }

  static func version(_ value: JSON?) -> Int {
    switch value {
    case .int(let i)?: return i
    case .string(let s)?: return Int(s) ?? 1
    default: return 1
    }
  }
}
