import StackKit

extension IAM {
  /// Something permissions can be granted to: a role, a function, a principal.
  ///
  /// ```swift
  /// let grant = IAM.Grant.addToPrincipal(
  ///   grantee: role, actions: ["s3:GetObject"], resourceARNs: ["arn:aws:s3:::bucket/*"])
  /// ```
  public protocol Grantable {
    /// The principal that receives the permissions.
    var grantPrincipal: any IAM.Principal { get }
  }
}
