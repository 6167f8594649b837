import StackKit
import Testing

@testable import StackToolkit

/// What `SynthResult.StackTemplate.template()` relies on: StackKit's writers read back exactly.
@Suite struct TemplateRoundTripTests {
  @Test func stackKitYAMLAndJSONReadBackAsTheValueTheyWereWrittenFrom() throws {
    let json = try JSONParser.parse(
      #"""
      {"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"A": "on", "B": "1.5",
      "C": 1.5, "D": ["x", {"Ref": "T2"}], "E": "-", "F": "2012-10-17", "G": 3, "H": true,
      "I": "null", "J": {}, "K": [], "L": "a: b", "M": "#x"}}}}
      """#)
    #expect(try TemplateReader.read(try YAMLWriter().write(json)) == json)
    #expect(try TemplateReader.read(JSONWriter().write(json)) == json)
  }
}
