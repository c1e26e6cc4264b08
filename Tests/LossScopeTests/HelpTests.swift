// The help as a user reads it: every binding reachable by scrolling at 80x24, narrowed by typing,
// the mode's keys first, and each mode's listed keys exactly the ones it acts on.

import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct HelpTests {
  /// Every screen of the help at `width`x`height`, paging with Space until the last line shows.
  static func pages(_ keys: [Key] = [], width: Int = 80, height: Int = 24) -> [String] {
    var s = fresh(width: width, height: height)
    _ = press(keys + [.char("?")], &s)
    var screens = [Screen.render(s).text]
    for _ in 0..<20 {
      let before = s.overlay
      _ = press([.char(" ")], &s)
      if s.overlay == before { break }
      screens.append(Screen.render(s).text)
    }
    return screens
  }

  @Test func everyBindingCanBeReadAt80x24() {
    let text = Self.pages().joined(separator: "\n")
    for binding in KeyMap.bindings where !KeyMap.modeOnly.contains(binding.action) || CurvesMode.initial.keys.contains(binding.action) {
      // The box may cut a long line at the screen's edge; its start must be there.
      #expect(text.contains(String(binding.help.prefix(40))), "\(binding.label): \(binding.help)")
    }
    let last = KeyMap.bindings.last { !KeyMap.modeOnly.contains($0.action) }
    #expect(Self.pages().last?.contains(String(last?.help.prefix(40) ?? "")) == true)
  }

  @Test func endShowsTheLastLineAndTypingFilters() {
    var s = fresh(width: 80, height: 24)
    _ = press([.char("?"), .end], &s)
    let lines = Help.lines(for: s.model, filter: "")
    #expect(Screen.render(s).text.contains(String(lines.last?.dropFirst(2).prefix(40) ?? "")))
    _ = press(typed("undo"), &s)
    let text = Screen.render(s).text
    #expect(text.contains("undo the last change") && !text.contains("zoom x in"))
    _ = press([.backspace, .backspace, .backspace, .backspace, .escape], &s)
    #expect(s.overlay == .none)
  }

  @Test func theModesKeysComeFirst() {
    var plane = fresh()
    _ = press([.char("v")] + typed("circle-plane") + [.enter], &plane)
    let lines = Help.lines(for: plane.model, filter: "")
    #expect(lines.first == "in this view:")
    #expect(lines.dropFirst().first?.contains("move the cursor left") == true)
    #expect(!lines.contains { $0.contains("zoom x in") })
    let curves = Help.lines(for: fresh().model, filter: "")
    let zoom = curves.firstIndex { $0.contains("zoom x in") } ?? 999, quit = curves.firstIndex { $0.hasSuffix("quit") } ?? -1
    #expect(zoom < quit)
  }

  /// The help says which keys a mode has; each mode must act on exactly those.
  @Test func eachModeActsOnTheKeysItsHelpLists() {
    var ghm = fresh()
    _ = press([.char("v")] + typed("ghm") + [.enter], &ghm)
    var plane = fresh()
    _ = press([.char("v")] + typed("margins") + [.enter], &plane)
    let log = try? TrainingLogModeTests.opened(LogFixture.shared, follow: false)
    #expect(log != nil)
    var embeddings = fresh()
    _ = press([.char("v")] + typed("embeddings") + [.enter], &embeddings)
    for state in [fresh(), ghm, plane, embeddings] + (log.map { [$0] } ?? []) {
      for action in KeyMap.modeOnly {
        var model = state.model
        let reply = model.perform(action, selected: state.selectedParameter?.spec)
        let acted: Bool
        if case .done = reply { acted = true } else { acted = false }
        #expect(acted == state.model.keys.contains(action), "\(state.model.title): \(action)")
      }
    }
  }
}
