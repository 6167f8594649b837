extension EC2 {
  /// Hands out subnet blocks from a VPC's CIDR one after the other, exactly as AWS CDK's
  /// `NetworkBuilder` does, so a ported VPC keeps every subnet's CIDR.
  ///
  /// ```swift
  /// var builder = try EC2.NetworkBuilder("10.0.0.0/16")
  /// try builder.addSubnet(mask: 24)  // "10.0.0.0/24"
  /// builder.maskForRemainingSubnets(2)  // 17
  /// ```
  struct NetworkBuilder: Sendable {
    /// Why a subnet could not be allocated.
    enum Failure: Error, Equatable, Sendable {
      /// The prefix length is outside /16–/28.
      case maskOutOfRange(Int)
      /// `count` blocks of `/mask` do not fit in what is left of the VPC's block.
      case exceedsRemainingSpace(count: Int, mask: Int, network: String)
    }

    let network: CIDRBlock
    private(set) var subnets: [CIDRBlock] = []
    private(set) var nextAvailableAddress: Int

    init(_ cidr: String) throws(CIDRError) {
      network = try CIDRBlock(cidr)
      nextAvailableAddress = network.minAddress
    }

    /// Allocates one block of `/mask` and returns it as `a.b.c.d/n`.
    @discardableResult
    mutating func addSubnet(mask: Int) throws(Failure) -> String {
      try addSubnets(mask: mask, count: 1)[0]
    }

    /// Allocates `count` consecutive blocks of `/mask`.
    mutating func addSubnets(mask: Int, count: Int) throws(Failure) -> [String] {
      guard (16...28).contains(mask) else { throw .maskOutOfRange(mask) }
      let maxIP = nextAvailableAddress + CIDRBlock.size(mask) * count
      if network.maxAddress < maxIP - 1 {
        throw .exceedsRemainingSpace(count: count, mask: mask, network: network.cidr)
      }
      var out: [String] = []
      for _ in 0..<count {
        let subnet = CIDRBlock(address: nextAvailableAddress, mask: mask)
        nextAvailableAddress = subnet.nextBlock.minAddress
        subnets.append(subnet)
        out.append(subnet.cidr)
      }
      return out
    }

    /// The largest prefix length that gives each of `count` subnets an equal share of what is
    /// left (33 when nothing is left, which ``addSubnet(mask:)`` refuses).
    func maskForRemainingSubnets(_ count: Int) -> Int {
      guard count > 0 else { return 32 }
      let remaining = network.maxAddress - nextAvailableAddress + 1
      let perSubnet = remaining / count
      guard perSubnet >= 1 else { return 33 }
      return 32 - (Int.bitWidth - 1 - perSubnet.leadingZeroBitCount)
    }
  }
}
