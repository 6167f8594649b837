/// A pattern of IAM policy text (an action, resource ARN, principal or condition value) matched
/// against a value from the template.
///
/// In `like` patterns `*` matches any text and `?` one character; `exact` patterns have no
/// wildcards. On both sides a pseudo parameter (`${AWS::Region}`, `${AWS::AccountId}` …) stands
/// for a value only known at deployment: in a pattern it matches anything, in a value it
/// matches any text up to the next `:` or `/`.
///
/// ```swift
/// PolicyPattern.like("arn:aws:secretsmanager:*:*:secret:db-*")
///   .matches("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:1:secret:db-AbCdEf")  // true
/// ```
public struct PolicyPattern: Sendable, Hashable {
  enum Token: Hashable {
    case character(Character)
    case anyRun
    case anyOne
  }

  let tokens: [Token]

  /// A pattern with `*` and `?` wildcards (`StringLike`, `ArnLike`, actions, resources).
  public static func like(_ text: String) -> PolicyPattern {
    PolicyPattern(tokens: tokenize(text, wildcards: true))
  }

  /// A pattern without wildcards (`StringEquals`, principals).
  public static func exact(_ text: String) -> PolicyPattern {
    PolicyPattern(tokens: tokenize(text, wildcards: false))
  }

  /// The pseudo parameters a template may hold (matched case-insensitively).
  static let pseudoParameters = [
    "${AWS::Partition}", "${AWS::Region}", "${AWS::AccountId}", "${AWS::URLSuffix}",
    "${AWS::StackName}", "${AWS::StackId}", "${AWS::NotificationARNs}", "${AWS::NoValue}",
  ].map { $0.lowercased() }

  /// The length of the pseudo parameter `text` starts with, if any.
  private static func pseudoLength(_ text: Substring) -> Int? {
    guard text.first == "$" else { return nil }
    return pseudoParameters.first { text.prefix($0.count).lowercased() == $0 }?.count
  }

  private static func tokenize(_ text: String, wildcards: Bool) -> [Token] {
    var out: [Token] = []
    var rest = Substring(text)
    while let c = rest.first {
      if let length = pseudoLength(rest) {
        out.append(.anyRun)
        rest = rest.dropFirst(length)
        continue
      }
      if wildcards && c == "*" {
        out.append(.anyRun)
      } else if wildcards && c == "?" {
        out.append(.anyOne)
      } else {
        out.append(.character(c))
      }
      rest = rest.dropFirst()
    }
    return out
  }

  /// A value's characters, with its pseudo parameters as unknown runs (nil).
  private static func valueTokens(_ text: String) -> [Character?] {
    var out: [Character?] = []
    var rest = Substring(text)
    while let c = rest.first {
      if let length = pseudoLength(rest) {
        out.append(nil)
        rest = rest.dropFirst(length)
        continue
      }
      out.append(c)
      rest = rest.dropFirst()
    }
    return out
  }

  /// True when `value` matches (or, for unknown parts of the value, could match) the pattern.
  public func matches(_ value: String) -> Bool {
    let v = Self.valueTokens(value)
    var memo: [Int: Bool] = [:]
    func match(_ i: Int, _ j: Int) -> Bool {
      let key = i * (v.count + 1) + j
      if let known = memo[key] { return known }
      let result = compute(i, j)
      memo[key] = result
      return result
    }
    func compute(_ i: Int, _ j: Int) -> Bool {
      if i == tokens.count { return v[j...].allSatisfy { $0 == nil } }
      if j < v.count && v[j] == nil {
        // An unknown run in the value: it stands for the pattern's text up to a ':' or '/'.
        var k = i
        while true {
          if match(k, j + 1) { return true }
          if k == tokens.count { break }
          if case .character(let c) = tokens[k], c == ":" || c == "/" { break }
          k += 1
        }
      }
      switch tokens[i] {
      case .anyRun:
        return match(i + 1, j) || (j < v.count && match(i, j + 1))
      case .anyOne:
        return j < v.count && match(i + 1, j + 1)
      case .character(let c):
        return j < v.count && v[j] == c && match(i + 1, j + 1)
      }
    }
    return match(0, 0)
  }
}
