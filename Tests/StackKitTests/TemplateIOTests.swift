import Testing

@testable import StackKit

@Suite struct TemplateIOTests {
  @Test func jsonRoundTripKeepsOrderAndTypes() throws {
    let text = #"{"b":1,"a":[true,null,"x\n\u00e9",2.5,-3],"c":{}}"#
    let parsed = try JSONParser.parse(text)
    #expect(parsed.objectValue?.keys == ["b", "a", "c"])
    #expect(
      JSONWriter(indent: nil).write(parsed) == #"{"b":1,"a":[true,null,"x\né",2.5,-3],"c":{}}"#)
  }

  @Test func jsonErrorsNameLineAndColumn() {
    do {
      _ = try JSONParser.parse("{\n  \"app\": \"x\",\n  \"output\" \"templates\"\n}")
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 3)
      #expect(error.description.contains("expected ':'"))
    }
  }

  @Test func yamlShortFormsExpandToLongForm() throws {
    let yaml = """
      Resources:
        Sub:
          Type: AWS::EC2::Subnet
          Properties:
            VpcId: !Ref Vpc
            Cidr: !GetAtt Vpc.CidrBlock
            Az: !Select [0, !GetAZs '']
            Name: !Sub '${AWS::StackName}-a'
            Version: '2012-10-17'
            Count: 3
            Enabled: true
      """
    let parsed = try YAMLParser.parse(yaml)
    let props = parsed["Resources"]?["Sub"]?["Properties"]
    #expect(props?["VpcId"] == .object(JSONObject([("Ref", .string("Vpc"))])))
    #expect(
      props?["Cidr"]
        == .object(JSONObject([("Fn::GetAtt", .array([.string("Vpc"), .string("CidrBlock")]))])))
    #expect(
      props?["Az"]
        == .object(
          JSONObject([
            ("Fn::Select", .array([.int(0), .object(JSONObject([("Fn::GetAZs", .string(""))]))]))
          ])))
    #expect(props?["Version"] == .string("2012-10-17"))
    #expect(props?["Count"] == .int(3))
    #expect(props?["Enabled"] == .bool(true))
  }

  @Test func yamlPlainScalarsAreReadAsCloudFormationReadsThem() throws {
    let parsed = try YAMLParser.parse(
      """
      Yes: yes
      Off: off
      QuotedYes: 'yes'
      Empty:
      Tilde: ~
      Exponent: 1e3
      Text: !!str 12
      Rule: !Contains [[a, b], !Ref Env]
      """)
    #expect(parsed["Yes"] == .bool(true))
    #expect(parsed["Off"] == .bool(false))
    #expect(parsed["QuotedYes"] == .string("yes"))
    #expect(parsed["Empty"] == .null)
    #expect(parsed["Tilde"] == .null)
    #expect(parsed["Exponent"] == .double(1000))
    #expect(parsed["Text"] == .string("12"))
    #expect(
      parsed["Rule"]
        == .object(
          JSONObject([
            (
              "Fn::Contains",
              .array([
                .array([.string("a"), .string("b")]),
                .object(JSONObject([("Ref", .string("Env"))])),
              ])
            )
          ])))
    do {
      _ = try YAMLParser.parse("A: !Bogus 1\n")
      Issue.record("an unknown tag was accepted")
    } catch {
      #expect(error.description == "unknown YAML tag !Bogus at line 1")
    }
  }

  @Test func yamlWriterOutputReadsBackIdentically() throws {
    let value = JSON.object(
      JSONObject([
        ("s", .string("no")), ("v", .string("7.1")), ("n", .int(42)), ("d", .double(0.5)),
        ("l", .array([.string("a: b"), .string("#x"), .string(""), .string("multi\nline")])),
        ("e", .object(JSONObject())), ("b", .bool(false)),
      ]))
    let text = try YAMLWriter().write(value)
    #expect(try YAMLParser.parse(text) == value)
  }
}
