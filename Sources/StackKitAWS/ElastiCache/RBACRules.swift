/// The rules ElastiCache applies to RBAC users, user groups and their access strings, shared by
/// ``ElastiCache/RedisRbacUser``, ``ElastiCache/UserGroup`` and ``ElastiCache/ReplicationGroup``.
enum RBACRules {
  /// The characters ElastiCache refuses in a password (`,` `"` `/` `@`, from the ElastiCache RBAC
  /// guide), which a generated password must exclude.
  static let refusedPasswordCharacters = ",\"/@"

  /// ElastiCache passwords are 16 to 128 printable characters.
  static let passwordLengths = 16...128

  /// `^[a-zA-Z][a-zA-Z0-9-]*$`: the pattern of user ids and user group ids in the ElastiCache API
  /// (`CreateUser`, `CreateUserGroup`) and in the CloudFormation schemas' `UserIds` and
  /// `UserGroupIds` items.
  static func isValidID(_ id: String) -> Bool {
    guard let first = id.utf8.first, isLetter(first) else { return false }
    return id.utf8.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }

  private static func isLetter(_ b: UInt8) -> Bool { b | 0x20 >= 0x61 && b | 0x20 <= 0x7A }

  /// The problem with a user id or user group id, if any, naming `what` ("user id").
  static func idProblem(_ id: String, what: String) -> String? {
    isValidID(id)
      ? nil
      : "the \(what) \"\(id)\" is not one ElastiCache accepts. Start with a letter and use only letters, digits and hyphens (pattern ^[a-zA-Z][a-zA-Z0-9-]*$)."
  }

  /// Problems with an access string (Redis ACL rules, as ElastiCache accepts them), without ever
  /// repeating a password the string may hold.
  static func accessStringProblems(_ accessString: String) -> [String] {
    let rules = accessString.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    if rules.isEmpty {
      return [
        "the access string is empty. Give the user's rules, such as \"on ~app:* -@all +get\" (or \"off +get ~keys*\" for a disabled user)."
      ]
    }
    var problems: [String] = []
    func once(_ message: String) { if !problems.contains(message) { problems.append(message) } }
    for rule in rules {
      let lower = rule.lowercased()
      if rule.hasPrefix(">") || rule.hasPrefix("<") {
        once(
          "the access string carries a password (a rule starting with '>' or '<'; not repeated here). ElastiCache refuses passwords in access strings, and a password written there would be in the template in clear. Remove the rule: the password comes from the user's secret."
        )
      } else if rule.hasPrefix("#") || rule.hasPrefix("!") {
        once(
          "the access string carries a password hash (a rule starting with '#' or '!'; not repeated here). ElastiCache refuses passwords in access strings. Remove the rule: the password comes from the user's secret."
        )
      } else if lower == "reset" {
        once(
          "the access string uses 'reset', which ElastiCache refuses (it would remove the passwords ElastiCache manages). Remove it and list the rules the user needs, starting from \"off\" or \"on\"."
        )
      } else if lower == "resetpass" {
        once(
          "the access string uses 'resetpass', which removes the user's passwords. Remove it: ElastiCache manages passwords through the user's Passwords."
        )
      } else if lower == "nopass" {
        once(
          "the access string uses 'nopass', which lets anyone authenticate as this user with any password and makes its generated secret pointless. Remove 'nopass'; a user that needs no password is an ElastiCache no-password user, not an RBAC user with a secret."
        )
      }
    }
    return problems
  }
}
