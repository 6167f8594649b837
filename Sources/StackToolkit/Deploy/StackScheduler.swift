/// Runs one operation per stack in dependency order, independent stacks concurrently.
///
/// A stack starts once every stack it depends on succeeded; when one fails, the stacks that
/// depend on it (directly or not) are skipped and the others go on. In `reverse` order (destroy)
/// a stack starts once every stack depending on it is done.
///
/// ```swift
/// let outcomes = try await StackScheduler.run(
///   [.init(id: "Network", dependencies: []), .init(id: "App", dependencies: ["Network"])],
///   concurrency: 4
/// ) { id in try await deploy(id) }
/// ```
public enum StackScheduler {
  /// A stack and the stacks it depends on (ids outside the list are ignored).
  public struct Item: Sendable, Hashable {
    public var id: String
    public var dependencies: [String]

    public init(id: String, dependencies: [String]) {
      self.id = id
      self.dependencies = dependencies
    }
  }

  /// How a stack's operation ended.
  public enum Outcome: Sendable, Equatable {
    case succeeded
    case failed(String)
    /// Not run because a stack it needs failed (named).
    case skipped(because: String)
  }

  /// A dependency cycle.
  public struct CycleError: Error, CustomStringConvertible {
    public let stacks: [String]
    public var description: String {
      "the stacks \(stacks.joined(separator: ", ")) depend on each other in a cycle; remove one of the dependencies"
    }
  }

  /// Runs `operation` for every item; returns each item's outcome. Errors thrown by
  /// `operation` become `.failed` with their description. Cancellation stops starting new
  /// stacks and is rethrown.
  public static func run(
    _ items: [Item], concurrency: Int, reverse: Bool = false,
    operation: @escaping @Sendable (String) async throws -> Void
  ) async throws -> [String: Outcome] {
    let ids = Set(items.map(\.id))
    // `waitsFor[x]` = the stacks that must be done before x starts.
    var waitsFor: [String: Set<String>] = [:]
    for item in items { waitsFor[item.id, default: []] = [] }
    for item in items {
      for dep in item.dependencies where ids.contains(dep) && dep != item.id {
        if reverse {
          waitsFor[dep, default: []].insert(item.id)
        } else {
          waitsFor[item.id, default: []].insert(dep)
        }
      }
    }
    try checkCycles(waitsFor)
    let order = items.map(\.id)
    var outcomes: [String: Outcome] = [:]
    var running: Set<String> = []
    let limit = max(1, concurrency)

    func failureCause(_ id: String) -> String? {
      for dep in waitsFor[id] ?? [] {
        switch outcomes[dep] {
        case .failed?: return dep
        case .skipped(let cause)?: return cause
        default: continue
        }
      }
      return nil
    }

    try await withThrowingTaskGroup(of: (String, Outcome).self) { group in
      while outcomes.count < order.count {
        // Skip what can no longer run, start what is ready.
        var progressed = true
        while progressed {
          progressed = false
          for id in order where outcomes[id] == nil && !running.contains(id) {
            if let cause = failureCause(id) {
              outcomes[id] = .skipped(because: cause)
              progressed = true
            }
          }
        }
        for id in order where outcomes[id] == nil && !running.contains(id) {
          guard running.count < limit else { break }
          let ready = (waitsFor[id] ?? []).allSatisfy { outcomes[$0] == .succeeded }
          guard ready else { continue }
          try Task.checkCancellation()
          running.insert(id)
          group.addTask {
            do {
              try await operation(id)
              return (id, .succeeded)
            } catch {
              // Ctrl-C: stop everything, with the error that says what was left running.
              if Task.isCancelled || error is CancellationError { throw error }
              return (id, .failed("\(error)"))
            }
          }
        }
        guard outcomes.count < order.count else { break }
        guard let (id, outcome) = try await group.next() else { break }
        running.remove(id)
        outcomes[id] = outcome
      }
    }
    return outcomes
  }

  static func checkCycles(_ waitsFor: [String: Set<String>]) throws {
    var state: [String: Int] = [:]  // 1 visiting, 2 done
    var stack: [String] = []
    func visit(_ id: String) throws {
      if state[id] == 2 { return }
      if state[id] == 1 {
        let start = stack.firstIndex(of: id) ?? 0
        throw CycleError(stacks: Array(stack[start...]) + [id])
      }
      state[id] = 1
      stack.append(id)
      for next in (waitsFor[id] ?? []).sorted() { try visit(next) }
      stack.removeLast()
      state[id] = 2
    }
    for id in waitsFor.keys.sorted() { try visit(id) }
  }
}
