extension Lambda {
  /// A Lambda runtime: its identifier (`python3.12`), its language family (which decides what a
  /// handler looks like) and whether it takes inline code.
  ///
  /// ```swift
  /// Lambda.Function(stack, "Fn", runtime: .python312, handler: "index.handler",
  ///                 code: .fromInline("def handler(event, context): pass"))
  /// ```
  public struct Runtime: Sendable, Hashable, CustomStringConvertible {
    /// The language of a runtime.
    public enum Family: String, Sendable, Hashable {
      case nodejs, python, java, dotnet, go, ruby, other
    }

    /// The `Runtime` value, such as `python3.12`.
    public let name: String
    public let family: Family
    /// Whether `Code.fromInline` works with it (Node.js and Python).
    public let supportsInlineCode: Bool

    /// A runtime by name, for one StackKit does not list yet.
    public init(_ name: String, family: Family, supportsInlineCode: Bool = false) {
      self.name = name
      self.family = family
      self.supportsInlineCode = supportsInlineCode
    }

    public var description: String { name }

    public static let nodejs18x = Runtime("nodejs18.x", family: .nodejs, supportsInlineCode: true)
    public static let nodejs20x = Runtime("nodejs20.x", family: .nodejs, supportsInlineCode: true)
    public static let nodejs22x = Runtime("nodejs22.x", family: .nodejs, supportsInlineCode: true)
    public static let nodejs24x = Runtime("nodejs24.x", family: .nodejs, supportsInlineCode: true)
    public static let python39 = Runtime("python3.9", family: .python, supportsInlineCode: true)
    public static let python310 = Runtime("python3.10", family: .python, supportsInlineCode: true)
    public static let python311 = Runtime("python3.11", family: .python, supportsInlineCode: true)
    public static let python312 = Runtime("python3.12", family: .python, supportsInlineCode: true)
    public static let python313 = Runtime("python3.13", family: .python, supportsInlineCode: true)
    public static let python314 = Runtime("python3.14", family: .python, supportsInlineCode: true)
    public static let java8AL2 = Runtime("java8.al2", family: .java)
    public static let java11 = Runtime("java11", family: .java)
    public static let java17 = Runtime("java17", family: .java)
    public static let java21 = Runtime("java21", family: .java)
    public static let java25 = Runtime("java25", family: .java)
    public static let dotnet8 = Runtime("dotnet8", family: .dotnet)
    public static let dotnet9 = Runtime("dotnet9", family: .dotnet)
    public static let dotnet10 = Runtime("dotnet10", family: .dotnet)
    public static let ruby32 = Runtime("ruby3.2", family: .ruby)
    public static let ruby33 = Runtime("ruby3.3", family: .ruby)
    public static let ruby34 = Runtime("ruby3.4", family: .ruby)
    /// Amazon Linux 2023 custom runtime (a `bootstrap` executable; the handler is free-form).
    public static let providedAL2023 = Runtime("provided.al2023", family: .other)
    /// Amazon Linux 2 custom runtime.
    public static let providedAL2 = Runtime("provided.al2", family: .other)

    /// What is wrong with `handler` for this runtime, with the fix; `nil` when it can exist.
    ///
    /// Python and Ruby take `path/module.function`, Node.js `path/file.export`, Java
    /// `package.Class::method` or `package.Class`, .NET `Assembly::Namespace.Class::Method` or an
    /// assembly name; custom runtimes (`provided…`) and Go take any name.
    public func handlerProblem(_ handler: String) -> String? {
      if handler.isEmpty { return "the handler is empty. Give the entry point the runtime calls." }
      if handler.utf8.count > 128 {
        return
          "the handler is \(handler.utf8.count) characters; Lambda takes at most 128. Shorten it."
      }
      if handler.contains(where: \.isWhitespace) {
        return "the handler \"\(handler)\" contains whitespace, which Lambda refuses. Remove it."
      }
      switch family {
      case .python, .ruby:
        return scriptHandlerProblem(
          handler,
          example: family == .python ? "lambda_function.lambda_handler" : "function.handler",
          what: family == .python ? "module.function" : "file.method")
      case .nodejs:
        return scriptHandlerProblem(handler, example: "index.handler", what: "file.export")
      case .java:
        let parts = handler.components(separatedBy: "::")
        let className = parts[0]
        let valid =
          parts.count <= 2 && !className.isEmpty
          && className.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(
            Self.isJavaIdentifier)
          && (parts.count == 1 || Self.isJavaIdentifier(Substring(parts[1])))
        return valid
          ? nil
          : "the handler \"\(handler)\" cannot exist for \(name): Java handlers are package.Class::method or package.Class, such as com.example.Handler::handleRequest."
      case .dotnet:
        let parts = handler.components(separatedBy: "::")
        let valid = (parts.count == 1 || parts.count == 3) && parts.allSatisfy { !$0.isEmpty }
        return valid
          ? nil
          : "the handler \"\(handler)\" cannot exist for \(name): .NET handlers are Assembly::Namespace.Class::Method, or the assembly name of an executable."
      case .go, .other:
        return nil
      }
    }

    private func scriptHandlerProblem(_ handler: String, example: String, what: String) -> String? {
      let fix =
        "the handler \"\(handler)\" cannot exist for \(name): it must be \(what), such as \(example) (a file in a folder: folder/\(example))."
      let afterSlash = handler.split(separator: "/", omittingEmptySubsequences: false)
      guard let last = afterSlash.last, afterSlash.dropLast().allSatisfy({ !$0.isEmpty }) else {
        return fix
      }
      let parts = last.split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return fix }
      let function = parts[parts.count - 1]
      let moduleParts = parts.dropLast()
      let fileOK = moduleParts.allSatisfy { part in
        part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
      }
      let functionOK: Bool
      switch family {
      case .python: functionOK = Self.isIdentifier(function)
      case .ruby:
        let core = function.last == "?" || function.last == "!" ? function.dropLast() : function
        functionOK = Self.isIdentifier(core)
      default:
        functionOK =
          Self.isIdentifier(function)
          || function.allSatisfy { $0 == "$" || $0.isLetter || $0.isNumber || $0 == "_" }
      }
      return fileOK && functionOK ? nil : fix
    }

    private static func isIdentifier(_ s: Substring) -> Bool {
      guard let first = s.first, first.isASCII, first.isLetter || first == "_" else { return false }
      return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    private static func isJavaIdentifier(_ s: Substring) -> Bool {
      guard let first = s.first, first.isLetter || first == "_" || first == "$" else {
        return false
      }
      return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
    }
  }
}
