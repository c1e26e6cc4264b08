// ChartLayout on its own: rows, gutter, legend, alignment of stacked charts, cursor mapping.

import Plot
import Testing

@Suite struct LayoutTests {
  let unit = Axis(range: .explicit(0, 1))

  @Test func partsOfASmallChart() {
    let chart = Chart(
      [Series("CE", xs: [0, 1], ys: [0, 1])],
      xAxis: Axis("pt", range: .explicit(0, 1)), yAxis: Axis("loss", range: .explicit(0, 1)))
    let layout = chart.layout(in: Rect(x: 0, y: 0, width: 40, height: 12))
    #expect(layout.headerRow == 0)
    #expect(layout.yTicks.labels == ["0", "0.5", "1"])
    #expect(layout.gutterWidth == 5)
    #expect(layout.plot == Rect(x: 5, y: 1, width: 35, height: 8))
    #expect(layout.xAxisRow == 9)
    #expect(layout.xLabelRow == 10)
    #expect(layout.xTitleRow == 11)
    // The line from (0, 0) to (1, 1) passes through the top-right corner: the legend goes top-left.
    #expect(layout.legend == Rect(x: 5, y: 1, width: 4, height: 1))
  }

  @Test func partsAreDroppedWhenRowsRunOut() {
    let chart = Chart([], title: "t", xAxis: Axis("x"), yAxis: Axis("y"), legend: .below)
    let layout = chart.layout(in: Rect(x: 0, y: 0, width: 20, height: 3))
    #expect(layout.plot.height == 1)
    #expect(layout.headerRow == nil && layout.xTitleRow == nil)
    #expect(layout.xAxisRow == 1 && layout.xLabelRow == 2)
  }

  @Test func legendBelowGetsItsOwnRow() {
    let chart = Chart([Series("a", xs: [0, 1], ys: [0, 1])], xAxis: unit, yAxis: unit, legend: .below)
    let layout = chart.layout(in: Rect(x: 0, y: 0, width: 30, height: 10))
    #expect(layout.legend == Rect(x: 0, y: 9, width: 30, height: 1))
    #expect(layout.legendEntries == [LegendEntry(series: 0, text: "a", x: 1, y: 9)])
  }

  @Test func alignedLayoutsShareTheGutter() {
    let loss = Chart([Series("", xs: [0, 1], ys: [0, 1])], xAxis: unit, yAxis: unit)
    let grad = Chart([Series("", xs: [0, 1], ys: [-1000, 1000])], xAxis: unit)
    #expect(loss.layout(in: Rect(width: 60, height: 10)).gutterWidth == 5)
    let rects = Rect(width: 60, height: 20).rows(weights: [1, 1])
    let layouts = Chart.alignedLayouts([loss, grad], in: rects)
    #expect(layouts[0].gutterWidth == layouts[1].gutterWidth)
    #expect(layouts[0].plot.x == layouts[1].plot.x)
    #expect(layouts[0].plot.width == layouts[1].plot.width)
  }

  @Test func stackSharesTheXAxis() {
    let top = Chart([Series("", xs: [0, 0.5], ys: [0, 1])], xAxis: Axis("pt"))
    let bottom = Chart([Series("", xs: [0.2, 1], ys: [-300, 300])], xAxis: Axis("pt"))
    let stack = ChartStack([top, bottom], weights: [2, 1])
    let layouts = stack.layouts(in: Rect(width: 70, height: 30))
    #expect(layouts[0].xLabelRow == nil && layouts[0].xTitleRow == nil)
    #expect(layouts[1].xLabelRow != nil && layouts[1].xTitleRow != nil)
    #expect(layouts[0].xInterval == Interval(0, 1))
    #expect(layouts[0].xInterval == layouts[1].xInterval)
    #expect(layouts[0].plot.x == layouts[1].plot.x && layouts[0].plot.width == layouts[1].plot.width)
    #expect(layouts[0].column(forX: 0.9) == layouts[1].column(forX: 0.9))
    // The weights share the plot rows (30 less 1 axis row above, 3 axis and title rows below).
    #expect(layouts[0].plot.height == 17 && layouts[1].plot.height == 9)
  }

  @Test func cursorColumnRoundTripsAndMatchesTheCanvas() {
    var chart = Chart([Series("", xs: [0.9, 0.9], ys: [0, 1])], xAxis: unit, yAxis: unit, legend: .hidden)
    let rect = Rect(width: 50, height: 15)
    let layout = chart.layout(in: rect)
    let col = try! #require(layout.column(forX: 0.9))
    for c in layout.plot.x..<layout.plot.maxX { #expect(layout.column(forX: layout.x(atColumn: c)) == c) }
    for r in layout.plot.y..<layout.plot.maxY { #expect(layout.row(forY: layout.y(atRow: r)) == r) }
    #expect(layout.column(forX: 1.5) == nil && layout.column(forX: .nan) == nil)
    // The vertical series at x = 0.9 is drawn in exactly the cursor's column.
    var grid = Grid(width: 50, height: 15)
    chart.render(into: &grid, in: rect)
    let middle = layout.plot.y + layout.plot.height / 2
    #expect(grid[col, middle].glyph != " ")
    #expect(grid[col - 1, middle].glyph == " " && grid[col + 1, middle].glyph == " ")
    chart.series = []
    chart.verticalLines = [ReferenceLine(0.9)]
    grid.clear()
    chart.render(into: &grid, in: rect)
    #expect(grid[col, middle].glyph == "┊")
  }

  @Test func fixedGutterOverrides() {
    var chart = Chart([Series("", xs: [0, 1], ys: [0, 1])])
    chart.gutterWidth = 9
    #expect(chart.layout(in: Rect(width: 40, height: 10)).plot.x == 9)
  }
}
