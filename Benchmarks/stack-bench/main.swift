import Foundation
import StackKit

// stack-bench: the synthesis benchmark.
//
//   stack-bench run [--runs N] [--startup-runs N] [--format yaml|json] [--sizes 100,1000,10000]
//                   [--label TEXT]
//       Runs every scenario in fresh processes and prints a table (what synth-bench.sh calls).
//   stack-bench synth --stacks S --resources R [--format yaml|json] [--outdir DIR] [--report FILE]
//       One process: builds the generated app, synthesizes and writes it, reports JSON.
//   stack-bench noop
//       Exits at once: the process start-up baseline.

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
  return arguments[i + 1]
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("stack-bench: \(message)\n".utf8))
  exit(2)
}

switch arguments.first {
case "noop":
  exit(0)
case "synth":
  guard let stacks = option("--stacks").flatMap(Int.init),
    let resources = option("--resources").flatMap(Int.init), stacks > 0, resources > 0
  else { fail("synth needs --stacks N --resources N") }
  let format = option("--format").flatMap(TemplateFormat.init(rawValue:)) ?? .yaml
  let outdir =
    option("--outdir")
    ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("stack-bench-\(getpid())")
  let report = SynthRun.measure(
    stacks: stacks, resourcesPerStack: resources, format: format, outdir: outdir)
  if option("--outdir") == nil { try? FileManager.default.removeItem(atPath: outdir) }
  if let file = option("--report") {
    try? Data(report.json.utf8).write(to: URL(fileURLWithPath: file))
  } else {
    print(report.json)
  }
case "run", nil:
  let runs = option("--runs").flatMap(Int.init) ?? 5
  let startupRuns = option("--startup-runs").flatMap(Int.init) ?? 21
  let format = option("--format").flatMap(TemplateFormat.init(rawValue:)) ?? .yaml
  let sizes = (option("--sizes") ?? "100,1000,10000").split(separator: ",").compactMap {
    Int($0)
  }
  let label = option("--label") ?? "release build"
  Driver(runs: runs, startupRuns: startupRuns, format: format, sizes: sizes, label: label).run()
default:
  fail("unknown mode \(arguments[0]); use run, synth or noop")
}
