// Canvas: literal rows for each marker, line breaks at NaN, clipping at the edges.

import Plot
import Testing

@Suite struct CanvasTests {
  func draw(_ canvas: Canvas) -> [String] {
    var grid = Grid(width: canvas.columns, height: canvas.rows)
    canvas.render(into: &grid, x: 0, y: 0)
    return grid.lines()
  }

  func unitCanvas(_ marker: Marker, columns: Int = 10, rows: Int = 4) -> Canvas {
    Canvas(columns: columns, rows: rows, marker: marker, x: Interval(0, 1), y: Interval(0, 1))
  }

  @Test func brailleDiagonal() {
    var canvas = unitCanvas(.braille)
    canvas.plot(xs: [0, 1], ys: [0, 1])
    #expect(draw(canvas) == [
      "       ⢀⠤⠊",
      "     ⡠⠔⠁",
      "  ⢀⠔⠊",
      "⡠⠒⠁",
    ])
  }

  @Test func halfBlockDiagonal() {
    var canvas = unitCanvas(.halfBlock)
    canvas.plot(xs: [0, 1], ys: [0, 1])
    #expect(draw(canvas) == [
      "        ▄▀",
      "     ▄▀▀",
      "  ▄▄▀",
      "▄▀",
    ])
  }

  @Test func asciiSeriesKeepTheirGlyphsAndLaterWins() {
    var canvas = unitCanvas(.ascii, columns: 5, rows: 3)
    canvas.plot(xs: [0, 1], ys: [0, 0], glyph: "*")
    canvas.plot(xs: [0.5, 0.5], ys: [0, 1], glyph: "+")
    #expect(draw(canvas) == [
      "  +",
      "  +",
      "**+**",
    ])
  }

  @Test func nanBreaksTheLine() {
    var canvas = unitCanvas(.block, columns: 5, rows: 1)
    canvas.plot(xs: [0, 0.25, 0.5, 0.75, 1], ys: [0.5, 0.5, .nan, 0.5, 0.5])
    #expect(draw(canvas) == ["██ ██"])
    canvas = unitCanvas(.block, columns: 5, rows: 1)
    canvas.plot(xs: [0, 0.5, 1], ys: [0.5, .infinity, 0.5])
    #expect(draw(canvas) == ["█   █"])
  }

  @Test func segmentsLeavingTheCanvasAreDrawnToTheEdge() {
    var canvas = unitCanvas(.block, columns: 5, rows: 5)
    canvas.plot(xs: [0, 1], ys: [0, 1e9])
    #expect(draw(canvas) == ["█", "█", "█", "█", "█"])
    canvas = unitCanvas(.block, columns: 5, rows: 5)
    canvas.plot(xs: [-1, 2], ys: [0.5, 0.5])
    #expect(draw(canvas) == ["", "", "█████", "", ""])
  }

  @Test func pointsOutsideAreDropped() {
    var canvas = unitCanvas(.braille, columns: 2, rows: 1)
    canvas.plot(xs: [-0.5, 1.5, 0.5], ys: [0.5, 0.5, 2], connected: false)
    #expect(draw(canvas) == [""])
    canvas.point(x: 0, y: 1)
    #expect(canvas.cell(column: 0, row: 0)?.glyph == "⠁")
  }

  @Test func logScaleDropsNonPositiveValues() {
    var canvas = Canvas(columns: 4, rows: 1, marker: .block, x: Interval(1, 1000), y: Interval(0, 1),
                        xScale: .log10)
    canvas.plot(xs: [-1, 0, 1, 10, 100, 1000], ys: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], connected: false)
    #expect(draw(canvas) == ["████"])
  }

  @Test func sharedBrailleCellsMergeDotsAndTakeTheLaterColour() {
    var canvas = unitCanvas(.braille, columns: 1, rows: 1)
    canvas.point(x: 0, y: 1, style: Style(fg: .red))
    canvas.point(x: 1, y: 0, style: Style(fg: .blue))
    #expect(canvas.cell(column: 0, row: 0) == Cell("⢁", style: Style(fg: .blue)))
  }
}
