import Foundation
import StackKit

/// A project's `stack.json`: how to build and run the app, and where its templates go.
///
/// ```json
/// {
///   "build": "swift build -q --product stacks",
///   "app": ".build/debug/stacks",
///   "output": "templates",
///   "format": "yaml",
///   "context": { "environment": "dev" }
/// }
/// ```
///
/// ```swift
/// let config = try ProjectConfig.find(from: FileManager.default.currentDirectoryPath)
/// print(config.app, config.outputDirectory)
/// ```
public struct ProjectConfig: Sendable {
  /// The file name looked for in the current folder and its parents.
  public static let fileName = "stack.json"
  /// Every key `stack.json` may have.
  public static let knownKeys = ["app", "build", "context", "format", "output"]

  /// The absolute path of the `stack.json` this came from.
  public var file: String
  /// The project root: the folder holding `stack.json`. Commands run here.
  public var projectDirectory: String
  /// The shell command that runs the app (which calls `app.synth()`), run in the project root.
  public var app: String
  /// An optional shell command run before ``app``, such as `swift build -q --product stacks`.
  /// Kept apart so a compile error is reported as a build failure, not as a failing app.
  public var build: String?
  /// The templates folder, relative to the project root unless absolute.
  public var output: String
  /// The template format.
  public var format: TemplateFormat
  /// Context passed to the app as the `STACK_CONTEXT` JSON object.
  public var context: JSONObject

  public init(
    file: String, app: String, build: String? = nil, output: String = "templates",
    format: TemplateFormat = .yaml, context: JSONObject = JSONObject()
  ) {
    self.file = file
    self.projectDirectory = (file as NSString).deletingLastPathComponent
    self.app = app
    self.build = build
    self.output = output
    self.format = format
    self.context = context
  }

  /// The absolute path of the templates folder.
  public var outputDirectory: String {
    if output.hasPrefix("/") { return (output as NSString).standardizingPath }
    return ((projectDirectory as NSString).appendingPathComponent(output) as NSString)
      .standardizingPath
  }

