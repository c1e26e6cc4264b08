// The whole screen as text at several sizes (snapshots), and questions about what it shows.

import Losses
import Plot
import SnapshotTesting
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct ScreenTests {
  @Test func defaultScreenAt80x24() {
    assertSnapshot(of: Screen.render(fresh(width: 80, height: 24)).text, as: .lines)
  }

  @Test func defaultScreenAt120x40() {
    assertSnapshot(of: Screen.render(fresh(width: 120, height: 40)).text, as: .lines)
  }

  @Test func tooSmallScreen() {
    assertSnapshot(of: Screen.render(fresh(width: 30, height: 10)).text, as: .lines)
  }

  @Test func helpOverlayInASCII() {
    var s = fresh(width: 100, height: 40)
    _ = press([.char("m"), .char("m"), .char("m"), .char("?")], &s)
    assertSnapshot(of: Screen.render(s).text, as: .lines)
  }

  @Test func readoutGivesTheRatioAtTheCursor() {
    let text = Screen.render(fresh()).text
    #expect(text.contains("focal/ce L 0.0100 g 0.0290"))
    #expect(text.contains("ce L 0.105 g 0.100"))
  }

  @Test func selectedParameterIsHighlighted() {
    let grid = Screen.render(fresh(width: 80, height: 24))
    let row = 21
    let line = String(String.UnicodeScalarView((0..<80).map { grid[$0, row].glyph }))
    let start = line.firstIndex(of: "g").map { line.distance(from: line.startIndex, to: $0) }!
    #expect(line.hasPrefix(" gamma=2 [0, 10]"))
    #expect(grid[start, row].style.reverse)
    let alpha = line.range(of: "alpha")!.lowerBound
    #expect(!grid[line.distance(from: line.startIndex, to: alpha), row].style.reverse)
  }

  @Test func everySizeRendersWithoutCrashing() {
    for (w, h) in [(0, 0), (1, 1), (39, 11), (40, 12), (300, 12), (40, 200), (200, 60)] {
      let grid = Screen.render(fresh(width: w, height: h))
      #expect(grid.width == w && grid.height == h)
    }
  }

  @Test func everyViewRendersWithItsOwnAxis() {
    for info in Catalog.views {
      var s = fresh(width: 100, height: 30)
      _ = press([.char("v")] + typed(info.name) + [.enter], &s)
      // Names that prefix others (ce, focal) pick the first match, which is themselves.
      #expect(s.activeView.info.name == info.name)
      let text = Screen.render(s).text
      #expect(text.contains(info.axes[0].label), "\(info.name)")
    }
  }
}
