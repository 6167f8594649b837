import StackKit

extension Lambda {
  /// A Lambda function (`AWS::Lambda::Function`), as AWS CDK's `lambda.Function`: a generated
  /// role (`ServiceRole`, with `AWSLambdaBasicExecutionRole`, plus
  /// `AWSLambdaVPCAccessExecutionRole` in a VPC) unless one is given; in a VPC, its own security
  /// group (`SecurityGroup`) unless some are given, and a dependency of everything below it on
  /// the selected subnets' route-table associations and default routes.
  ///
  /// ```swift
  /// let fn = Lambda.Function(
  ///   stack, "producerFn", runtime: .python312, handler: "redis_connect.lambda_handler",
  ///   code: .fromAsset("functions/redis-connect"), role: producerRole, vpc: vpc,
  ///   vpcSubnets: EC2.SubnetSelection(subnetType: .privateIsolated), securityGroups: [lambdaSG],
  ///   environment: ["secret_arn": secret.secretARN], layers: [layer])
  /// ```
  public final class Function: Construct, EC2.Connectable, IAM.Grantable {
    public let runtime: Runtime
    public let handler: String
    /// The VPC the function runs in, if any.
    public let vpc: EC2.Vpc?
    private var storage: (resource: CfnFunction, role: IAM.Role, connections: EC2.Connections?)!
    private var environmentEntries: [(String, Value)] = []
    private var layerList: [LayerVersion] = []
    private var problems: [String] = []
    private var invokeGrants: [String: IAM.Grant] = [:]

    /// The `AWS::Lambda::Function`.
    public var resource: CfnFunction { storage.resource }
    /// The execution role.
    public var role: IAM.Role { storage.role }
    /// `{"Fn::GetAtt": [function, "Arn"]}`.
    public var functionARN: Value { resource.attrArn }
    /// `{"Ref": function}`: the function name.
    public var functionName: Value { resource.ref }
    /// The layers, in order.
    public var layers: [LayerVersion] { layerList }
    /// The role receives what is granted to the function.
    public var grantPrincipal: any IAM.Principal { role }

    /// The function's security groups; only a function in a VPC has some (using them otherwise
    /// is reported at synthesis).
    public var connections: EC2.Connections {
      if let c = storage.connections { return c }
      let p =
        "the function is not in a VPC, so it has no security groups to connect. Give it a vpc, or grant access with IAM instead."
      if !problems.contains(p) { problems.append(p) }
      return EC2.Connections()
    }

