import StackKit

/// Writes access reviews as text tables, Markdown or JSON: role → secret → via → Redis user
/// → what the user may do, the secrets nobody can read, the Redis users, and broad access.
///
/// ```swift
/// let text = AccessRenderer(format: .markdown).render([review])
/// ```
public struct AccessRenderer: Sendable {
  public var format: AccessFormat

  public init(format: AccessFormat) {
    self.format = format
  }

  public func render(_ reviews: [AccessReview]) -> String {
    switch format {
    case .text: return reviews.map(text).joined(separator: "\n\n") + "\n"
    case .markdown: return reviews.map(markdown).joined(separator: "\n\n") + "\n"
    case .json: return JSONWriter().write(json(reviews)) + "\n"
    }
  }

  // MARK: - Cells shared by text and Markdown

  /// One row per role and secret it may read, or one "no secret" row per role.
  static func rows(_ review: AccessReview, lineBreak: String) -> [[String]] {
    let inventory = review.inventory
    var rows: [[String]] = []
    for role in inventory.roles {
      var roleCell = role.logicalID
      if !role.trustedBy.isEmpty {
        roleCell += lineBreak + "assumed by " + role.trustedBy.joined(separator: ", ")
      }
      if !role.usedBy.isEmpty {
        roleCell += lineBreak + "used by " + role.usedBy.joined(separator: ", ")
      }
      let entries = review.access.filter { $0.role == role.logicalID }
      if entries.isEmpty {
        rows.append([roleCell, "no secret", "", "", ""])
        continue
      }
      for (index, entry) in entries.enumerated() {
        var secretCell = entry.secret
        if case .conditional(let conditions) = entry.read {
          secretCell += lineBreak + "conditional: " + conditions.joined(separator: "; ")
        }
        switch entry.decrypt {
        case .allowed: break
        case .conditional(let conditions):
          secretCell += lineBreak + "decrypt conditional: " + conditions.joined(separator: "; ")
        case .unknown(let reason):
          secretCell += lineBreak + "decrypt not evaluated: " + reason
        case .denied(let reason), .notAllowed(let reason):
          secretCell += lineBreak + "cannot decrypt: " + reason
        }
        var via = entry.readVia.joined(separator: " +" + lineBreak)
        for (index, path) in entry.decryptVia.enumerated() {
          via += lineBreak + (index == 0 ? "KMS: " : "or: ") + path
        }
        var userCell = "-"
        var allowedCell = "not a Redis password"
        if let id = entry.redisUser,
          let user = inventory.redisUsers.first(where: {
            $0.logicalID == id
          })
        {
          userCell = user.userName
          allowedCell = allowed(user, lineBreak: lineBreak)
        }
        if !entry.canRead { allowedCell = "nothing (the secret cannot be read)" }
        rows.append([index == 0 ? roleCell : "", secretCell, via, userCell, allowedCell])
      }
    }
    return rows
  }

  static func allowed(_ user: AccessInventory.RedisUser, lineBreak: String) -> String {
    guard let acl = user.acl else { return "access string not readable" }
    var parts = acl.summaryParts
    if user.noPasswordRequired { parts[0] += ", no password" }
    if user.authenticationType == "iam" { parts[0] += ", IAM authentication" }
    return parts.joined(separator: lineBreak)
  }

  /// Secrets no role can read, with their Redis user.
  static func unread(_ review: AccessReview) -> [(secret: String, user: AccessInventory.RedisUser?)]
  {
    review.inventory.secrets.filter { review.readers(of: $0.logicalID).isEmpty }.map {
      ($0.logicalID, review.inventory.redisUser(withSecret: $0.logicalID))
    }
  }

  static func header(_ review: AccessReview) -> String {
    let i = review.inventory
    return "\(i.stackName): "
      + [
        count(i.roles.count, "IAM role"), count(i.secrets.count, "secret"),
        count(i.redisUsers.count, "Redis user"),
      ].joined(separator: ", ")
  }

  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  static func groupsText(_ user: AccessInventory.RedisUser) -> String {
    if user.userGroups.isEmpty { return "in no user group" }
    let groups = user.userGroups.joined(separator: ", ")
    let caches = user.replicationGroups
    return groups + (caches.isEmpty ? "" : " → " + caches.joined(separator: ", "))
  }

  // MARK: - Text

