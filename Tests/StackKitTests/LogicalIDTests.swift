import Testing

@testable import StackKit

@Suite struct LogicalIDTests {
  @Test(arguments: [
    ("Vpc/Resource", "Vpc8378EB38"),
    ("Vpc/IsolatedSubnet1/Subnet", "VpcIsolatedSubnet1SubnetE48C5737"),
    ("Vpc/PrivateSubnet1/Subnet", "VpcPrivateSubnet1Subnet536B997A"),
    ("producerRole/DefaultPolicy/Resource", "producerRoleDefaultPolicyFEA4A548"),
    ("mockAppUserGroup", "mockAppUserGroup"),
    ("Vpc/IsolatedSubnet1/RouteTable", "VpcIsolatedSubnet1RouteTable4771E3E5"),
    ("producerRBAC/secret/Resource", "producerRBACsecret40937020"),
    ("producerRBAC/secret/Policy/Resource", "producerRBACsecretPolicyB7C6A86E"),
    ("redispy_Layer/Resource", "redispyLayerB208042D"),
    ("commonCredentialKey/Alias/Resource", "commonCredentialKeyAliasCFB404D0"),
  ])
  func matchesRealCDK(path: String, expected: String) {
    #expect(LogicalID.make(components: path.split(separator: "/").map(String.init)) == expected)
  }

  @Test func defaultIsDroppedEverywhere() {
    #expect(LogicalID.make(components: ["Default"]) == "")
    #expect(LogicalID.make(components: ["Bucket", "Default"]) == "Bucket")
    #expect(
      LogicalID.make(components: ["A", "Default", "B"]) == LogicalID.make(components: ["A", "B"]))
  }

  @Test func resourceIsHiddenFromTheHumanPartButHashed() {
    let withResource = LogicalID.make(components: ["Bucket", "Resource"])
    let without = LogicalID.make(components: ["Bucket", "Other"])
    #expect(withResource.hasPrefix("Bucket"))
    #expect(withResource.count == "Bucket".count + 8)
    #expect(without.hasPrefix("BucketOther"))
  }

  @Test func duplicateSuffixesAreRemoved() {
    // "PolicyDocument" ends with "Document": the second component is skipped in the human part.
    let id = LogicalID.make(components: ["PolicyDocument", "Document"])
    #expect(id.hasPrefix("PolicyDocument") && id.count == "PolicyDocument".count + 8)
  }

  @Test func humanPartIsCutAt240() {
    let long = String(repeating: "a", count: 300)
    let id = LogicalID.make(components: [long, "b"])
    #expect(id.count == 248)
  }

  @Test func singleComponentHasNoHashAndLosesPunctuation() {
    #expect(LogicalID.make(components: ["my-bucket_1"]) == "mybucket1")
  }
}
