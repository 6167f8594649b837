extension ReplacementRules {
  /// The create-only properties of the resource types StackKit's constructs use.
  public static let standard = ReplacementRules(createOnlyProperties: builtIn)

  /// Taken from the CloudFormation registry schemas (`createOnlyProperties`).
  static let builtIn: [String: [String]] = [
    "AWS::EC2::VPC": ["CidrBlock", "InstanceTenancy", "Ipv4IpamPoolId", "Ipv4NetmaskLength"],
    "AWS::EC2::Subnet": [
      "AvailabilityZone", "AvailabilityZoneId", "CidrBlock", "Ipv4IpamPoolId",
      "Ipv4NetmaskLength", "Ipv6Native", "OutpostArn", "VpcId",
    ],
    "AWS::EC2::SecurityGroup": ["GroupDescription", "GroupName", "VpcId"],
    "AWS::EC2::SecurityGroupIngress": [
      "CidrIp", "CidrIpv6", "FromPort", "GroupId", "GroupName", "IpProtocol",
      "SourcePrefixListId", "SourceSecurityGroupId", "SourceSecurityGroupName",
      "SourceSecurityGroupOwnerId", "ToPort",
    ],
    "AWS::EC2::SecurityGroupEgress": [
      "CidrIp", "CidrIpv6", "DestinationPrefixListId", "DestinationSecurityGroupId",
      "FromPort", "GroupId", "IpProtocol", "ToPort",
    ],
    "AWS::EC2::RouteTable": ["VpcId"],
    "AWS::EC2::Route": [
      "RouteTableId", "DestinationCidrBlock", "DestinationIpv6CidrBlock",
      "DestinationPrefixListId",
    ],
    "AWS::EC2::SubnetRouteTableAssociation": ["SubnetId", "RouteTableId"],
    "AWS::EC2::InternetGateway": [],
    "AWS::EC2::VPCGatewayAttachment": ["VpcId"],
    "AWS::EC2::NatGateway": [
      "SubnetId", "ConnectivityType", "PrivateIpAddress", "AllocationId",
    ],
    "AWS::EC2::EIP": ["Domain", "NetworkBorderGroup", "TransferAddress", "PublicIpv4Pool"],
    "AWS::EC2::VPCEndpoint": ["ServiceName", "VpcEndpointType", "VpcId", "ServiceNetworkArn"],
    "AWS::IAM::Role": ["Path", "RoleName"],
    "AWS::IAM::Policy": [],
    "AWS::IAM::ManagedPolicy": ["Description", "ManagedPolicyName", "Path"],
    "AWS::IAM::User": [],
    "AWS::IAM::InstanceProfile": ["InstanceProfileName", "Path"],
    "AWS::KMS::Key": [],
    "AWS::KMS::Alias": ["AliasName"],
    "AWS::Lambda::Function": ["FunctionName"],
    "AWS::Lambda::Permission": [
      "Action", "EventSourceToken", "FunctionName", "FunctionUrlAuthType", "Principal",
      "PrincipalOrgID", "SourceAccount", "SourceArn",
    ],
    "AWS::Lambda::LayerVersion": [
      "CompatibleRuntimes", "CompatibleArchitectures", "LicenseInfo", "Content", "LayerName",
      "Description",
    ],
    "AWS::Logs::LogGroup": ["LogGroupName"],
    "AWS::S3::Bucket": ["BucketName", "ObjectLockEnabled"],
    "AWS::S3::BucketPolicy": ["Bucket"],
    "AWS::SecretsManager::Secret": ["Name"],
    "AWS::SecretsManager::ResourcePolicy": ["SecretId"],
    "AWS::SecretsManager::SecretTargetAttachment": [],
    "AWS::SecretsManager::RotationSchedule": ["SecretId"],
    "AWS::ElastiCache::User": ["UserId", "UserName", "Engine"],
    "AWS::ElastiCache::UserGroup": ["UserGroupId", "Engine"],
    "AWS::ElastiCache::SubnetGroup": ["CacheSubnetGroupName"],
    "AWS::ElastiCache::ReplicationGroup": [
      "KmsKeyId", "NetworkType", "PrimaryClusterId", "ReplicationGroupId",
      "GlobalReplicationGroupId", "SnapshotName", "SnapshotArns", "AtRestEncryptionEnabled",
      "CacheSubnetGroupName", "DataTieringEnabled", "PreferredCacheClusterAZs", "Port",
    ],
    "AWS::SSM::Parameter": ["Name"],
  ]
}
