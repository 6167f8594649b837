/// A `{Key, Value}` tag, as most resource types take them.
public struct CfnTag: ValueConvertible {
  public var key: Value
  public var value: Value

  public init(key: Value, value: Value) {
    self.key = key
    self.value = value
  }

  public var cfnValue: Value { .object([("Key", key), ("Value", value)]) }
}