    /// Creates a function.
    ///
    /// - Parameters:
    ///   - role: the execution role; a new `ServiceRole` child by default.
    ///   - vpcSubnets: the default selection of the VPC (private, else isolated) when `nil`.
    ///   - securityGroups: a new `SecurityGroup` child by default (in a VPC).
    ///   - allowAllOutbound: for the security group created by default.
    ///   - allowPublicSubnet: allow public subnets (a function there cannot reach the internet).
    ///   - environment: variables, in order.
    ///   - timeout: 3 seconds (Lambda's default) when `nil`; at most 15 minutes.
    ///   - memorySize: MB, 128 to 10240; Lambda's default (128) when `nil`.
    ///   - initialPolicy: statements added to the role's default policy.
    @discardableResult
    public init(
      _ scope: Construct, _ id: String, runtime: Runtime, handler: String, code: Code,
      role: IAM.Role? = nil, vpc: EC2.Vpc? = nil, vpcSubnets: EC2.SubnetSelection? = nil,
      securityGroups: [EC2.SecurityGroup]? = nil, allowAllOutbound: Bool? = nil,
      allowPublicSubnet: Bool = false, environment: KeyValuePairs<String, Value> = [:],
      layers: [LayerVersion] = [], timeout: Duration? = nil, memorySize: Int? = nil,
      description: String? = nil, functionName: String? = nil,
      initialPolicy: [IAM.PolicyStatement] = [], architecture: Architecture? = nil,
      reservedConcurrentExecutions: Int? = nil
    ) {
      self.runtime = runtime
      self.handler = handler
      self.vpc = vpc
      super.init(scope, id)
      if let problem = runtime.handlerProblem(handler) { problems.append(problem) }
      checkProperties(
        timeout: timeout, memorySize: memorySize, description: description,
        functionName: functionName, reservedConcurrentExecutions: reservedConcurrentExecutions)

      var managedPolicies: [any IAM.ManagedPolicyReference] = [
        IAM.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaBasicExecutionRole")
      ]
      if vpc != nil {
        managedPolicies.append(
          IAM.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaVPCAccessExecutionRole")
        )
      }
      let executionRole =
        role
        ?? IAM.Role(
          self, "ServiceRole", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"),
          managedPolicies: managedPolicies)
      for statement in initialPolicy { _ = executionRole.addToPrincipalPolicy(statement) }

      if case .inline(let source) = code {
        if source.isEmpty {
          problems.append("the inline code is empty. Give the function's source.")
        }
        if !runtime.supportsInlineCode {
          problems.append(
            "\(runtime.name) does not take inline code. Use Lambda.Code.fromAsset, or a Node.js or Python runtime."
          )
        }
      }
      let bound = code.bind(self)
      for (key, value) in environment { addEnvironment(key, value) }

      var vpcConfig: CfnFunction.VpcConfig?
      var connections: EC2.Connections?
      if let vpc {
        let groups =
          securityGroups.flatMap { $0.isEmpty ? nil : $0 }
          ?? [
            EC2.SecurityGroup(
              self, "SecurityGroup", vpc: vpc,
              description: "Automatic security group for Lambda Function \(EC2.uniqueID(of: self))",
              allowAllOutbound: allowAllOutbound ?? true)
          ]
        if securityGroups?.isEmpty == false, allowAllOutbound != nil {
          problems.append(
            "allowAllOutbound is set together with securityGroups. Set allowAllOutbound on those security groups instead."
          )
        }
        for group in groups where group.vpc !== vpc {
          problems.append(
            "the security group \(group.node.path) belongs to the VPC \(group.vpc.node.path), not to \(vpc.node.path) where the function runs. Use a security group of \(vpc.node.path)."
          )
        }
        connections = EC2.Connections(securityGroups: groups)
        let selected = vpc.selectSubnets(vpcSubnets ?? EC2.SubnetSelection())
        if selected.hasPublic && !allowPublicSubnet {
          problems.append(
            "the function is placed in public subnets, where it cannot reach the internet (Lambda gives it no public IP). Select private subnets, or set allowPublicSubnet to true if that is what you want."
          )
        }
        node.addDependency(selected.internetConnectivityEstablished)
        vpcConfig = CfnFunction.VpcConfig(
          securityGroupIds: .list(groups.map(\.securityGroupID)),
          subnetIds: .list(selected.subnetIDs))
      } else {
        if vpcSubnets != nil || securityGroups != nil || allowAllOutbound != nil {
          problems.append(
            "vpcSubnets, securityGroups and allowAllOutbound only apply to a function in a VPC. Give vpc, or remove them."
          )
        }
      }

      let function = CfnFunction(
        self, "Resource", architectures: architecture.map { .strings([$0.rawValue]) },
        code: CfnFunction.Code(
          s3Bucket: bound.s3Bucket, s3Key: bound.s3Key, s3ObjectVersion: bound.s3ObjectVersion,
          zipFile: bound.zipFile),
        description: description.map(Value.string), functionName: functionName.map(Value.string),
        handler: .string(handler), memorySize: memorySize.map(Value.int),
        reservedConcurrentExecutions: reservedConcurrentExecutions.map(Value.int),
        role: executionRole.roleArn, runtime: CfnFunction.Runtime(.string(runtime.name)),
        timeout: timeout.map { .int(Int($0.components.seconds)) }, vpcConfig: vpcConfig)
      storage = (function, executionRole, connections)
      function.node.addDependency(executionRole)
      renderEnvironment()
      addLayers(layers)
    }

    public override func validate() -> [String] { super.validate() + problems }

    func report(_ problem: String) { problems.append(problem) }
    func invokeGrant(for key: String) -> IAM.Grant? { invokeGrants[key] }
    func rememberInvokeGrant(_ grant: IAM.Grant, for key: String) { invokeGrants[key] = grant }

