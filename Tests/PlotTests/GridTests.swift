// Grid: clipped writes, fills, plain-text lines and minimal ANSI output.

import Plot
import Testing

@Suite struct GridTests {
  @Test func putClipsToTheGridAndReturnsTheNextColumn() {
    var grid = Grid(width: 5, height: 2)
    let next = grid.put("abcdefg", x: -2, y: 0)
    #expect(next == 5)
    grid.put("xyz", x: 3, y: 1)
    grid.put("never", x: 0, y: 2)
    #expect(grid.lines() == ["cdefg", "   xy"])
  }

  @Test func putRespectsAClipRect() {
    var grid = Grid(width: 6, height: 1)
    grid.put("hello!", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))
    #expect(grid.lines() == [" ell"])
  }

  @Test func subscriptIgnoresOutsideWrites() {
    var grid = Grid(width: 2, height: 2)
    grid[5, 5] = Cell("x")
    grid[-1, 0] = Cell("x")
    grid[1, 1] = Cell("y")
    #expect(grid[5, 5] == .blank)
    #expect(grid.text == "\n y")
  }

  @Test func fillIsClipped() {
    var grid = Grid(width: 4, height: 3)
    grid.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: Cell("#"))
    #expect(grid.lines() == ["", "  ##", "  ##"])
  }

  @Test func ansiEmitsCodesOnlyWhereTheStyleChanges() {
    var grid = Grid(width: 6, height: 2)
    let red = Style(fg: .red)
    grid.put("ab", x: 0, y: 0, style: red)
    grid.put("c", x: 2, y: 0, style: red)
    grid.put("d", x: 3, y: 0)
    grid.put("e", x: 0, y: 1, style: Style(fg: .brightBlue, bold: true))
    #expect(grid.ansiLines() == [
      "\u{1B}[0;31mabc\u{1B}[0md",
      "\u{1B}[0;1;94me\u{1B}[0m",
    ])
  }

  @Test func rectSplitsTile() {
    let rect = Rect(x: 2, y: 3, width: 10, height: 7)
    let parts = rect.rows(weights: [2, 1])
    #expect(parts == [Rect(x: 2, y: 3, width: 10, height: 4), Rect(x: 2, y: 7, width: 10, height: 3)])
    #expect(rect.inset(by: 6).isEmpty)
    #expect(rect.splitLeft(3).rest == Rect(x: 5, y: 3, width: 7, height: 7))
  }
}
