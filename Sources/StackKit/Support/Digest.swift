import COpenSSL

/// Message digests through the system's libcrypto.
public enum Digest {
  /// MD5 of the bytes, as lowercase hex.
  public static func md5Hex(_ bytes: some Collection<UInt8>) -> String {
    hex(compute(bytes, EVP_md5()))
  }

  /// SHA-256 of the bytes, as lowercase hex.
  public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
    hex(compute(bytes, EVP_sha256()))
  }

  /// SHA-256 of the bytes.
  public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
    compute(bytes, EVP_sha256())
  }

  private static func compute(_ bytes: some Collection<UInt8>, _ md: OpaquePointer?) -> [UInt8] {
    var hasher = Hasher256(md)
    hasher.update(bytes)
    return hasher.finish()
  }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// An incremental SHA-256, for hashing files without holding them together in memory.
  public struct SHA256 {
    private var inner = Hasher256(EVP_sha256())
    public init() {}
    public mutating func update(_ bytes: some Collection<UInt8>) { inner.update(bytes) }
    public mutating func update(_ text: String) { inner.update(Array(text.utf8)) }
    public mutating func finishHex() -> String { Digest.hex(inner.finish()) }
  }
}

/// One EVP digest context.
struct Hasher256 {
  private final class Context {
    let pointer: OpaquePointer?
    init(_ md: OpaquePointer?) {
      pointer = EVP_MD_CTX_new()
      EVP_DigestInit_ex(pointer, md, nil)
    }
    deinit { EVP_MD_CTX_free(pointer) }
  }

  private let context: Context

  init(_ md: OpaquePointer?) { context = Context(md) }

  mutating func update(_ bytes: some Collection<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      _ = EVP_DigestUpdate(context.pointer, buffer.baseAddress, buffer.count)
    }
    if done == nil {
      let copy = Array(bytes)
      copy.withUnsafeBufferPointer {
        _ = EVP_DigestUpdate(context.pointer, $0.baseAddress, $0.count)
      }
    }
  }

  mutating func finish() -> [UInt8] {
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    EVP_DigestFinal_ex(context.pointer, &out, &length)
    return Array(out[0..<Int(length)])
  }
}
