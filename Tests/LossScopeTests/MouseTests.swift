// The mouse: a click puts the cursor or the 2-D point where it lands, the wheel zooms x around the
// pointer, a click on the parameter bar selects that parameter.

import Plot
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct MouseTests {
  @Test func aClickPutsTheCursorUnderThePointer() throws {
    var s = fresh(width: 120, height: 40)
    let layout = try #require(s.shownCurves.stack(s.marker).layouts(in: s.panels).first)
    let column = layout.plot.x + layout.plot.width / 4
    _ = update(&s, .mouse(x: column, y: layout.plot.y + 2, button: .press))
    #expect(abs(s.cursor - layout.x(atColumn: column)) < 1e-12)
    #expect(s.cursor > 0.2 && s.cursor < 0.3)
    let before = s.to - s.from
    _ = update(&s, .mouse(x: column, y: layout.plot.y + 2, button: .wheelUp))
    #expect(abs((s.to - s.from) - before / 2) < 1e-9)
    #expect(s.cursor >= s.from && s.cursor <= s.to)
    _ = update(&s, .mouse(x: column, y: layout.plot.y + 2, button: .wheelDown))
    #expect(abs((s.to - s.from) - before) < 1e-9)
    _ = press([.char("u")], &s)
    #expect(s.status.hasPrefix("undid"))
  }

  @Test func aClickOnTheParameterBarSelects() throws {
    var s = fresh(width: 120, height: 40)
    let alpha = try #require(Screen.parameterItems(s).first { $0.text.contains("alpha=") })
    _ = update(&s, .mouse(x: alpha.columns.lowerBound + 2, y: s.height - 3, button: .press))
    #expect(s.selectedParameter?.spec.name == "alpha")
  }

  @Test func aClickOnThePlaneMovesThePoint() {
    var s = fresh(width: 120, height: 40)
    _ = press([.char("v")] + typed("circle-plane") + [.enter], &s)
    let before = (s.plane?.x, s.plane?.y)
    _ = update(&s, .mouse(x: s.width / 2, y: s.height / 2, button: .press))
    #expect(s.plane.map { ($0.x, $0.y) } != nil)
    #expect(before.0 != s.plane?.x || before.1 != s.plane?.y)
    // Outside the panels, or under an overlay, a click does nothing.
    _ = press([.char("?")], &s)
    let covered = s.plane?.x
    _ = update(&s, .mouse(x: 3, y: 3, button: .press))
    #expect(s.plane?.x == covered)
  }
}

@Suite struct InterruptKeyTests {
  /// Ctrl-C read as a key (raw mode) ends the app as SIGINT would: status 130.
  @Test func ctrlCQuitsWithTheInterruptStatus() {
    var s = fresh()
    #expect(press([.interrupt], &s) == [.quit] && s.exitStatus == 130)
    var q = fresh()
    #expect(press([.char("q")], &q) == [.quit] && q.exitStatus == 0)
    var prompt = fresh()
    _ = press([.char("e")], &prompt)
    #expect(press([.interrupt], &prompt) == [.quit] && prompt.exitStatus == 130)
  }
}
