import StackKit

extension KMS {
  /// A KMS alias (`AWS::KMS::Alias`) pointing at a key. The `alias/` prefix is added when missing,
  /// as AWS CDK adds it.
  ///
  /// ```swift
  /// let alias = KMS.Alias(stack, "Alias", aliasName: "app/main", targetKey: key)
  /// // AliasName "alias/app/main", TargetKeyId {"Fn::GetAtt": [key, "Arn"]}
  /// ```
  public final class Alias: Construct {
    /// The full name, starting with `alias/`.
    public let aliasName: String
    private var resourceStorage: KMS.CfnAlias!

    public init(_ scope: Construct, _ id: String, aliasName: String, targetKey: Key) {
      self.aliasName = aliasName.hasPrefix("alias/") ? aliasName : "alias/" + aliasName
      super.init(scope, id)
      resourceStorage = KMS.CfnAlias(
        self, "Resource", aliasName: .string(self.aliasName), targetKeyId: targetKey.keyArn)
      node.addValidation { [unowned self] in self.validateAlias() }
    }

    /// The `AWS::KMS::Alias` resource.
    public var resource: KMS.CfnAlias { resourceStorage }

    private func validateAlias() -> [String] {
      if aliasName == "alias/" {
        return [
          "the alias name is empty. Give a name after \"alias/\", such as \"alias/app/main\"."
        ]
      }
      if aliasName.lowercased().hasPrefix("alias/aws/") {
        return [
          "the alias \(aliasName) starts with alias/aws/, which AWS reserves for its own keys. Choose another name."
        ]
      }
      let name = aliasName.dropFirst("alias/".count)
      let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/_-".utf8)
      if name.utf8.count > 256 || !name.utf8.allSatisfy(allowed.contains) {
        return [
          "the alias \(aliasName) is not valid: after alias/, use 1 to 256 letters, digits and the characters :/_-."
        ]
      }
      return []
    }
  }
}