  func text(_ review: AccessReview) -> String {
    var out = [Self.header(review)]
    let inventory = review.inventory
    if inventory.roles.isEmpty && inventory.secrets.isEmpty && inventory.redisUsers.isEmpty {
      return out[0] + " (nothing to review)"
    }
    let widths = [40, 36, 52, 16, 36]
    let rows = Self.rows(review, lineBreak: "\n").map { row in
      row.enumerated().map { Self.wrap($0.element, width: widths[$0.offset]) }
    }
    let table = TextTable(
      headers: ["Role", "Secret", "Via", "Redis user", "Allowed in Redis"], rows: rows)
    out.append(table.render(maxColumnWidth: widths.max() ?? 52))
    let unread = Self.unread(review)
    if !unread.isEmpty {
      out.append("Secrets no role can read:")
      for (secret, user) in unread {
        out.append(
          "  \(secret)"
            + (user.map { " (Redis user \($0.userName): \($0.acl?.summary ?? "?"))" } ?? ""))
      }
    }
    if !inventory.redisUsers.isEmpty {
      out.append("Redis users:")
      for user in inventory.redisUsers {
        out.append(
          "  \(user.userName) (id \(user.userID), \(user.logicalID)): \(Self.groupsText(user))")
        out.append("    access string: \(user.accessString ?? "(not a plain string)")")
        if let acl = user.acl { out.append("    allows: \(acl.summary)") }
        let password =
          user.secrets.isEmpty
          ? (user.noPasswordRequired ? "none required" : "not from a secret of this stack")
          : user.secrets.joined(separator: ", ")
        out.append("    password: \(password)")
      }
    }
    if review.findings.isEmpty {
      out.append("Broad access: none found.")
    } else {
      out.append("Broad access (\(review.findings.count)):")
      for finding in review.findings { out.append("  ! \(finding.message)") }
    }
    if !review.notes.isEmpty {
      out.append("Not evaluated:")
      for note in review.notes { out.append("  - \(note)") }
    }
    return out.joined(separator: "\n")
  }

