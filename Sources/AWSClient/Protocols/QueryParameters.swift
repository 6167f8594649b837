import Foundation

/// The form fields of an AWS Query request, in order: scalars, lists (`Name.member.N`) and maps
/// (`Name.entry.N.key` / `Name.entry.N.value`), numbered from 1.
///
/// ```swift
/// var parameters = QueryParameters()
/// parameters["StackName"] = "app"
/// parameters.set(list: "Capabilities", ["CAPABILITY_IAM"])  // Capabilities.member.1=…
/// parameters.set(members: "Parameters", params) { p, param in
///   p["ParameterKey"] = param.key
///   p["ParameterValue"] = param.value
/// }
/// ```
public struct QueryParameters: Sendable, Equatable {
  /// The fields in order.
  public private(set) var fields: [(name: String, value: String)] = []

  /// Creates an empty set of fields.
  public init() {}

  public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
    lhs.fields.map(\.name) == rhs.fields.map(\.name)
      && lhs.fields.map(\.value) == rhs.fields.map(\.value)
  }

  /// A field's value; setting nil leaves it out, setting a value replaces an existing one.
  public subscript(_ name: String) -> String? {
    get { fields.last { $0.name == name }?.value }
    set {
      fields.removeAll { $0.name == name }
      if let newValue { fields.append((name, newValue)) }
    }
  }

  /// Sets a Boolean (`true`/`false`); nil leaves it out.
  public mutating func set(_ name: String, _ value: Bool?) {
    self[name] = value.map { $0 ? "true" : "false" }
  }

  /// Sets an integer; nil leaves it out.
  public mutating func set(_ name: String, _ value: Int?) {
    self[name] = value.map(String.init)
  }

  /// A list of strings: `Name.member.1`, `Name.member.2` … An empty list sends `Name=` (which the
  /// Query protocol reads as an empty list) only when `sendEmpty` is true.
  public mutating func set(list name: String, _ values: [String], sendEmpty: Bool = false) {
    if values.isEmpty {
      if sendEmpty { self[name] = "" }
      return
    }
    for (index, value) in values.enumerated() {
      fields.append(("\(name).member.\(index + 1)", value))
    }
  }

  /// A list of structures: each item's fields under `Name.member.N.`.
  public mutating func set<Item>(
    members name: String, _ items: [Item], _ encode: (inout QueryParameters, Item) -> Void
  ) {
    for (index, item) in items.enumerated() {
      var nested = QueryParameters()
      encode(&nested, item)
      for field in nested.fields {
        fields.append(("\(name).member.\(index + 1).\(field.name)", field.value))
      }
    }
  }

  /// A map: `Name.entry.N.key` and `Name.entry.N.value`, in the order given.
  public mutating func set(
    map name: String, _ entries: [(key: String, value: String)], keyName: String = "key",
    valueName: String = "value"
  ) {
    for (index, entry) in entries.enumerated() {
      fields.append(("\(name).entry.\(index + 1).\(keyName)", entry.key))
      fields.append(("\(name).entry.\(index + 1).\(valueName)", entry.value))
    }
  }

  /// The `application/x-www-form-urlencoded` body, spaces as `+` as the AWS SDKs write it (a
  /// server that re-encodes the parsed form to check the signature, as moto does, gets the same
  /// bytes).
  public var encoded: String {
    fields.map { "\(Self.formEncode($0.name))=\(Self.formEncode($0.value))" }
      .joined(separator: "&")
  }

  private static func formEncode(_ text: String) -> String {
    PercentEncoding.encode(text).replacingOccurrences(of: "%20", with: "+")
  }
}
