extension EC2 {
  /// An IPv4 CIDR block, with AWS CDK's arithmetic (`network-util.ts`): a block built from an
  /// address that is not on a boundary of its size moves up to the next boundary.
  ///
  /// ```swift
  /// let block = try EC2.CIDRBlock("10.0.0.0/16")
  /// block.maxIP  // "10.0.255.255"
  /// ```
  struct CIDRBlock: Hashable, Sendable {
    /// The prefix length, 0 to 32.
    let mask: Int
    /// The first address, as a number.
    let minAddress: Int

    /// Parses `a.b.c.d/n`.
    init(_ cidr: String) throws(CIDRError) {
      let (address, mask) = try Self.parse(cidr)
      self.init(address: address, mask: mask)
    }

    /// The address and prefix length of `a.b.c.d/n`, as written.
    static func parse(_ cidr: String) throws(CIDRError) -> (address: Int, mask: Int) {
      let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
        let mask = Int(parts[1]), (0...32).contains(mask)
      else { throw CIDRError(text: cidr) }
      return (try number(fromIP: String(parts[0]), original: cidr), mask)
    }

    /// The block of size `mask` that holds `address` or, when `address` is not on a boundary,
    /// the next one up (as CDK's `new CidrBlock(address, mask)`).
    init(address: Int, mask: Int) {
      self.mask = mask
      let size = Self.size(mask)
      let networkAddress = address + size - 1
      minAddress = networkAddress - networkAddress % size
    }

    /// How many addresses a block of this prefix length holds.
    static func size(_ mask: Int) -> Int { 1 << (32 - mask) }

    var size: Int { Self.size(mask) }
    var maxAddress: Int { minAddress + size - 1 }
    var minIP: String { Self.ip(fromNumber: minAddress) }
    var maxIP: String { Self.ip(fromNumber: maxAddress) }
    /// `a.b.c.d/n`.
    var cidr: String { "\(minIP)/\(mask)" }
    /// The block of the same size right after this one.
    var nextBlock: CIDRBlock { CIDRBlock(address: maxAddress + 1, mask: mask) }

    func contains(_ other: CIDRBlock) -> Bool {
      maxAddress >= other.maxAddress && minAddress <= other.minAddress
    }

    func overlaps(_ other: CIDRBlock) -> Bool {
      minAddress <= other.maxAddress && other.minAddress <= maxAddress
    }

    static func number(fromIP ip: String, original: String) throws(CIDRError) -> Int {
      let octets = ip.split(separator: ".", omittingEmptySubsequences: false)
      guard octets.count == 4 else { throw CIDRError(text: original) }
      var value = 0
      for octet in octets {
        guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy({ $0.isASCII && $0.isNumber }),
          let n = Int(octet), n <= 255
        else { throw CIDRError(text: original) }
        value = value * 256 + n
      }
      return value
    }

    static func ip(fromNumber n: Int) -> String {
      [24, 16, 8, 0].map { String((n >> $0) & 0xFF) }.joined(separator: ".")
    }
  }

  /// A text that is not an IPv4 CIDR block.
  struct CIDRError: Error, Sendable {
    let text: String
  }
}
