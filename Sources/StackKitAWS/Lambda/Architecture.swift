extension Lambda {
  /// The processor a function or layer runs on.
  ///
  /// ```swift
  /// Lambda.Function(stack, "Fn", runtime: .python312, handler: "app.main",
  ///                 code: .fromAsset("functions/app"), architecture: .arm64)
  /// ```
  public enum Architecture: String, Sendable, Hashable, CaseIterable {
    case x86_64 = "x86_64"
    case arm64 = "arm64"
  }
}
