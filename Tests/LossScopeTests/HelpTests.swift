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

  /// What a user must find in the help at 80x24, written out here rather than read from the key
  /// table the help is made from: a binding dropped from the table, or a page that cannot be
  /// reached, fails this.
  @Test func theDocumentedKeysCanBeReadAt80x24() {
    let text = Self.pages().joined(separator: "\n")
    let documented = [
      "quit", "this help (Esc closes any overlay or prompt)", "select the next parameter", "select the previous parameter",
      "raise the selected parameter one step", "lower it one step", "raise it ten steps (a decade on a log scale)",
      "raise it a tenth of a step", "type a value, a list a,b,c or a range a..b:n", "reset the selected parameter",
      "reset every parameter of the view", "move the cursor left", "move the cursor right", "move the cursor ten steps left",
      "log-y on/off", "markers: braille, half block, block, ASCII", "choose the view (type to filter)",
      "add a view on the same axis as a series", "edit the next added view's parameters", "pin a dim ghost of the current curve",
      "sweep the selected parameter at nice values", "remove a series: sweep, last ghost", "zoom x in around the cursor",
      "zoom x out", "reset the x range", "export every visible series to CSV", "lessons: start the next topic",
      "lesson: next step", "lesson: previous step", "save this setup as a preset of yours", "undo the last change",
      "redo what u undid", "cursor to the next crossing with the reference", "cursor to the previous crossing",
      "cursor to the next extremum of the active view", "f, F and E search the loss or the gradient panel",
      "y range: clipped, every value, typed lo,hi",
    ]
    for phrase in documented { #expect(text.contains(phrase), "\(phrase)") }
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
