import Testing

@testable import StackToolkit

@Suite struct LineDiffTests {
  @Test func identicalTextsHaveNoDiff() {
    let d = LineDiff(old: "a\nb\n", new: "a\nb\n")
    #expect(d.changedLineCount == 0)
    #expect(d.unified(oldName: "x", newName: "y") == "")
  }

  @Test func aChangedLineShowsContextAndLineNumbers() {
    let old = (1...10).map { "line\($0)" }.joined(separator: "\n") + "\n"
    let new = old.replacingOccurrences(of: "line5\n", with: "LINE5\n")
    let text = LineDiff(old: old, new: new).unified(oldName: "old", newName: "new")
    #expect(
      text == """
        --- old
        +++ new
        @@ -2,7 +2,7 @@
         line2
         line3
         line4
        -line5
        +LINE5
         line6
         line7
         line8
        """)
  }

  @Test func insertionsAndDeletionsAreMinimal() {
    let d = LineDiff(old: "a\nb\nc\nd\n", new: "a\nx\nc\nd\ne\n")
    #expect(
      d.edits == [.same("a"), .removed("b"), .added("x"), .same("c"), .same("d"), .added("e")])
  }

  @Test func farApartChangesMakeSeparateHunks() {
    let old = (1...30).map(String.init).joined(separator: "\n")
    let new = old.replacingOccurrences(of: "\n3\n", with: "\nthree\n")
      .replacingOccurrences(of: "\n27\n", with: "\ntwenty-seven\n")
    let text = LineDiff(old: old, new: new).unified(oldName: "o", newName: "n", context: 1)
    #expect(text.components(separatedBy: "\n@@ ").count == 3)
    #expect(text.contains("@@ -2,3 +2,3 @@\n 2\n-3\n+three\n 4"))
    #expect(text.contains("@@ -26,3 +26,3 @@\n 26\n-27\n+twenty-seven\n 28"))
  }

  @Test func longDiffsAreCutAtTheLimit() {
    let old = (1...100).map { "a\($0)" }.joined(separator: "\n")
    let new = (1...100).map { "b\($0)" }.joined(separator: "\n")
    let text = LineDiff(old: old, new: new).unified(oldName: "o", newName: "n", maxChangedLines: 10)
    let changed = text.split(separator: "\n").filter {
      ($0.hasPrefix("-") && !$0.hasPrefix("---")) || ($0.hasPrefix("+") && !$0.hasPrefix("+++"))
    }
    #expect(changed.count == 10)
    #expect(text.hasSuffix("… 190 more changed lines not shown"))
  }

  @Test func aHugeDifferenceFallsBackToReplaceAll() {
    let old = (1...50).map { "a\($0)" }.joined(separator: "\n")
    let new = (1...50).map { "b\($0)" }.joined(separator: "\n")
    let d = LineDiff(old: old, new: new, maxEditDistance: 10)
    #expect(d.changedLineCount == 100)
    #expect(d.edits.first == .removed("a1"))
    #expect(d.edits.last == .added("b50"))
  }
}
