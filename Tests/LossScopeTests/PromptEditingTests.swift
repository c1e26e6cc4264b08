// Prompts edit as a shell's line does: caret moves, deletions by character, word and line, history.

import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct PromptEditingTests {
  func text(_ s: AppState) -> String {
    if case .prompt(_, let text, _) = s.overlay { return text }
    return "<no prompt>"
  }

  @Test func caretMovesAndTextGoesWhereItIs() {
    var s = fresh()
    _ = press([.char("e")], &s)  // lossscope-20261122-174502.csv
    _ = press([.char("\u{15}")] + typed("out.csv"), &s)
    #expect(text(s) == "out.csv" && s.caret(in: text(s)) == 7)
    _ = press([.left, .left, .left, .left] + typed("-2"), &s)
    #expect(text(s) == "out-2.csv")
    _ = press([.home] + typed("a/"), &s)
    #expect(text(s) == "a/out-2.csv")
    _ = press([.char("\u{05}"), .backspace, .char("\u{01}"), .delete], &s)
    #expect(text(s) == "/out-2.cs")
    _ = press([.right, .right, .char("\u{0b}")], &s)  // Ctrl-K
    #expect(text(s) == "/o")
    _ = press([.end] + typed(" two words") + [.char("\u{17}")], &s)  // Ctrl-W
    #expect(text(s) == "/o two ")
    _ = press([.escape], &s)
    #expect(s.overlay == .none)
  }

  @Test func upAndDownWalkThisPromptsHistory() {
    var s = fresh()
    _ = press([.char("=")] + typed("1") + [.enter], &s)
    _ = press([.char("=")] + typed("3") + [.enter], &s)
    #expect(s.activeView.parameters["gamma"] == 3)
    _ = press([.char("="), .up], &s)
    #expect(text(s) == "3")
    _ = press([.up], &s)
    #expect(text(s) == "1")
    _ = press([.down, .down], &s)
    #expect(text(s) == "")
    _ = press([.up, .enter], &s)
    #expect(s.activeView.parameters["gamma"] == 3)
  }

  @Test func theCaretIsDrawnAndTheLineScrollsToIt() {
    var s = fresh(width: 80, height: 24)
    _ = press([.char("e"), .char("\u{15}")] + typed(String(repeating: "x", count: 120) + "END"), &s)
    #expect(Screen.render(s).text.contains("xxxEND"))
    _ = press([.home], &s)
    #expect(Screen.render(s).text.contains("export to: xxxx") && !Screen.render(s).text.contains("END"))
  }
}
