import Foundation
import StackKit
import StackToolkit

/// A temporary project whose "app" is a small shell script, so synthesis tests need no Swift
/// build. The script writes one template per line of `stacks.txt` (`NAME COUNT [DEPENDENCY]`),
/// embedding `version.txt` and `STACK_CONTEXT`, plus `manifest.json` and `.timings.json`.
final class TestProject {
  let directory: String

  init(build: String? = nil, app: String = "sh app.sh", extra: String = "") throws {
    directory = (FileManager.default.temporaryDirectory.path as NSString)
      .appendingPathComponent("stack-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var config = "{\n  \"app\": \(Self.quote(app)),\n"
    if let build { config += "  \"build\": \(Self.quote(build)),\n" }
    config += "  \"context\": {\"env\": \"dev\"}\(extra)\n}\n"
    try write("stack.json", config)
    try write("app.sh", Self.appScript)
    try write("version.txt", "v1\n")
    try write("stacks.txt", "Network 2\nDatabase 3 Network\n")
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  var config: ProjectConfig {
    get throws { try ProjectConfig.load(file: path("stack.json")) }
  }

  var templates: String { path("templates") }

  func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

  func write(_ name: String, _ text: String) throws {
    let p = path(name)
    try FileManager.default.createDirectory(
      atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: p))
  }

  func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Every file under the templates folder with its contents, to prove nothing changed.
  func snapshot() -> [String: String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: templates)) ?? []
    var files: [String: String] = [:]
    for n in names { files[n] = read("templates/" + n) }
    return files
  }

  static func quote(_ s: String) -> String { JSONWriter(indent: nil).write(.string(s)) }

  static let appScript = #"""
    set -eu
    fmt="$STACK_FORMAT"
    version=$(cat version.txt)
    manifest="$STACK_OUTDIR/manifest.json"
    printf '{\n  "version": 1,\n  "stacks": {' > "$manifest"
    timings='{'
    sep=''
    while read -r name count dep; do
      [ -n "$name" ] || continue
      file="$name.template.$fmt"
      out="$STACK_OUTDIR/$file"
      if [ "$fmt" = json ]; then
        printf '{\n  "Description": "%s %s",\n  "Resources": {\n' "$name" "$version" > "$out"
        i=1
        while [ "$i" -le "$count" ]; do
          comma=','; [ "$i" -eq "$count" ] && comma=''
          printf '    "Topic%d": {\n      "Type": "AWS::SNS::Topic"\n    }%s\n' "$i" "$comma" >> "$out"
          i=$((i + 1))
        done
        printf '  }\n}\n' >> "$out"
      else
        printf "Description: %s %s\nMetadata:\n  Context: '%s'\n  ProjectDir: '%s'\nResources:\n" \
          "$name" "$version" "$STACK_CONTEXT" "$PWD" > "$out"
        i=1
        while [ "$i" -le "$count" ]; do
          printf '  Topic%d:\n    Type: AWS::SNS::Topic\n' "$i" >> "$out"
          i=$((i + 1))
        done
      fi
      deps=''
      [ -n "${dep:-}" ] && deps="\"$dep\""
      printf '%s\n    "%s": {"stackName": "%s", "path": "%s", "templateFile": "%s", "resourceCount": %d, "environment": {}, "dependencies": [%s], "assets": []}' \
        "$sep" "$name" "$name" "$name" "$file" "$count" "$deps" >> "$manifest"
      timings="$timings$sep\"$name\": 1.5"
      sep=','
    done < "$STACK_PROJECT_DIR/stacks.txt"
    printf '\n  },\n  "assets": {}\n}\n' >> "$manifest"
    printf '%s}\n' "$timings" > "$STACK_OUTDIR/.timings.json"
    """#
}

/// Collects what a command prints.
final class CapturedConsole: @unchecked Sendable {
  private let lock = NSLock()
  private var outLines: [String] = []
  private var errLines: [String] = []

  var console: Console {
    Console(
      output: { line in self.lock.withLock { self.outLines.append(line) } },
      errors: { line in self.lock.withLock { self.errLines.append(line) } })
  }

  var output: String { lock.withLock { outLines.joined(separator: "\n") } }
  var errors: String { lock.withLock { errLines.joined(separator: "\n") } }
}
