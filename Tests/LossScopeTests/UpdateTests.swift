// Keys to state: every binding of the key table changes the state as its help says.

import Losses
import Plot
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

/// Keys as the runtime delivers them: each key's work (reading, computing) done before the next.
func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
  keys.flatMap { send(&state, .key($0)) }
}

func typed(_ text: String) -> [Key] { text.map { .char($0) } }

func fresh(width: Int = 120, height: Int = 40) -> AppState {
  var state = AppState(width: width, height: height)
  state.clock = { Timestamp(year: 2026, month: 11, day: 22, hour: 17, minute: 45, second: 2) }
  return state
}

@Suite struct UpdateTests {
  @Test func startsOnFocalWithCrossEntropyAsReference() {
    let state = fresh()
    #expect(state.activeView.name == "focal gamma=2 alpha=1")
    #expect(state.reference?.name == "ce")
    #expect(state.selectedParameter?.spec.name == "gamma")
    #expect(state.cursor == 0.9 && state.axis.name == "pt")
  }

  @Test func stepsAndSelection() {
    var s = fresh()
    _ = press([.char("+")], &s)
    #expect(s.activeView.parameters["gamma"] == 2.5)
    _ = press([.char("-"), .char("-"), .down], &s)
    #expect(s.activeView.parameters["gamma"] == 1)
    _ = press([.char("K")], &s)
    #expect(s.activeView.parameters["gamma"] == 6)
    _ = press([.char(">")], &s)
    #expect(s.activeView.parameters["gamma"] == 6.05)
    _ = press([.char("K"), .char("K")], &s)
    #expect(s.activeView.parameters["gamma"] == 10)
    #expect(s.status.contains("limit"))
    _ = press([.tab], &s)
    #expect(s.selectedParameter?.spec.name == "alpha")
    _ = press([.char("-")], &s)
    #expect(s.activeView.parameters["alpha"] == 0.95)
    _ = press([.backTab, .char("r")], &s)
    #expect(s.activeView.parameters["gamma"] == 2)
    _ = press([.char("R")], &s)
    #expect(s.activeView.parameters["alpha"] == 1)
  }

  @Test func typedValuesAreCheckedBeforeTheyChangeAnything() {
    var s = fresh()
    _ = press([.char("=")], &s)
    #expect(s.overlay == .prompt(.value(parameter: "gamma"), text: "2", fresh: true))
    _ = press(typed("0.5") + [.enter], &s)
    #expect(s.activeView.parameters["gamma"] == 0.5 && s.overlay == .none)
    _ = press([.char("=")] + typed("abc") + [.enter], &s)
    #expect(s.activeView.parameters["gamma"] == 0.5)
    #expect(s.status == "gamma=abc is not a finite number")
    _ = press([.char("=")] + typed("99") + [.enter], &s)
    #expect(s.activeView.parameters["gamma"] == 0.5)
    #expect(s.status.contains("out of range"))
    _ = press([.char("=")] + typed("7") + [.escape], &s)
    #expect(s.activeView.parameters["gamma"] == 0.5 && s.overlay == .none)
  }

  @Test func cursorMovesInNiceStepsAndStaysInRange() {
    var s = fresh()
    _ = press([.right], &s)
    #expect(abs(s.cursor - 0.91) < 1e-12)
    _ = press([.char("h"), .char("h")], &s)
    #expect(abs(s.cursor - 0.89) < 1e-12)
    _ = press(Array(repeating: .char("L"), count: 5), &s)
    #expect(s.cursor == s.to)
  }

  @Test func displayToggles() {
    var s = fresh()
    _ = press([.char("y")], &s)
    #expect(s.logY)
    var markers: [Marker] = []
    for _ in 0..<4 {
      _ = press([.char("m")], &s)
      markers.append(s.marker)
    }
    #expect(markers == [.halfBlock, .block, .ascii, .braille])
  }

