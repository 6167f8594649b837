import Foundation

/// Content hashes of assets: SHA-256 over every file's relative path, mode and bytes, in sorted
/// path order, plus the bundling recipe. The same content gives the same hash on every machine.
enum AssetHasher {
  static func hash(path: String, isDirectory: Bool, exclude: [String], recipe: String?) throws
    -> String
  {
    var sha = Digest.SHA256()
    sha.update("stackkit-asset-v1\n")
    if let recipe { sha.update("recipe:\(recipe)\n") }
    if isDirectory {
      for relative in try files(in: path, exclude: exclude) {
        let full = (path as NSString).appendingPathComponent(relative)
        let attributes = try FileManager.default.attributesOfItem(atPath: full)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        sha.update(
          "file:\(relative)\nmode:\(String(mode & 0o111 != 0 ? 0o755 : 0o644, radix: 8))\n")
        let data = try Data(contentsOf: URL(fileURLWithPath: full))
        sha.update("size:\(data.count)\n")
        sha.update(data)
      }
    } else {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      sha.update("size:\(data.count)\n")
      sha.update(data)
    }
    return sha.finishHex()
  }

  /// Regular files below a directory as sorted relative paths, skipping `__pycache__`, `.DS_Store`
  /// and what `exclude` names (exact relative paths or path prefixes ending in `/`).
  static func files(in directory: String, exclude: [String]) throws -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
    var out: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let full = (directory as NSString).appendingPathComponent(relative)
      var isDir: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
      let components = relative.split(separator: "/")
      if components.contains(where: { $0 == "__pycache__" || $0 == ".DS_Store" || $0 == ".git" }) {
        continue
      }
      if exclude.contains(where: { relative == $0 || ($0.hasSuffix("/") && relative.hasPrefix($0)) }
      ) {
        continue
      }
      if !isDir.boolValue { out.append(relative) }
    }
    return out.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }
}
