import COpenSSL
import Foundation

/// SHA-256 and HMAC-SHA256 through the system's libcrypto (internal to AWSClient).
enum Crypto {
  /// SHA-256 of the bytes.
  static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let run: ([UInt8]) -> Void = { input in
      input.withUnsafeBufferPointer { buffer in
        _ = EVP_Digest(buffer.baseAddress, buffer.count, &out, &length, EVP_sha256(), nil)
      }
    }
    if let contiguous = bytes as? [UInt8] { run(contiguous) } else { run(Array(bytes)) }
    return Array(out[0..<Int(length)])
  }

  /// SHA-256 of the data.
  static func sha256(_ data: Data) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    data.withUnsafeBytes { buffer in
      _ = EVP_Digest(buffer.baseAddress, buffer.count, &out, &length, EVP_sha256(), nil)
    }
    return Array(out[0..<Int(length)])
  }

  /// SHA-256 of the string's UTF-8 bytes, as lowercase hex.
  static func sha256Hex(_ text: String) -> String { hex(sha256(Array(text.utf8))) }

  /// SHA-256 of the data, as lowercase hex.
  static func sha256Hex(_ data: Data) -> String { hex(sha256(data)) }

  /// HMAC-SHA256 of the message under the key.
  static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    key.withUnsafeBufferPointer { keyBuffer in
      message.withUnsafeBufferPointer { messageBuffer in
        _ = HMAC(
          EVP_sha256(), keyBuffer.baseAddress, Int32(keyBuffer.count),
          messageBuffer.baseAddress, messageBuffer.count, &out, &length)
      }
    }
    return Array(out[0..<Int(length)])
  }

  /// HMAC-SHA256 of the string's UTF-8 bytes under the key.
  static func hmacSHA256(key: [UInt8], message: String) -> [UInt8] {
    hmacSHA256(key: key, message: Array(message.utf8))
  }

  /// Lowercase hex of the bytes.
  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
