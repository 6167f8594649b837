import Testing

@testable import StackKit

@Suite struct JSONWriterTests {
  @Test func escapesQuotesBackslashesAndControlCharacters() {
    let text = JSONWriter(indent: nil).write(
      .string("a\"b\\c\nd\re\tf\u{08}g\u{0C}h\u{01}i\u{1F}j\u{7F}k é 😀 \u{2028} /"))
    #expect(
      text == #""a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fj"# + "\u{7F}k é 😀 \u{2028} /\"")
  }

  @Test func indentsNestedValuesAndKeepsKeyOrder() {
    let value: JSON = .object(
      JSONObject([
        ("b", .array([.int(1), .double(2.5), .object(JSONObject())])),
        ("a", .object(JSONObject([("x", .null), ("y", .bool(false))]))),
        ("c", .array([])),
      ]))
    #expect(
      JSONWriter().write(value) == """
        {
          "b": [
            1,
            2.5,
            {}
          ],
          "a": {
            "x": null,
            "y": false
          },
          "c": []
        }

        """)
    #expect(
      JSONWriter(indent: nil).write(value)
        == #"{"b":[1,2.5,{}],"a":{"x":null,"y":false},"c":[]}"#)
    #expect(JSONWriter(indent: 4).write(.array([.int(1)])) == "[\n    1\n]\n")
  }

  /// Integral doubles are written without a fraction and read back as integers, so the check is
  /// that reading and writing again gives the same text.
  @Test func randomDocumentsReadBackToTheSameText() throws {
    var rng = SplitMix64(seed: 7)
    for _ in 0..<300 {
      let value = YAMLEmitterTests.randomValue(&rng, depth: 0)
      for indent in [nil, 2] {
        let writer = JSONWriter(indent: indent)
        let text = writer.write(value)
        #expect(writer.write(try JSONParser.parse(text)) == text)
      }
    }
  }
}
