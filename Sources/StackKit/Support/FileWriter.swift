#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file by writing a temporary file beside it and renaming it into place, so readers
/// see the old file or the new one, never half of one.
///
/// Unlike `Data.write(to:options: .atomic)` it does not `fsync`: synthesized files are build
/// output, and syncing every template made writing 100 templates take half a second.
///
/// ```swift
/// try FileWriter.write("Resources: {}\n", to: "templates/Net.template.yaml")
/// ```
enum FileWriter {
  /// A file that could not be written: which path and the system's reason.
  struct Error: Swift.Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write \(path): \(reason)" }
  }

  static func write(_ text: String, to path: String) throws(Error) {
    let temporary = path + ".tmp-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw Error(path: path, reason: String(cString: strerror(errno))) }
    var text = text
    let failure: Int32? = text.withUTF8 { bytes -> Int32? in
      var offset = 0
      while offset < bytes.count {
        let n = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += n
      }
      return nil
    }
    if close(fd) != 0, failure == nil {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Error(path: path, reason: reason)
    }
    if let failure {
      unlink(temporary)
      throw Error(path: path, reason: String(cString: strerror(failure)))
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Error(path: path, reason: reason)
    }
  }
}

/// `write(2)`, named apart from ``FileWriter/write(_:to:)``.
@inline(__always)
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
