// A paste reaches the model as one message: text in a prompt, cut to its limit at once, ignored elsewhere.

import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct PasteTests {
  @Test func aPasteOutsideAPromptChangesNothing() {
    var s = fresh()
    let before = s
    #expect(update(&s, .paste("qqq+++v\n")).isEmpty)
    #expect(s.views == before.views && s.overlay == before.overlay && s.status == before.status)
  }

  @Test func aLongPasteIsCutToThePromptLimitAndLosesItsControls() {
    var s = fresh()
    _ = press([.char("e")], &s)
    guard case .prompt(let prompt, let start, _) = s.overlay else {
      Issue.record("no export prompt")
      return
    }
    #expect(update(&s, .paste("a\nb\u{1B}[31m\tc" + String(repeating: "x", count: 100_000))).isEmpty)
    guard case .prompt(let after, let text, _) = s.overlay else {
      Issue.record("the paste closed the prompt")
      return
    }
    #expect(after == prompt)
    #expect(text.hasPrefix(start + "ab[31m c"))
    #expect(text.unicodeScalars.count == promptLimit)
  }
}
