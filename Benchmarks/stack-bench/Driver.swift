import Foundation
import StackKit

/// Runs each scenario in fresh processes of this executable and prints the results.
struct Driver {
  var runs: Int
  var startupRuns: Int
  var format: TemplateFormat
  var sizes: [Int]
  var label: String

  /// One child process: wall time from spawn to exit, its peak memory, and its own report.
  struct Sample {
    var wallMs: Double
    var maxRSSKB: Int
    var report: [String: Double]
  }

  func run() {
    let executable = Self.executablePath()
    print("StackKit synthesis benchmark (\(format.rawValue) templates, \(label))")
    print("Each row: the median of fresh processes; wall time includes process start-up.\n")

    let noop = (0..<startupRuns).map { _ in spawn(executable, ["noop"]) }
    let startup = median(noop.map(\.wallMs))

    var rows: [[String]] = [
      [
        "Scenario", "Resources", "Runs", "Wall (median)", "In-process synth", "Per resource",
        "Peak RSS", "Template bytes",
      ]
    ]
    var scenarios: [(String, Int, Int, Int)] = [
      ("1 stack x 50 (start-up incl.)", 1, 50, startupRuns)
    ]
    for size in sizes {
      let stacks = max(1, size / 100)
      let per = size / stacks
      scenarios.append(("\(stacks) stack\(stacks == 1 ? "" : "s") x \(per)", stacks, per, runs))
    }
    for (name, stacks, per, n) in scenarios {
      var samples: [Sample] = []
      for _ in 0..<n {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent(
          "stack-bench-\(UUID().uuidString)")
        let report = dir + ".json"
        samples.append(
          spawn(
            executable,
            [
              "synth", "--stacks", "\(stacks)", "--resources", "\(per)", "--format",
              format.rawValue, "--outdir", dir, "--report", report,
            ], reportFile: report))
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.removeItem(atPath: report)
      }
      let wall = median(samples.map(\.wallMs))
      let inProcess = median(
        samples.map {
          ($0.report["constructMs"] ?? 0) + ($0.report["synthMs"] ?? 0)
            + ($0.report["writeMs"] ?? 0)
        })
      let resources = Int(samples.first?.report["resources"] ?? 0)
      let rss = samples.map(\.maxRSSKB).max() ?? 0
      rows.append([
        name, "\(resources)", "\(n)", format(ms: wall), format(ms: inProcess),
        String(format: "%.1f µs", inProcess * 1000 / Double(max(resources, 1))),
        String(format: "%.1f MB", Double(rss) / 1024),
        "\(Int(samples.first?.report["bytes"] ?? 0))",
      ])
      // Per-stage breakdown, for profiling.
      let stages = ["constructMs", "synthMs", "writeMs"].map { key in
        "\(key.dropLast(2)) \(format(ms: median(samples.map { $0.report[key] ?? 0 })))"
      }
      rows[rows.count - 1].append(stages.joined(separator: ", "))
    }
    rows[0].append("Stages (median)")
    for line in align(rows) { print(line) }
    print("\nProcess start-up alone (empty main): \(format(ms: startup)) median of \(startupRuns).")
  }

  private func format(ms: Double) -> String {
    ms >= 100 ? String(format: "%.0f ms", ms) : String(format: "%.2f ms", ms)
  }

  private func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return 0 }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  private func align(_ rows: [[String]]) -> [String] {
    var widths: [Int] = []
    for row in rows {
      for (i, c) in row.enumerated() {
        if i >= widths.count { widths.append(0) }
        widths[i] = max(widths[i], c.count)
      }
    }
    return rows.map { row in
      row.enumerated().map { i, c in
        i == 0 || i == row.count - 1
          ? c + String(repeating: " ", count: widths[i] - c.count)
          : String(repeating: " ", count: widths[i] - c.count) + c
      }.joined(separator: "  ")
    }
  }

  /// Spawns a child, waits for it, and reads its peak RSS from `wait4`.
  private func spawn(_ path: String, _ args: [String], reportFile: String? = nil) -> Sample {
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    #if os(macOS)
      var actions: posix_spawn_file_actions_t?
    #else
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pid: pid_t = 0
    let clock = ContinuousClock()
    let start = clock.now
    let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard rc == 0 else { fail("cannot start \(path): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let wall = SynthRun.ms(clock.now - start)
    guard status == 0 else { fail("\(args.joined(separator: " ")) failed with status \(status)") }
    var report: [String: Double] = [:]
    if let reportFile, let data = FileManager.default.contents(atPath: reportFile),
      let object = try? JSONParser.parse(String(decoding: data, as: UTF8.self)).objectValue
    {
      for (k, v) in object {
        if case .double(let d) = v { report[k] = d }
        if case .int(let i) = v { report[k] = Double(i) }
      }
    }
    #if os(macOS)
      let rssKB = Int(usage.ru_maxrss) / 1024
    #else
      let rssKB = Int(usage.ru_maxrss)
    #endif
    return Sample(wallMs: wall, maxRSSKB: rssKB, report: report)
  }

  private static func executablePath() -> String {
    #if os(Linux)
      if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return p
      }
    #endif
    let arg0 = CommandLine.arguments[0]
    if arg0.hasPrefix("/") { return arg0 }
    return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(arg0)
  }
}
