import Foundation

/// Stages assets under `.stack/assets/`: runs the bundling command if there is one, then writes a
/// deterministic zip (sorted entries, fixed timestamps, normalized modes) or copies the file. An
/// asset already staged under its hash is left alone.
enum AssetStager {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  static func stage(_ asset: CloudAssembly.AssetArtifact, into directory: String) throws {
    let fm = FileManager.default
    let target = (directory as NSString).appendingPathComponent(asset.stagedFileName)
    if fm.fileExists(atPath: target) { return }
    try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
    switch asset.packaging {
    case .file:
      let temporary = uniqueTemporary(for: target)
      try fm.copyItem(atPath: asset.absolutePath, toPath: temporary)
      try publish(temporary, as: target)
    case .zipDirectory:
      var source = asset.absolutePath
      var scratch: String?
      if let bundling = asset.bundling {
        let output =
          NSTemporaryDirectory()
          + "stackkit-bundle-\(asset.hash.prefix(16))-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        try? fm.removeItem(atPath: output)
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        scratch = output
        try runBundling(
          bundling, source: asset.absolutePath, output: output, assetPath: asset.sourcePath)
        source = output
      }
      defer { if let scratch { try? fm.removeItem(atPath: scratch) } }
      let zip = try ZipWriter.archive(directory: source)
      let temporary = uniqueTemporary(for: target)
      try zip.write(to: URL(fileURLWithPath: temporary))
      try publish(temporary, as: target)
    }
  }

  /// A temporary name beside `target` that no other process or thread uses.
  static func uniqueTemporary(for target: String) -> String {
    target + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
  }

  /// Moves a finished file into place with rename(2), which replaces an existing file atomically:
  /// two processes staging the same asset (same hash, same bytes) both succeed.
  static func publish(_ temporary: String, as target: String) throws {
    guard rename(temporary, target) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw Failure(description: "could not stage \(target): \(reason)")
    }
  }

  static func runBundling(_ bundling: Bundling, source: String, output: String, assetPath: String)
    throws
  {
    let arguments = bundling.command.map {
      $0.replacingOccurrences(of: "$SOURCE", with: source).replacingOccurrences(
        of: "$OUTPUT", with: output)
    }
    guard let program = arguments.first else { return }
    guard let executable = findExecutable(program) else {
      throw Failure(
        description:
          "bundling the asset \(assetPath) needs '\(program)', which is not on PATH. \(bundling.missingProgramHint)"
      )
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = Array(arguments.dropFirst())
    process.currentDirectoryURL = URL(fileURLWithPath: source)
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus != 0 {
      let tail = String(decoding: errorData.suffix(2000), as: UTF8.self)
      throw Failure(
        description:
          "bundling the asset \(assetPath) failed: '\(arguments.joined(separator: " "))' exited with status \(process.terminationStatus):\n\(tail)\n\(bundling.missingProgramHint)"
      )
    }
  }

  static func findExecutable(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// A minimal deterministic zip writer (stored entries, CRC-32, fixed 1980-01-01 timestamps,
/// modes 0644 or 0755), so the same files always give the same bytes.
enum ZipWriter {
  static func archive(directory: String) throws -> Data {
    let files = try AssetHasher.files(in: directory, exclude: [])
    var entries: [(name: String, data: Data, executable: Bool)] = []
    for relative in files {
      let full = (directory as NSString).appendingPathComponent(relative)
      let attributes = try FileManager.default.attributesOfItem(atPath: full)
      let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
      entries.append(
        (relative, try Data(contentsOf: URL(fileURLWithPath: full)), mode & 0o111 != 0))
    }
    return archive(entries: entries)
  }

  static func archive(entries: [(name: String, data: Data, executable: Bool)]) -> Data {
    var out = Data()
    var central = Data()
    let dosTime: UInt16 = 0
    let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1  // 1980-01-01
    for entry in entries {
      let name = Data(entry.name.utf8)
      let crc = crc32(entry.data)
      let offset = UInt32(out.count)
      out.append(le32(0x0403_4b50))
      out.append(le16(20))  // version needed
      out.append(le16(0x0800))  // UTF-8 names
      out.append(le16(0))  // stored
      out.append(le16(dosTime))
      out.append(le16(dosDate))
      out.append(le32(crc))
      out.append(le32(UInt32(entry.data.count)))
      out.append(le32(UInt32(entry.data.count)))
      out.append(le16(UInt16(name.count)))
      out.append(le16(0))
      out.append(name)
      out.append(entry.data)

      let mode: UInt32 = entry.executable ? 0o100755 : 0o100644
      central.append(le32(0x0201_4b50))
      central.append(le16(0x0314))  // made by: Unix, 2.0
      central.append(le16(20))
      central.append(le16(0x0800))
      central.append(le16(0))
      central.append(le16(dosTime))
      central.append(le16(dosDate))
      central.append(le32(crc))
      central.append(le32(UInt32(entry.data.count)))
      central.append(le32(UInt32(entry.data.count)))
      central.append(le16(UInt16(name.count)))
      central.append(le16(0))
      central.append(le16(0))
      central.append(le16(0))
      central.append(le16(0))
      central.append(le32(mode << 16))
      central.append(le32(offset))
      central.append(name)
    }
    let centralOffset = UInt32(out.count)
    out.append(central)
    out.append(le32(0x0605_4b50))
    out.append(le16(0))
    out.append(le16(0))
    out.append(le16(UInt16(entries.count)))
    out.append(le16(UInt16(entries.count)))
    out.append(le32(UInt32(central.count)))
    out.append(le32(centralOffset))
    out.append(le16(0))
    return out
  }

  private static let crcTable: [UInt32] = (0..<256).map { i -> UInt32 in
    var c = UInt32(i)
    for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in data { crc = crcTable[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }

  private static func le16(_ v: UInt16) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
  private static func le32(_ v: UInt32) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
}
