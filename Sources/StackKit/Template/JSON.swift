/// A rendered template value: what a template file holds once every intrinsic is resolved.
///
/// Objects keep their keys in insertion order, so writers are deterministic and
/// templates keep the order a reviewer expects (`Type`, `Properties`, `DependsOn` …).
///
/// ```swift
/// let node: JSON = .object(JSONObject([("Ref", .string("Vpc8378EB38"))]))
/// print(JSONWriter().write(node))
/// ```
public enum JSON: Sendable, Hashable {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null
  case array([JSON])
  case object(JSONObject)

  /// The string, when this is a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The object, when this is an object.
  public var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The array, when this is an array.
  public var arrayValue: [JSON]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// Looks up a key when this is an object.
  public subscript(key: String) -> JSON? {
    objectValue?[key]
  }

  /// A short description of the kind, for error messages.
  public var kindName: String {
    switch self {
    case .string: "string"
    case .int, .double: "number"
    case .bool: "boolean"
    case .null: "null"
    case .array: "list"
    case .object: "object"
    }
  }
}

/// An object whose keys keep their insertion order.
public struct JSONObject: Sendable, Hashable, Sequence {
  public private(set) var keys: [String] = []
  private var storage: [String: JSON] = [:]

  public init() {}

  public init(_ pairs: [(String, JSON)]) {
    for (k, v) in pairs { self[k] = v }
  }

  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.isEmpty }

  /// Reads or writes a key. Writing `nil` removes it; writing an existing key keeps its position.
  public subscript(key: String) -> JSON? {
    get { storage[key] }
    set {
      if let newValue {
        if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
      } else if storage.removeValue(forKey: key) != nil {
        keys.removeAll { $0 == key }
      }
    }
  }

  /// Iterates the pairs in key order.
  public struct Iterator: IteratorProtocol {
    private let object: JSONObject
    private var index = 0

    fileprivate init(_ object: JSONObject) { self.object = object }

    public mutating func next() -> (key: String, value: JSON)? {
      guard index < object.keys.count else { return nil }
      let k = object.keys[index]
      index += 1
      return (k, object.storage[k]!)
    }
  }

  public func makeIterator() -> Iterator { Iterator(self) }

  /// The same object with its keys sorted by byte order.
  public func sortedByKey() -> JSONObject {
    var out = JSONObject()
    for k in keys.sorted() { out[k] = storage[k] }
    return out
  }

  public static func == (a: JSONObject, b: JSONObject) -> Bool {
    a.keys == b.keys && a.storage == b.storage
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(keys)
    for k in keys { hasher.combine(storage[k]) }
  }
}
