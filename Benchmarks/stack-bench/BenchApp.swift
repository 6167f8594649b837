import StackKit

/// A generated app shaped like real infrastructure: per stack a VPC, then workers of seven
/// resources each (role, policy, log group, security group, function, queue, alarm) whose
/// properties hold references, `GetAtt`s, joins from interpolation, tags and `DependsOn`.
enum BenchApp {
  /// Resources in one worker.
  static let workerSize = 7

  /// Builds the construct tree of `stacks` stacks of `resourcesPerStack` resources each; each
  /// stack after the first depends on the one before.
  static func make(
    stacks: Int, resourcesPerStack: Int, outdir: String, format: TemplateFormat
  ) -> App {
    let app = App(outdir: outdir, format: format, environment: [:])
    var previous: Stack?
    for s in 0..<stacks {
      let stack = Stack(
        app, "Service\(s)", description: "Generated service \(s) for the synthesis benchmark",
        tags: [("team", "platform"), ("service", "service-\(s)")])
      if let previous { stack.addDependency(previous) }
      populate(stack, resources: resourcesPerStack, index: s)
      previous = stack
    }
    return app
  }

  static func populate(_ stack: Stack, resources: Int, index: Int) {
    let vpc = CfnResource(
      stack, "Vpc", type: "AWS::EC2::VPC",
      properties: [
        ("CidrBlock", .string("10.\(index % 250).0.0/16")), ("EnableDnsHostnames", true),
        ("EnableDnsSupport", true),
        ("Tags", [["Key": "Name", "Value": "\(Pseudo.stackName)/Vpc"]]),
      ])
    var made = 1
    var worker = 0
    var lastFunction: CfnResource?
    while made < resources {
      let group = Construct(stack, "Worker\(worker)")
      let role = CfnResource(
        group, "Role", type: "AWS::IAM::Role",
        properties: [
          (
            "AssumeRolePolicyDocument",
            [
              "Statement": [
                [
                  "Action": "sts:AssumeRole", "Effect": "Allow",
                  "Principal": ["Service": "lambda.amazonaws.com"],
                ]
              ],
              "Version": "2012-10-17",
            ]
          ),
          (
            "ManagedPolicyArns",
            [
              "arn:\(Pseudo.partition):iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
            ]
          ),
        ])
      made += 1
      var parts: [CfnResource] = [role]
      if made < resources {
        let logs = CfnResource(
          group, "Logs", type: "AWS::Logs::LogGroup",
          properties: [
            ("LogGroupName", "/aws/lambda/\(Pseudo.stackName)-worker-\(worker)"),
            ("RetentionInDays", 14),
          ])
        logs.applyRemovalPolicy(.retain)
        parts.append(logs)
        made += 1
      }
      if made < resources {
        let sg = CfnResource(
          group, "SecurityGroup", type: "AWS::EC2::SecurityGroup",
          properties: [
            ("GroupDescription", .string("Worker \(worker) of \(stack.node.id)")),
            (
              "SecurityGroupEgress",
              [["CidrIp": "0.0.0.0/0", "Description": "all", "IpProtocol": "-1"]]
            ),
            (
              "SecurityGroupIngress",
              [
                [
                  "CidrIp": vpc.getAtt("CidrBlock"), "FromPort": 443, "IpProtocol": "tcp",
                  "ToPort": 443,
                ]
              ]
            ),
            ("VpcId", vpc.ref),
          ])
        parts.append(sg)
        made += 1
      }
      if made < resources {
        let queue = CfnResource(
          group, "Queue", type: "AWS::SQS::Queue",
          properties: [
            ("MessageRetentionPeriod", 345_600), ("VisibilityTimeout", 180),
            ("Tags", [["Key": "worker", "Value": .string("\(worker)")]]),
          ])
        queue.applyRemovalPolicy(.destroy)
        parts.append(queue)
        made += 1
      }
      if made < resources {
        let policy = CfnResource(
          group, "Policy", type: "AWS::IAM::Policy",
          properties: [
            (
              "PolicyDocument",
              [
                "Statement": [
                  [
                    "Action": [
                      "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                    ],
                    "Effect": "Allow",
                    "Resource": parts.count > 3 ? parts[3].getAtt("Arn") : "*",
                  ],
                  [
                    "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Effect": "Allow",
                    "Resource": parts.count > 1 ? parts[1].getAtt("Arn") : "*",
                  ],
                ],
                "Version": "2012-10-17",
              ]
            ),
            ("PolicyName", .string("worker\(worker)policy")),
            ("Roles", [role.ref]),
          ])
        parts.append(policy)
        made += 1
      }
      if made < resources {
        let function = CfnResource(
          group, "Function", type: "AWS::Lambda::Function",
          properties: [
            ("Architectures", ["arm64"]),
            (
              "Code",
              [
                "S3Bucket": "cdk-hnb659fds-assets-\(Pseudo.accountID)-\(Pseudo.region)",
                "S3Key": .string("\(String(repeating: "ab", count: 32)).zip"),
              ]
            ),
            (
              "Environment",
              [
                "Variables": [
                  "QUEUE_URL": parts.count > 3 ? parts[3].ref : "",
                  "STAGE": "prod", "WORKER": .string("\(worker)"),
                ]
              ]
            ),
            ("Handler", "index.handler"), ("MemorySize", 256),
            ("Role", role.getAtt("Arn")), ("Runtime", "python3.12"), ("Timeout", 30),
            (
              "VpcConfig",
              [
                "SecurityGroupIds": parts.count > 2 ? [parts[2].getAtt("GroupId")] : [],
                "SubnetIds": [Fn.select(0, Fn.getAZs())],
              ]
            ),
          ])
        for p in parts.dropFirst(4) { function.addDependency(p) }
        if let lastFunction { function.addDependency(lastFunction) }
        lastFunction = function
        parts.append(function)
        made += 1
      }
      if made < resources {
        let alarm = CfnResource(
          group, "Alarm", type: "AWS::CloudWatch::Alarm",
          properties: [
            ("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
            (
              "Dimensions",
              [["Name": "FunctionName", "Value": parts.last!.ref]]
            ),
            ("EvaluationPeriods", 1), ("MetricName", "Errors"), ("Namespace", "AWS/Lambda"),
            ("Period", 300), ("Statistic", "Sum"), ("Threshold", 1),
          ])
        _ = alarm
        made += 1
      }
      worker += 1
    }
    _ = CfnOutput(stack, "VpcId", value: vpc.ref, exportName: "\(Pseudo.stackName)-VpcId")
  }
}