    /// Adds an environment variable (after those given at creation).
    ///
    /// ```swift
    /// fn.addEnvironment("STAGE", "prod")
    /// ```
    @discardableResult
    public func addEnvironment(_ key: String, _ value: Value) -> Function {
      if !Self.isValidEnvironmentKey(key) {
        problems.append(
          "the environment variable name \"\(key)\" is not one Lambda accepts. Use a letter followed by at least one letter, digit or underscore."
        )
      } else if Self.reservedEnvironmentKeys.contains(key) {
        problems.append(
          "the environment variable \(key) is reserved by Lambda, which sets it itself. Use another name."
        )
      }
      if let i = environmentEntries.firstIndex(where: { $0.0 == key }) {
        environmentEntries[i].1 = value
      } else {
        environmentEntries.append((key, value))
      }
      if storage != nil { renderEnvironment() }
      return self
    }

    /// Adds layers (at most 5 in all); each must be compatible with the function's runtime.
    public func addLayers(_ layers: LayerVersion...) { addLayers(layers) }

    /// Adds layers (at most 5 in all).
    public func addLayers(_ layers: [LayerVersion]) {
      for layer in layers {
        if layerList.count == 5 {
          problems.append(
            "the function already has 5 layers, the most Lambda allows; \(layer.node.path) cannot be added. Merge some layers."
          )
          continue
        }
        if let runtimes = layer.compatibleRuntimes, !runtimes.contains(runtime) {
          problems.append(
            "the layer \(layer.node.path) is for \(runtimes.map(\.name).joined(separator: ", ")), not for the function's \(runtime.name). Add \(runtime.name) to the layer's compatibleRuntimes or use another runtime."
          )
        }
        layerList.append(layer)
      }
      resource.layers = layerList.isEmpty ? nil : .list(layerList.map(\.layerVersionARN))
    }

    /// Adds a statement to the execution role's default policy.
    public func addToRolePolicy(_ statement: IAM.PolicyStatement) {
      _ = role.addToPrincipalPolicy(statement)
    }

    private func renderEnvironment() {
      resource.environment =
        environmentEntries.isEmpty
        ? nil : CfnFunction.Environment(variables: .object(environmentEntries))
    }

    private func checkProperties(
      timeout: Duration?, memorySize: Int?, description: String?, functionName: String?,
      reservedConcurrentExecutions: Int?
    ) {
      if let timeout {
        let (seconds, attoseconds) = timeout.components
        if attoseconds != 0 {
          problems.append("the timeout \(timeout) is not a whole number of seconds. Round it.")
        } else if seconds < 1 || seconds > 900 {
          problems.append(
            "the timeout is \(seconds) seconds; Lambda takes 1 to 900 (15 minutes). Use a timeout in that range."
          )
        }
      }
      if let memorySize, !(128...10240).contains(memorySize) {
        problems.append(
          "memorySize is \(memorySize) MB; Lambda takes 128 to 10240. Use a size in that range.")
      }
      if let description, description.utf8.count > 256 {
        problems.append(
          "the description is \(description.utf8.count) characters; Lambda takes at most 256. Shorten it."
        )
      }
      if let functionName {
        let ok =
          !functionName.isEmpty && functionName.utf8.count <= 64
          && functionName.allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
          }
        if !ok {
          problems.append(
            "the function name \"\(functionName)\" is not one Lambda accepts. Use 1 to 64 letters, digits, hyphens or underscores."
          )
        }
      }
      if let reservedConcurrentExecutions, reservedConcurrentExecutions < 0 {
        problems.append(
          "reservedConcurrentExecutions is \(reservedConcurrentExecutions). Use 0 or more.")
      }
    }

    private static func isValidEnvironmentKey(_ key: String) -> Bool {
      guard key.count >= 2, let first = key.first, first.isASCII, first.isLetter else {
        return false
      }
      return key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// Variables the Lambda runtime sets, which a function cannot.
    static let reservedEnvironmentKeys: Set<String> = [
      "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
      "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
      "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
      "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
      "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]
  }
}