  @Test func choosingAViewOnAnotherAxisDropsTheReference() {
    var s = fresh()
    _ = press([.char("v")] + typed("circ") + [.enter], &s)
    #expect(s.activeView.info.name == "circle")
    #expect(s.views.count == 1 && s.axis.name == "sp")
    #expect(s.status == "removed ce: not on axis sp")
  }

  @Test func addingGhostSweepAndRemoving() {
    var s = fresh()
    _ = press([.char("a")] + typed("anchor") + [.enter], &s)
    #expect(s.views.map(\.info.name) == ["focal", "ce", "anchor"])
    _ = press([.char("g"), .char("+")], &s)
    #expect(s.ghost?.parameters["gamma"] == 2)
    #expect(s.activeView.parameters["gamma"] == 2.5)
    _ = press([.char("s")], &s)
    let names = s.visibleSeries.map(\.name)
    // Nice values around 2.5: 0 (the CE baseline), two 1-2-5 values below, the value, one above.
    #expect(names == ["focal gamma=0", "focal gamma=1", "focal gamma=2", "focal gamma=2.5", "focal gamma=5",
                      "ce", "anchor gamma=0.5 slack=0.05 qneg=0.5", "ghost gamma=2"])
    _ = press([.char("x")], &s)
    #expect(!s.sweep)
    _ = press([.char("x")], &s)
    #expect(s.ghost == nil)
    _ = press([.char("x"), .char("x")], &s)
    #expect(s.views.map(\.info.name) == ["focal"])
    _ = press([.char("x")], &s)
    #expect(s.status.hasPrefix("nothing to remove"))
  }

  @Test func switchingTheAxisCarriesCrossEntropyAlong() {
    var s = fresh()
    _ = press([.tab, .tab, .char("+")], &s)
    #expect(s.axis.name == "logit")
    #expect(s.reference?.axis.name == "logit")
    #expect(s.from == -8 && s.to == 8 && s.cursor == 0)
  }

  @Test func zoomKeepsTheCursorInside() {
    var s = fresh()
    _ = press([.char("z")], &s)
    #expect(s.to - s.from < 0.5 + 1e-12 && s.from <= s.cursor && s.cursor <= s.to)
    _ = press([.char("Z"), .char("Z")], &s)
    #expect(s.from == 0.001 && s.to == 0.999)
  }

  @Test func exportAsksForANameAndNeverOverwritesUnasked() {
    var s = fresh()
    _ = press([.char("e")], &s)
    #expect(s.overlay == .prompt(.exportPath, text: "lossscope-20261122-174502.csv"))
    let effects = press([.enter], &s)
    guard case .writeFile(let path, let contents, let overwrite, _)? = effects.first else {
      Issue.record("no write effect")
      return
    }
    #expect(path == "lossscope-20261122-174502.csv" && !overwrite)
    #expect(contents.contains("series,pt,loss,grad\n"))
    #expect(contents.contains("\nce,0.001,6.907755278982137,0.999\n"))
    _ = update(&s, .fileExists(path: path, contents: contents))
    guard case .confirmOverwrite = s.overlay else { Issue.record("no confirmation"); return }
    #expect(press([.char("y")], &s) == [.writeFile(path: path, contents: contents, overwrite: true, makeFolder: true)])
    _ = update(&s, .fileExists(path: path, contents: contents))
    #expect(press([.char("n")], &s).isEmpty)
    #expect(s.status == "not written: \(path) exists")
    _ = update(&s, .fileWritten(path: path))
    #expect(s.status == "wrote \(path) (the same as: lossscope export focal gamma=2 alpha=1 + ce)")
  }

  @Test func quitKeys() {
    var s = fresh()
    #expect(press([.char("q")], &s) == [.quit])
    #expect(press([.interrupt], &s) == [.quit])
    _ = press([.char("?")], &s)
    #expect(s.overlay == .help(filter: "", top: 0))
    #expect(press([.escape], &s).isEmpty && s.overlay == .none)
  }

  @Test func noKeyIsBoundTwice() {
    let keys = KeyMap.bindings.flatMap(\.keys)
    #expect(Set(keys.map { "\($0)" }).count == keys.count)
  }
}
