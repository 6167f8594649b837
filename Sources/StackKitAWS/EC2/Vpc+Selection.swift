import StackKit

extension EC2.Vpc {
  /// The subnets a selection picks, with their ids and connectivity dependencies, as CDK's
  /// `selectSubnets`. A selection that picks nothing is reported at synthesis.
  ///
  /// ```swift
  /// let isolated = vpc.selectSubnets(EC2.SubnetSelection(subnetType: .privateIsolated))
  /// ```
  public func selectSubnets(_ selection: EC2.SubnetSelection = EC2.SubnetSelection())
    -> EC2.SelectedSubnets
  {
    EC2.SelectedSubnets(subnets: selectSubnetObjects(selection), publicSubnets: publicSubnets)
  }

  /// The subnets of one type.
  ///
  /// ```swift
  /// let ids = vpc.selectSubnets(subnetType: .privateIsolated).subnetIDs
  /// ```
  public func selectSubnets(subnetType: EC2.SubnetType) -> EC2.SelectedSubnets {
    selectSubnets(EC2.SubnetSelection(subnetType: subnetType))
  }

  /// The subnets of one group (`SubnetConfiguration.name`).
  ///
  /// ```swift
  /// let ids = vpc.selectSubnets(subnetGroupName: "Data").subnetIDs
  /// ```
  public func selectSubnets(subnetGroupName: String) -> EC2.SelectedSubnets {
    selectSubnets(EC2.SubnetSelection(subnetGroupName: subnetGroupName))
  }

  /// Every subnet: public, then private, then isolated.
  public var allSubnets: [EC2.Subnet] { publicSubnets + privateSubnets + isolatedSubnets }

  func selectSubnetObjects(_ selection: EC2.SubnetSelection) -> [EC2.Subnet] {
    let given = [
      selection.subnets != nil ? "subnets" : nil, selection.subnetType != nil ? "subnetType" : nil,
      selection.subnetGroupName != nil ? "subnetGroupName" : nil,
    ].compactMap { $0 }
    if given.count > 1 {
      report(
        "a subnet selection gives \(given.joined(separator: " and ")); give only one of subnets, subnetType and subnetGroupName."
      )
    }
    if let subnets = selection.subnets { return subnets }
    var subnets: [EC2.Subnet]
    if let name = selection.subnetGroupName {
      subnets = allSubnets.filter { Self.groupName(of: $0) == name }
      if subnets.isEmpty && !incompleteSubnetsForSelection {
        var names: [String] = []
        for s in allSubnets where !names.contains(Self.groupName(of: s)) {
          names.append(Self.groupName(of: s))
        }
        report(
          "there is no subnet group named \"\(name)\" in this VPC (it has \(names.isEmpty ? "no subnets" : names.joined(separator: ", "))). Select one of those names."
        )
      }
    } else {
      let type =
        selection.subnetType
        ?? (!privateSubnets.isEmpty
          ? .privateWithEgress : !isolatedSubnets.isEmpty ? .privateIsolated : .public)
      subnets = self.subnets(ofType: type)
      if subnets.isEmpty && !incompleteSubnetsForSelection {
        let available = EC2.SubnetType.allCases.filter { !self.subnets(ofType: $0).isEmpty }
        report(
          "there are no \(type.rawValue) subnets in this VPC (it has \(available.isEmpty ? "none" : available.map(\.rawValue).joined(separator: ", "))). Select another subnet type or add a \(type.rawValue) subnet group."
        )
      }
    }
    if let zones = selection.availabilityZones {
      subnets = subnets.filter { s in zones.contains { $0 == s.availabilityZone.literalString } }
    }
    if selection.onePerAZ {
      var seen: [String] = []
      subnets = subnets.filter { s in
        if seen.contains(s.zoneKey) { return false }
        seen.append(s.zoneKey)
        return true
      }
    }
    return subnets
  }

  private func subnets(ofType type: EC2.SubnetType) -> [EC2.Subnet] {
    switch type {
    case .public: publicSubnets
    case .privateWithEgress: privateSubnets
    case .privateIsolated: isolatedSubnets
    }
  }

  /// `DataSubnet2` → `Data`, as CDK's `subnetGroupNameFromConstructId`.
  static func groupName(of subnet: EC2.Subnet) -> String {
    var id = Substring(subnet.node.id)
    while let last = id.last, last.isASCII, last.isNumber { id = id.dropLast() }
    if id.count < subnet.node.id.count, id.hasSuffix("Subnet") { return String(id.dropLast(6)) }
    return subnet.node.id
  }
}