  /// The `stack.json` of `directory` or of its nearest parent folder that has one.
  public static func find(from directory: String) throws(ConfigError) -> ProjectConfig {
    let fm = FileManager.default
    var current = (directory as NSString).standardizingPath
    while true {
      let candidate = (current as NSString).appendingPathComponent(fileName)
      if fm.fileExists(atPath: candidate) { return try load(file: candidate) }
      let parent = (current as NSString).deletingLastPathComponent
      if parent == current || parent.isEmpty { break }
      current = parent
    }
    throw ConfigError(
      file: nil,
      message:
        "no \(fileName) in \(directory) or any folder above it. Run stack in a StackKit project, or "
        + "create \(fileName) at the project root, for example "
        + #"{"build": "swift build -q --product stacks", "app": ".build/debug/stacks"}"#)
  }

  /// Reads and checks one `stack.json`.
  public static func load(file: String) throws(ConfigError) -> ProjectConfig {
    let absolute =
      file.hasPrefix("/")
      ? file : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(file)
    let path = (absolute as NSString).standardizingPath
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(
        file: path, message: "cannot read the file. Check that it exists and is readable.")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: path, message: "the file is not UTF-8 text. Save it as UTF-8 JSON.")
    }
    return try parse(text, file: path)
  }

  /// Parses the text of a `stack.json`; `file` is used for messages and to find the project root.
  public static func parse(_ text: String, file: String) throws(ConfigError) -> ProjectConfig {
    let json: JSON
    do {
      json = try JSONParser.parse(text)
    } catch {
      throw ConfigError(
        file: file, line: error.line, column: error.column,
        message:
          "\(error.message). \(fileName) must be one JSON object, such as "
          + #"{"app": ".build/debug/stacks"}; check for a missing comma or quote, "#
          + "or a trailing comma, at that spot.")
    }
    guard let object = json.objectValue else {
      throw ConfigError(
        file: file, line: 1, column: 1,
        message: "\(fileName) must be a JSON object, not a \(json.kindName). Wrap the settings "
          + #"in { }, for example {"app": ".build/debug/stacks"}."#)
    }
    func position(of key: String) -> (Int, Int)? { Self.position(ofKey: key, in: text) }
    func fail(_ key: String, _ message: String) -> ConfigError {
      let p = position(of: key)
      return ConfigError(file: file, line: p?.0, column: p?.1, message: message)
    }

    for key in object.keys where !knownKeys.contains(key) {
      var message = "unknown key \"\(key)\"."
      if let near = knownKeys.min(by: { editDistance($0, key) < editDistance($1, key) }),
        editDistance(near, key) <= max(2, key.count / 2)
      {
        message += " Did you mean \"\(near)\"?"
      }
      message += " The known keys are \(knownKeys.map { "\"\($0)\"" }.joined(separator: ", "))."
      throw fail(key, message)
    }

    guard let appValue = object["app"] else {
      throw ConfigError(
        file: file, line: 1, column: 1,
        message: #"the "app" key is missing. Add the command that runs the app, for example "#
          + #""app": ".build/debug/stacks" with "build": "swift build -q --product stacks"."#)
    }
    guard let app = appValue.stringValue, !app.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw fail(
        "app",
        #""app" must be a non-empty string holding a shell command, not a "#
          + "\(appValue.kindName == "string" ? "empty string" : appValue.kindName).")
    }
    var build: String?
    if let value = object["build"] {
      switch value {
      case .null: build = nil
      case .string(let s) where !s.trimmingCharacters(in: .whitespaces).isEmpty: build = s
      default:
        throw fail(
          "build",
          #""build" must be a non-empty string holding a shell command (or "#
            + "null for none), not a \(value.kindName == "string" ? "empty string" : value.kindName)."
        )
      }
    }
    var output = "templates"
    if let value = object["output"] {
      guard let s = value.stringValue, !s.isEmpty else {
        throw fail(
          "output",
          #""output" must be a non-empty folder path such as "templates", "#
            + "not a \(value.kindName == "string" ? "empty string" : value.kindName).")
      }
      output = s
    }
    var format = TemplateFormat.yaml
    if let value = object["format"] {
      guard let s = value.stringValue, let f = TemplateFormat(rawValue: s) else {
        throw fail("format", "\"format\" must be \"yaml\" or \"json\", not \(describe(value)).")
      }
      format = f
    }
    var context = JSONObject()
    if let value = object["context"] {
      guard let o = value.objectValue else {
        throw fail(
          "context",
          #""context" must be a JSON object such as {"env": "dev"}, not a "#
            + "\(value.kindName).")
      }
      context = o
    }
    return ProjectConfig(
      file: file, app: app, build: build, output: output, format: format, context: context)
  }

  private static func describe(_ value: JSON) -> String {
    if let s = value.stringValue { return "\"\(s)\"" }
    return "a \(value.kindName)"
  }

  /// The line and column of `"key":` in the text (its first occurrence as an object key).
  static func position(ofKey key: String, in text: String) -> (Int, Int)? {
    let needle = Array(JSONWriter(indent: nil).write(.string(key)).utf8)
    let bytes = Array(text.utf8)
    guard needle.count <= bytes.count else { return nil }
    var i = 0
    while i + needle.count <= bytes.count {
      if bytes[i] == needle[0], Array(bytes[i..<i + needle.count]) == needle {
        var j = i + needle.count
        while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
        if j < bytes.count, bytes[j] == UInt8(ascii: ":") {
          var line = 1
          var column = 1
          for b in bytes[0..<i] {
            if b == 0x0A {
              line += 1
              column = 1
            } else if b & 0xC0 != 0x80 {
              column += 1
            }
          }
          return (line, column)
        }
      }
      i += 1
    }
    return nil
  }

  /// The Levenshtein distance, for "did you mean" hints.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var row = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        row[j] = min(
          previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = row
    }
    return previous[b.count]
  }
}
