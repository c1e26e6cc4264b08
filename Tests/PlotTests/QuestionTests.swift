// Questions asked of rendered pictures: clipping, decades, outliers, contours, ASCII.

import Plot
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct QuestionTests {
  // MARK: - Nothing outside the rect

  func assertUntouchedOutside(_ rect: Rect, _ draw: (inout Grid) -> Void) {
    let sentinel = Cell("~")
    var grid = Grid(width: 100, height: 40, fill: sentinel)
    draw(&grid)
    for y in 0..<grid.height {
      for x in 0..<grid.width where !rect.contains(x: x, y: y) {
        #expect(grid[x, y] == sentinel, "cell (\(x), \(y)) outside \(rect) was drawn")
      }
    }
  }

  @Test func nothingIsDrawnOutsideTheChartRect() {
    let rect = Rect(x: 13, y: 7, width: 50, height: 18)
    for marker in Marker.allCases {
      var chart = Fixtures.lossChart(marker: marker)
      chart.annotations = [Annotation(x: 0.99, y: 0.01, "a long label near the edge"),
                           Annotation(x: 0.01, y: 3, "left")]
      chart.horizontalLines = [ReferenceLine(1, label: "one with a long label that overflows")]
      chart.verticalLines.append(ReferenceLine(0, label: "left edge label"))
      assertUntouchedOutside(rect) { chart.render(into: &$0, in: rect) }
      chart.legend = .below
      assertUntouchedOutside(rect) { chart.render(into: &$0, in: rect) }
    }
  }

  @Test func nothingIsDrawnOutsideOtherWidgets() {
    let rect = Rect(x: 30, y: 2, width: 41, height: 30)
    let histogram = Histogram(values: Fixtures.normals(500), bins: 20, lo: -3, hi: 3, title: "a very long title indeed")
    assertUntouchedOutside(rect) { histogram.render(into: &$0, in: rect) }
    var region = RegionPlot(x: Interval(-1, 1), y: Interval(-1, 1), title: "r") { x, y in x - y }
    region.overlays = [Series("", xs: [-5, 5], ys: [-5, 5])]
    assertUntouchedOutside(rect) { region.render(into: &$0, in: rect) }
    let stack = ChartStack([Fixtures.lossChart(), Fixtures.lossChart(marker: .ascii)])
    assertUntouchedOutside(rect) { stack.render(into: &$0, in: rect) }
  }

  // MARK: - Axes

  @Test func logTicksAreDecades() {
    let xs = (0...60).map { Double($0) / 10 - 3 }
    let ys = xs.map { pow(10, $0) }
    let chart = Chart([Series("", xs: xs, ys: ys)], yAxis: Axis(scale: .log10))
    let layout = chart.layout(in: Rect(width: 60, height: 30))
    #expect(layout.yTicks.values == [0.001, 0.01, 0.1, 1, 10, 100, 1000])
    #expect(layout.yTicks.labels == ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
  }

  @Test func clippingKeepsTheBulkOfASpikyCurveVisible() {
    let xs = (0..<1000).map { 1e-6 + Double($0) / 999 }
    let ys = xs.map { 1 / $0 }  // 1e6 at the left end, about 1..10 for most of the curve
    func rowsSpanned(_ range: AxisRange) -> (Int, Int) {
      let chart = Chart([Series("", xs: xs, ys: ys)], yAxis: Axis(range: range))
      let layout = chart.layout(in: Rect(width: 80, height: 24))
      let bulk = zip(xs, ys).filter { $0.0 >= 0.1 && $0.0 <= 0.9 }.compactMap { layout.row(forY: $0.1) }
      return (bulk.max()! - bulk.min()! + 1, layout.plot.height)
    }
    let (clipped, height) = rowsSpanned(.clipped)
    #expect(clipped > height / 2)
    let (flat, _) = rowsSpanned(.auto)
    #expect(flat <= 2)
    // The spike leaves through the top edge instead of vanishing.
    let chart = Chart([Series("", xs: xs, ys: ys)], yAxis: Axis(range: .clipped))
    let layout = chart.layout(in: Rect(width: 80, height: 24))
    var grid = Grid(width: 80, height: 24)
    chart.render(into: &grid, in: grid.bounds)
    let left = Rect(x: layout.plot.x, y: layout.plot.y, width: layout.plot.width / 5, height: 1)
    #expect((left.x..<left.maxX).contains { grid[$0, left.y].glyph != " " })
  }

  // MARK: - Region plots

  @Test func zeroContourOfXMinusYFollowsTheDiagonal() {
    let region = RegionPlot(x: Interval(-1, 1), y: Interval(-1, 1)) { x, y in x - y }
    let rect = Rect(width: 26, height: 22)
    let layout = region.layout(in: rect)
    try! #require(layout.plot.width == layout.plot.height)
    var grid = Grid(width: 26, height: 22)
    region.render(into: &grid, in: rect)
    for row in layout.plot.y..<layout.plot.maxY {
      let col = try! #require(layout.column(forX: layout.y(atRow: row)))
      #expect(grid[col, row].glyph == "•", "row \(row)")
      for c in layout.plot.x..<layout.plot.maxX where abs(c - col) > 1 {
        #expect(grid[c, row].glyph != "•")
      }
    }
  }

  // MARK: - ASCII

  @Test func twoAsciiSeriesShowBothGlyphs() {
    let chart = Fixtures.lossChart(marker: .ascii)
    var grid = Grid(width: 80, height: 24)
    chart.render(into: &grid, in: grid.bounds)
    let plot = chart.layout(in: grid.bounds).plot
    #expect(grid.contains("*", in: plot))
    #expect(grid.contains("+", in: plot))
  }

  @Test func asciiOutputIsPureAscii() {
    var chart = Fixtures.lossChart(marker: .ascii)
    chart.annotations = [Annotation(x: 0.5, y: 1, "mid")]
    chart.horizontalLines = [ReferenceLine(1)]
    var histogram = Histogram(values: Fixtures.normals(2000), bins: 25, lo: -3, hi: 3)
    histogram.ascii = true
    var region = RegionPlot(x: Interval(-1, 1), y: Interval(-1, 1)) { x, y in x * x + y * y - 0.5 }
    region.shading = .ascii
    region.overlays = [Series("", xs: [-1, 1], ys: [1, -1])]
    let draws: [(inout Grid) -> Void] = [
      { chart.render(into: &$0, in: $0.bounds) },
      { histogram.render(into: &$0, in: $0.bounds) },
      { region.render(into: &$0, in: $0.bounds) },
    ]
    for draw in draws {
      let grid = Fixtures.grid(80, 24, draw)
      #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII })
      #expect(grid.text.unicodeScalars.contains { $0 != " " && $0 != "\n" })
    }
  }
}
