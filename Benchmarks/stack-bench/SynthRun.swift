import Foundation
import StackKit

/// One measured synthesis inside this process.
struct SynthRun {
  var stacks: Int
  var resources: Int
  var bytes: Int
  var constructMs: Double
  var synthMs: Double
  var writeMs: Double
  var maxRSSKB: Int

  var json: String {
    "{\"stacks\": \(stacks), \"resources\": \(resources), \"bytes\": \(bytes), "
      + "\"constructMs\": \(constructMs), \"synthMs\": \(synthMs), \"writeMs\": \(writeMs), "
      + "\"maxRSSKB\": \(maxRSSKB)}"
  }

  /// Builds the generated app, synthesizes it in memory, writes it to `outdir`.
  static func measure(
    stacks: Int, resourcesPerStack: Int, format: TemplateFormat, outdir: String
  ) -> SynthRun {
    let clock = ContinuousClock()
    let t0 = clock.now
    let app = BenchApp.make(
      stacks: stacks, resourcesPerStack: resourcesPerStack, outdir: outdir, format: format)
    let t1 = clock.now
    let assembly: CloudAssembly
    do {
      assembly = try app.synthesizeTemplates()
    } catch {
      fail("synthesis failed: \(error)")
    }
    let t2 = clock.now
    do {
      try assembly.write(to: outdir)
    } catch {
      fail("writing failed: \(error)")
    }
    let t3 = clock.now
    return SynthRun(
      stacks: stacks, resources: assembly.stacks.map(\.resourceCount).reduce(0, +),
      bytes: assembly.stacks.map(\.templateText.utf8.count).reduce(0, +),
      constructMs: ms(t1 - t0), synthMs: ms(t2 - t1), writeMs: ms(t3 - t2),
      maxRSSKB: Self.maxRSSKB())
  }

  static func ms(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
  }

  /// This process's peak resident set size in KiB.
  static func maxRSSKB() -> Int {
    var usage = rusage()
    #if os(macOS)
      getrusage(RUSAGE_SELF, &usage)
      return Int(usage.ru_maxrss) / 1024
    #else
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return Int(usage.ru_maxrss)
    #endif
  }
}
