import Foundation

/// A command line run through `/bin/sh -c`, with its output captured.
///
/// Standard output and standard error go to temporary files rather than pipes, so a chatty
/// command can never block on a full pipe.
///
/// ```swift
/// let result = try await ShellCommand("swift build -q --product stacks")
///   .run(in: projectDirectory, environment: ["STACK_FORMAT": "yaml"])
/// if result.status != 0 { print(result.standardError) }
/// ```
public struct ShellCommand: Sendable {
  /// How a finished command ended, and what it printed.
  public struct Result: Sendable {
    /// The exit status, or the signal number when ``signaled`` is true.
    public let status: Int32
    /// True when the process was ended by a signal (a crash or a kill).
    public let signaled: Bool
    public let standardOutput: String
    public let standardError: String
    /// Wall time from launch to exit.
    public let duration: Duration

    /// True for a normal exit with status 0.
    public var succeeded: Bool { !signaled && status == 0 }

    /// "exit status 2" or "signal 11 (SIGSEGV)", for messages.
    public var statusDescription: String {
      if !signaled { return "exit status \(status)" }
      let names: [Int32: String] = [
        SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
        SIGINT: "SIGINT", SIGILL: "SIGILL", SIGBUS: "SIGBUS", SIGTRAP: "SIGTRAP",
      ]
      return "signal \(status)" + (names[status].map { " (\($0))" } ?? "")
    }
  }

  /// The shell command line.
  public let commandLine: String

  public init(_ commandLine: String) { self.commandLine = commandLine }

  /// Runs the command in `directory` with the current environment plus `environment`, and
  /// waits for it to exit. Cancelling the task stops the command (SIGTERM to its process group,
  /// SIGKILL two seconds later if it is still running).
  ///
  /// The command starts with every signal unblocked and at its default action (threads of a
  /// Swift program block most signals, and a child would inherit that), in a process group of
  /// its own, so stopping it also stops what it started (a build's compilers, say).
  public func run(in directory: String, environment: [String: String] = [:]) async throws
    -> Result
  {
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent(
      "stack-cmd-\(UUID().uuidString)", isDirectory: true)
    try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: scratch) }
    let outPath = scratch.appendingPathComponent("stdout").path
    let errPath = scratch.appendingPathComponent("stderr").path

    let clock = ContinuousClock()
    let start = clock.now
    let pid = try Self.spawn(
      commandLine, directory: directory,
      environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
      stdout: outPath, stderr: errPath)
    let child = Child(pid: pid)
    let status: Int32 = await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let thread = Thread {
          var status: Int32 = 0
          while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
          child.exited()
          continuation.resume(returning: status)
        }
        thread.start()
      }
    } onCancel: {
      child.stop()
    }
    let duration = clock.now - start
    // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift does not import.
    let signal = status & 0x7F
    let signaled = signal != 0 && signal != 0x7F
    return Result(
      status: signaled ? signal : (status >> 8) & 0xFF, signaled: signaled,
      standardOutput: Self.read(URL(fileURLWithPath: outPath)),
      standardError: Self.read(URL(fileURLWithPath: errPath)), duration: duration)
  }

  /// A running child: stops its process group once, unless it already exited.
  private final class Child: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var done = false

    init(pid: pid_t) { self.pid = pid }

    func exited() { lock.withLock { done = true } }

    func stop() {
      guard !lock.withLock({ done }) else { return }
      kill(-pid, SIGTERM)
      let pid = pid
      Thread.detachNewThread { [self] in
        Thread.sleep(forTimeInterval: 2)
        if !lock.withLock({ done }) { kill(-pid, SIGKILL) }
      }
    }
  }

  /// `posix_spawn`s `/bin/sh -c` in `directory` with stdin from /dev/null and the output into
  /// the two files.
  private static func spawn(
    _ commandLine: String, directory: String, environment: [String: String], stdout: String,
    stderr: String
  ) throws -> pid_t {
    // `cd` in the shell: posix_spawn has no portable way to set the child's folder.
    let arguments = [
      "/bin/sh", "-c", "cd -- \"$0\" || exit 126; eval \"$1\"", directory, commandLine,
    ]
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t?
      var attributes: posix_spawnattr_t?
    #else
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for s in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM] {
      sigaddset(&defaults, s)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
    guard rc == 0 else {
      throw SpawnError(reason: String(cString: strerror(rc)))
    }
    return pid
  }

  /// `/bin/sh` could not be started.
  struct SpawnError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "cannot start /bin/sh: \(reason)" }
  }

  private static func read(_ url: URL) -> String {
    guard let data = try? Data(contentsOf: url) else { return "" }
    return String(decoding: data, as: UTF8.self)
  }
}
