import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ports on 127.0.0.1 for the servers tests start.
///
/// ```swift
/// let port = try LocalPort.free()  // nothing listens there (until a test starts a server)
/// let (fd, port) = try LocalPort.bindLoopback()  // then listen(fd, …)
/// ```
public enum LocalPort {
  /// A port nothing listens on: one the system hands out for 127.0.0.1, bound and released.
  public static func free() throws -> UInt16 {
    let (fd, port) = try bindLoopback()
    close(fd)
    return port
  }

  /// A TCP socket bound to 127.0.0.1 and a port the system chooses, for a server to listen on
  /// (the caller closes it). `reuseAddress` sets `SO_REUSEADDR` first.
  public static func bindLoopback(reuseAddress: Bool = false) throws -> (
    socket: Int32, port: UInt16
  ) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    if reuseAddress {
      var yes: Int32 = 1
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard bound == 0, named == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    return (fd, UInt16(bigEndian: address.sin_port))
  }
}
