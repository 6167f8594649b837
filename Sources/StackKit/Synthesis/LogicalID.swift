/// AWS CDK's logical-ID algorithm, reproduced exactly so that a stack deployed by CDK can be taken
/// over without replacing its resources.
///
/// - Components named `Default` are dropped everywhere.
/// - A single remaining component is used as it is, less non-alphanumerics (no hash).
/// - Otherwise: the human part joins the components, skipping `Resource` and any component the
///   previous one already ends with, keeps only `[A-Za-z0-9]`, is cut to 240 characters, and is
///   followed by the first 8 hex digits of MD5 of the components joined by `/`, upper-cased.
///
/// ```swift
/// LogicalID.make(components: ["Vpc", "IsolatedSubnet1", "Subnet"])  // "VpcIsolatedSubnet1SubnetE48C5737"
/// ```
public enum LogicalID {
  static let hiddenID = "Default"
  static let hiddenFromHumanID = "Resource"
  static let hashLength = 8
  static let maxHumanLength = 240
  static let maxLength = 255

  /// The logical ID for the path components below the stack.
  public static func make(components rawComponents: [String]) -> String {
    let components = rawComponents.filter { $0 != hiddenID }
    if components.isEmpty { return "" }
    if components.count == 1 {
      let candidate = removeNonAlphanumeric(components[0])
      if candidate.utf8.count <= maxLength { return candidate }
    }
    let hash = String(
      Digest.md5Hex(Array(components.joined(separator: "/").utf8)).prefix(hashLength)
    )
    .uppercased()
    var human = ""
    var previous: String?
    for component in components {
      if let previous, previous.hasSuffix(component) { continue }
      previous = component
      if component == hiddenFromHumanID { continue }
      human += removeNonAlphanumeric(component)
    }
    return String(human.prefix(maxHumanLength)) + hash
  }

  /// True when the string is a valid logical ID: 1 to 255 ASCII letters and digits.
  public static func isValid(_ id: String) -> Bool {
    !id.isEmpty && id.utf8.count <= maxLength && id.utf8.allSatisfy(isAlphanumeric)
  }

  static func removeNonAlphanumeric(_ s: String) -> String {
    String(decoding: s.utf8.filter(isAlphanumeric), as: UTF8.self)
  }

  private static func isAlphanumeric(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
  }
}
