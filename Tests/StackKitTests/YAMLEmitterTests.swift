import Testing

@testable import StackKit

/// The fast YAML emitter must write exactly what Yams (libyaml) writes for the same value.
@Suite struct YAMLEmitterTests {
  static let trickyStrings: [String] = [
    "", " ", "a", "plain text", "AWS::EC2::VPC", "arn:aws:iam::aws:policy/x", "10.0.0.0/16",
    "yes", "No", "null", "~", "-", "- a", "-a", "--- x", "...", "... x", "? x", "?x", ":", ": x",
    "a: b", "a:b", "a :b", "a #b", "a#b", "#x", "x #", "[a]", "a,b", "{x}", "&a", "*a", "!Ref",
    "|", ">", "'q'", "it's", "\"dq\"", "%x", "@x", "`x`", " lead", "trail ", "  both  ",
    "line1\nline2", "line1\n\nline3", "\nlead", "trail\n", "a \nb", "a\n b", "tab\there",
    "cr\rhere", "nul\u{0}x", "bell\u{7}", "esc\u{1B}", "back\\slash", "quote\"inside",
    "é", "naïve café", "日本語", "emoji 😀", "nel\u{85}x", "nbsp\u{A0}x", "ls\u{2028}x",
    "ps\u{2029}x", "bom\u{FEFF}x", "\u{FFFE}", "\u{E000}", "surrogate-ish \u{D7FF}",
    "2012-10-17", "1.5", "+3", ".inf", "0x1F", "1:30", "=", "<<", "a\u{7F}b",
    String(repeating: "k", count: 129), String(repeating: "é", count: 65),
    "multi\nline key", "ends with colon:", "x:\ty", "a\t", "\ta",
  ]

  @Test func trickyScalarsMatchYamsInEveryPosition() throws {
    let writer = YAMLWriter()
    for s in Self.trickyStrings {
      let documents: [JSON] = [
        .string(s),
        .object(JSONObject([(s, .string(s))])),
        .object(JSONObject([("Key", .object(JSONObject([(s, .array([.string(s), .int(1)]))])))])),
        .object(
          JSONObject([("List", .array([.array([.string(s)]), .object(JSONObject([(s, .null)]))]))])),
        .array([.string(s), .object(JSONObject([("a", .string(s)), (s, .object(JSONObject()))]))]),
      ]
      for d in documents {
        let expected = try writer.writeThroughYams(d)
        let actual = try writer.write(d)
        #expect(actual == expected, "for \(String(reflecting: s))")
      }
    }
  }

  @Test func emptyCollectionsAndNumbersMatchYams() throws {
    let writer = YAMLWriter()
    let documents: [JSON] = [
      .object(JSONObject()), .array([]), .int(-5), .double(1e300), .double(0.1), .bool(false),
      .null,
      .object(
        JSONObject([("a", .object(JSONObject())), ("b", .array([])), ("c", .array([.array([])]))])),
      .array([.object(JSONObject()), .array([]), .null, .double(-0.5)]),
    ]
    for d in documents { #expect(try writer.write(d) == writer.writeThroughYams(d)) }
  }

  @Test func randomDocumentsMatchYams() throws {
    var rng = SplitMix64(seed: 20_261_121)
    let writer = YAMLWriter()
    for _ in 0..<400 {
      let d = Self.randomValue(&rng, depth: 0)
      let expected = try writer.writeThroughYams(d)
      let actual = try writer.write(d)
      #expect(actual == expected)
      if actual != expected { break }
    }
  }

  static func randomValue(_ rng: inout SplitMix64, depth: Int) -> JSON {
    let kind = depth > 4 ? Int(rng.next() % 5) : Int(rng.next() % 8)
    switch kind {
    case 0, 1: return .string(randomString(&rng))
    case 2: return .int(Int(truncatingIfNeeded: rng.next()) % 100_000)
    case 3: return .double(Double(rng.next() % 10_000) / 7)
    case 4: return rng.next() % 2 == 0 ? .bool(rng.next() % 2 == 0) : .null
    case 5, 6:
      var o = JSONObject()
      for _ in 0..<Int(rng.next() % 4) {
        o[randomString(&rng)] = randomValue(&rng, depth: depth + 1)
      }
      return .object(o)
    default:
      return .array((0..<Int(rng.next() % 4)).map { _ in randomValue(&rng, depth: depth + 1) })
    }
  }

  static let alphabet: [String] = [
    "a", "b", "Z", "0", "7", " ", " ", "\n", "\t", ":", "#", "-", "?", "'", "\"", "\\", ",", "[",
    "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", ".", "é", "😀", "\u{85}", "\u{2028}",
    "\u{FEFF}", "\r", "/", "=", "~", "y",
  ]

  static func randomString(_ rng: inout SplitMix64) -> String {
    if rng.next() % 5 == 0 { return trickyStrings[Int(rng.next() % UInt64(trickyStrings.count))] }
    let n = Int(rng.next() % 8)
    return (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
  }
}

/// A small deterministic random generator for reproducible test data.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