  /// Breaks each line of a cell at spaces so that it fits `width` columns (a longer word stays
  /// whole; the table cuts it).
  static func wrap(_ cell: String, width: Int) -> String {
    cell.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var lines: [String] = []
      var current = ""
      for word in line.split(separator: " ", omittingEmptySubsequences: false) {
        if !current.isEmpty && current.count + 1 + word.count > width {
          lines.append(current)
          current = "  " + word
        } else {
          current += (current.isEmpty ? "" : " ") + word
        }
      }
      lines.append(current)
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  // MARK: - Markdown

  func markdown(_ review: AccessReview) -> String {
    let inventory = review.inventory
    var out = ["### Access review: \(inventory.stackName)", ""]
    out.append(
      [
        Self.count(inventory.roles.count, "IAM role"),
        Self.count(inventory.secrets.count, "secret"),
        Self.count(inventory.redisUsers.count, "Redis user"),
      ].joined(separator: " · "))
    if inventory.roles.isEmpty && inventory.secrets.isEmpty && inventory.redisUsers.isEmpty {
      return out.joined(separator: "\n")
    }
    out.append("")
    // Names in code spans, other text escaped; the table turns line breaks into <br>.
    var rows = Self.rows(review, lineBreak: "\n")
    for index in rows.indices {
      for column in rows[index].indices where !rows[index][column].isEmpty {
        let lines = rows[index][column].components(separatedBy: "\n")
        let isName = [0, 1, 3].contains(column) && !["no secret", "-"].contains(lines[0])
        let first = isName ? "`\(lines[0])`" : Self.escaped(lines[0])
        rows[index][column] = ([first] + lines.dropFirst().map(Self.escaped))
          .joined(separator: "\n")
      }
    }
    let table = TextTable(
      headers: ["Role", "Secret", "Via", "Redis user", "Allowed in Redis"], rows: rows)
    out.append(table.renderMarkdown())
    let unread = Self.unread(review)
    if !unread.isEmpty {
      out.append("")
      out.append(
        "**Secrets no role can read:** "
          + unread.map { secret, user in
            "`\(secret)`" + (user.map { " (Redis user `\($0.userName)`)" } ?? "")
          }.joined(separator: ", "))
    }
    out.append("")
    if review.findings.isEmpty {
      out.append("**Broad access:** none found.")
    } else {
      out.append("**Broad access (\(review.findings.count)):**")
      out.append("")
      for finding in review.findings { out.append("- :warning: " + Self.escaped(finding.message)) }
    }
    if !inventory.redisUsers.isEmpty {
      out.append("")
      out.append("<details><summary>Redis users (\(inventory.redisUsers.count))</summary>")
      out.append("")
      var users = TextTable(
        headers: ["User", "Id", "Groups → caches", "Access string", "Allows", "Password from"])
      for user in inventory.redisUsers {
        users.rows.append([
          "`\(user.userName)`", "`\(user.userID)`", Self.groupsText(user),
          user.accessString.map { "`\($0)`" } ?? "(not a plain string)",
          Self.escaped(user.acl?.summary ?? "?"),
          user.secrets.isEmpty
            ? (user.noPasswordRequired ? "none required" : "-")
            : user.secrets.map { "`\($0)`" }.joined(separator: ", "),
        ])
      }
      out.append(users.renderMarkdown())
      out.append("")
      out.append("</details>")
    }
    if !review.notes.isEmpty {
      out.append("")
      out.append("Not evaluated:")
      out.append("")
      for note in review.notes { out.append("- " + Self.escaped(note)) }
    }
    return out.joined(separator: "\n")
  }

  /// Text with Markdown's emphasis, strike-through, code and HTML characters escaped.
  static func escaped(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "\\", "*", "_", "~", "`", "[", "]": out += "\\" + String(c)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.append(c)
      }
    }
    return out
  }

  // MARK: - JSON

  func json(_ reviews: [AccessReview]) -> JSON {
    .object(JSONObject([("stacks", .array(reviews.map(Self.json)))]))
  }

  static func json(_ verdict: AccessReview.Verdict) -> JSON {
    switch verdict {
    case .allowed: return .string("allowed")
    case .conditional(let c):
      return .object(
        JSONObject([("result", .string("conditional")), ("conditions", .array(c.map(JSON.string)))])
      )
    case .denied(let r):
      return .object(JSONObject([("result", .string("denied")), ("reason", .string(r))]))
    case .notAllowed(let r):
      return .object(JSONObject([("result", .string("not allowed")), ("reason", .string(r))]))
    case .unknown(let r):
      return .object(JSONObject([("result", .string("unknown")), ("reason", .string(r))]))
    }
  }

  static func json(_ user: AccessInventory.RedisUser) -> JSON {
    var o = JSONObject()
    o["logicalId"] = .string(user.logicalID)
    o["userName"] = .string(user.userName)
    o["userId"] = .string(user.userID)
    o["accessString"] = user.accessString.map(JSON.string) ?? .null
    if let acl = user.acl {
      o["enabled"] = .bool(acl.isEnabled)
      o["noPassword"] = .bool(acl.noPassword || user.noPasswordRequired)
      o["commands"] = .string(acl.root.commands.summary)
      o["keys"] = .array(
        (acl.root.allKeys ? [JSON.string("*")] : [])
          + acl.root.keyPatterns.map { .string($0.ruleText) })
      o["channels"] = .array(
        (acl.root.allChannels ? [JSON.string("*")] : []) + acl.root.channelPatterns.map(JSON.string)
      )
      o["selectors"] = .array(acl.selectors.map { .string($0.summary) })
      o["summary"] = .string(acl.summary)
      o["problems"] = .array(acl.problems.map { .string($0.description) })
    }
    o["secrets"] = .array(user.secrets.map(JSON.string))
    o["userGroups"] = .array(user.userGroups.map(JSON.string))
    o["replicationGroups"] = .array(user.replicationGroups.map(JSON.string))
    return .object(o)
  }

  static func json(_ review: AccessReview) -> JSON {
    let inventory = review.inventory
    var stack = JSONObject()
    stack["stack"] = .string(inventory.stackName)
    stack["roles"] = .array(
      inventory.roles.map { role in
        var o = JSONObject()
        o["logicalId"] = .string(role.logicalID)
        o["trustedBy"] = .array(role.trustedBy.map(JSON.string))
        o["usedBy"] = .array(role.usedBy.map(JSON.string))
        o["managedPolicies"] = .array(role.managedPolicies.map(JSON.string))
        o["secrets"] = .array(
          review.access.filter { $0.role == role.logicalID }.map { entry in
            var a = JSONObject()
            a["secret"] = .string(entry.secret)
            a["canRead"] = .bool(entry.canRead)
            a["getSecretValue"] = json(entry.read)
            a["getSecretValueVia"] = .array(entry.readVia.map(JSON.string))
            a["decrypt"] = json(entry.decrypt)
            a["decryptVia"] = .array(entry.decryptVia.map(JSON.string))
            a["redisUser"] = entry.redisUser.map(JSON.string) ?? .null
            return .object(a)
          })
        return .object(o)
      })
    stack["secrets"] = .array(
      inventory.secrets.map { secret in
        var o = JSONObject()
        o["logicalId"] = .string(secret.logicalID)
        switch secret.key {
        case .awsManaged: o["kmsKey"] = .string("aws/secretsmanager")
        case .key(let id), .external(let id): o["kmsKey"] = .string(id)
        }
        o["resourcePolicies"] = .array(secret.resourcePolicies.map(JSON.string))
        o["readers"] = .array(review.readers(of: secret.logicalID).map { .string($0.role) })
        o["redisUser"] =
          inventory.redisUser(withSecret: secret.logicalID).map { .string($0.logicalID) } ?? .null
        return .object(o)
      })
    stack["redisUsers"] = .array(inventory.redisUsers.map(json))
    stack["findings"] = .array(
      review.findings.map {
        .object(
          JSONObject([
            ("kind", .string($0.kind.rawValue)), ("subject", .string($0.subject)),
            ("message", .string($0.message)),
          ]))
      })
    stack["notes"] = .array(review.notes.map(JSON.string))
    return .object(stack)
  }
}
