import StackKit

/// The template of StackKit's toolkit stack (`StackKitToolkit`): the asset bucket
/// `stackkit-assets-<account>-<region>` that `stack deploy` uploads assets and large templates
/// to, encrypted, versioned, closed to the public and reachable over TLS only.
///
/// ```swift
/// let body = BootstrapTemplate.text
/// // deployed by `stack bootstrap` as the stack BootstrapTemplate.stackName
/// ```
public enum BootstrapTemplate {
  /// The toolkit stack's name.
  public static let stackName = "StackKitToolkit"
  /// Raised whenever the template changes.
  public static let version = 1
  /// The oldest toolkit stack version `stack deploy` works with.
  public static let minimumVersion = 1
  /// The output holding the bucket's name.
  public static let bucketOutput = "AssetBucketName"
  /// The output holding the version.
  public static let versionOutput = "BootstrapVersion"
  /// The stack tag holding the version too.
  public static let versionTag = "stackkit:toolkit-version"

  /// The template as JSON text (what is deployed).
  public static let text = """
    {
      "Description": "StackKit toolkit stack: the asset bucket used by stack deploy (version \(version)).",
      "Resources": {
        "AssetBucket": {
          "Type": "AWS::S3::Bucket",
          "Properties": {
            "BucketName": {"Fn::Sub": "\(Asset.bucketNameTemplate)"},
            "BucketEncryption": {
              "ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
              ]
            },
            "VersioningConfiguration": {"Status": "Enabled"},
            "PublicAccessBlockConfiguration": {
              "BlockPublicAcls": true,
              "BlockPublicPolicy": true,
              "IgnorePublicAcls": true,
              "RestrictPublicBuckets": true
            },
            "LifecycleConfiguration": {
              "Rules": [
                {"Id": "ExpireOldVersions", "Status": "Enabled",
                 "NoncurrentVersionExpiration": {"NoncurrentDays": 30}}
              ]
            }
          },
          "UpdateReplacePolicy": "Retain",
          "DeletionPolicy": "Retain"
        },
        "AssetBucketPolicy": {
          "Type": "AWS::S3::BucketPolicy",
          "Properties": {
            "Bucket": {"Ref": "AssetBucket"},
            "PolicyDocument": {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "AllowSSLRequestsOnly",
                  "Effect": "Deny",
                  "Principal": "*",
                  "Action": "s3:*",
                  "Resource": [
                    {"Fn::GetAtt": ["AssetBucket", "Arn"]},
                    {"Fn::Join": ["", [{"Fn::GetAtt": ["AssetBucket", "Arn"]}, "/*"]]}
                  ],
                  "Condition": {"Bool": {"aws:SecureTransport": "false"}}
                }
              ]
            }
          }
        }
      },
      "Outputs": {
        "\(bucketOutput)": {"Value": {"Ref": "AssetBucket"}},
        "\(versionOutput)": {"Value": "\(version)"}
      }
    }

    """

  /// The template, parsed.
  public static var template: JSON {
    (try? JSONParser.parse(text)) ?? .object(JSONObject())
  }
}
