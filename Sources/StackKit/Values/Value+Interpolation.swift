extension Value: ExpressibleByStringInterpolation {
  /// Builds a string from literals and values; any non-literal part makes the result an
  /// `Fn::Join` with an empty delimiter, reduced the way AWS CDK reduces it.
  ///
  /// ```swift
  /// let url: Value = "https://\(api.ref).execute-api.\(Pseudo.region).\(Pseudo.urlSuffix)/"
  /// ```
  public struct StringInterpolation: StringInterpolationProtocol {
    var parts: [Value] = []

    public init(literalCapacity: Int, interpolationCount: Int) {
      parts.reserveCapacity(interpolationCount * 2 + 1)
    }

    public mutating func appendLiteral(_ literal: String) {
      if !literal.isEmpty { parts.append(.string(literal)) }
    }

    public mutating func appendInterpolation(_ value: Value) { parts.append(value) }

    public mutating func appendInterpolation(_ value: some ValueConvertible) {
      parts.append(value.cfnValue)
    }

    public mutating func appendInterpolation(_ value: String) {
      if !value.isEmpty { parts.append(.string(value)) }
    }

    public mutating func appendInterpolation(_ value: Int) { parts.append(.string(String(value))) }
  }

  public init(stringInterpolation: StringInterpolation) {
    self = Fn.join("", stringInterpolation.parts)
  }
}
