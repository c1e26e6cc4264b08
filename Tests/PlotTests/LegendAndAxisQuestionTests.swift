// Questions about legends, clipped curves, log ticks and stacked panels, asked of rendered grids.

import Plot
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct LegendAndAxisQuestionTests {
  /// Five focal-like curves as `plot focal gamma=0,0.5,1,2,5` draws them.
  func sweep(marker: Marker = .ascii) -> Chart {
    let pts = (1...400).map { Double($0) / 400 }
    let gammas = [0, 0.5, 1, 2, 5]
    let series = gammas.map { g in
      Series("focal gamma=\(NumberFormatCheck.text(g))", xs: pts, ys: pts.map { -pow(1 - $0, g) * log($0) })
    }
    return Chart(series, title: "focal", xAxis: Axis("pt"), yAxis: Axis("loss", range: .clipped), marker: marker,
                 legend: .below)
  }

  /// Every legend entry's text appears whole, on one row, at its place in the grid.
  func expectWholeLegend(_ chart: Chart, _ rect: Rect, sourceLocation: SourceLocation = #_sourceLocation) {
    var grid = Grid(width: rect.maxX, height: rect.maxY)
    chart.render(into: &grid, in: rect)
    let layout = chart.layout(in: rect)
    let named = chart.series.filter { !$0.name.isEmpty }.count
    #expect(layout.legendEntries.filter { $0.series != nil }.count == named, sourceLocation: sourceLocation)
    let lines = grid.lines()
    for entry in layout.legendEntries {
      let start = entry.x + (entry.series == nil ? 0 : 2)
      let row = Array(lines[entry.y].unicodeScalars)
      let shown = String(String.UnicodeScalarView(row.dropFirst(start).prefix(entry.text.unicodeScalars.count)))
      #expect(shown == entry.text, "row \(entry.y): \(lines[entry.y])", sourceLocation: sourceLocation)
      #expect(start + entry.text.unicodeScalars.count <= rect.maxX, sourceLocation: sourceLocation)
    }
  }

  @Test func sweepLegendSaysTheSharedPartOnceAndKeepsEveryEntryWhole() {
    let chart = sweep()
    let layout = chart.layout(in: Rect(width: 72, height: 20))
    #expect(layout.legendEntries.first?.text == "focal, gamma =")
    #expect(layout.legendEntries.compactMap { $0.series == nil ? nil : $0.text.split(separator: " ").first }
      == ["0", "0.5", "1", "2", "5"])
    for (w, h) in [(72, 20), (40, 16), (100, 30), (30, 24)] { expectWholeLegend(chart, Rect(width: w, height: h)) }
    var braille = sweep(marker: .braille)
    braille.legend = .topRight
    for (w, h) in [(72, 20), (120, 40)] { expectWholeLegend(braille, Rect(width: w, height: h)) }
  }

  @Test func anEntryWiderThanTheChartEndsInAnEllipsis() {
    let xs = [0.0, 1.0]
    let chart = Chart([Series(String(repeating: "n", count: 50), xs: xs, ys: xs), Series("b", xs: xs, ys: xs)],
                      legend: .below)
    var grid = Grid(width: 30, height: 12)
    chart.render(into: &grid, in: grid.bounds)
    let lines = grid.lines()
    #expect(lines.contains { $0.hasSuffix(String(repeating: "n", count: 26) + "…") }, "\(lines)")
    #expect(lines.contains { $0.contains("⣿ b") })
  }

  @Test func aLegendInsideThePlotNeverCoversACurve() {
    // A rising line fills the top-right corner, a falling one the top-left: the legend goes below.
    let xs = (0...100).map { Double($0) / 100 }
    var chart = Chart([Series("up", xs: xs, ys: xs), Series("down", xs: xs, ys: xs.map { 1 - $0 })],
                      xAxis: Axis(range: .explicit(0, 1)), yAxis: Axis(range: .explicit(0, 1)), marker: .ascii)
    var layout = chart.layout(in: Rect(width: 60, height: 20))
    #expect(layout.legend.map { $0.y >= layout.plot.maxY } == true)
    chart.series.removeLast()
    layout = chart.layout(in: Rect(width: 60, height: 20))
    #expect(layout.legend?.x == layout.plot.x)
    // And what is drawn there is the legend, not a curve's glyph under it.
    var grid = Grid(width: 60, height: 20)
    chart.render(into: &grid, in: grid.bounds)
    let row = String(grid.lines()[layout.plot.y].unicodeScalars.dropFirst(layout.plot.x).prefix(4))
    #expect(row == "* up")
  }

  @Test func aClippedSeriesHasItsMarkAndItsNote() {
    let xs = (1...400).map { Double($0) / 400 }
    let chart = Chart([Series("ce", xs: xs, ys: xs.map { -log($0) }), Series("half", xs: xs, ys: xs.map { -0.5 * log($0) })],
                      xAxis: Axis("pt"), yAxis: Axis("loss", range: .bounded(lo: nil, hi: 2)), marker: .ascii)
    var grid = Grid(width: 70, height: 20)
    chart.render(into: &grid, in: grid.bounds)
    let layout = chart.layout(in: grid.bounds)
    #expect(layout.yInterval.hi == 2)
    // ce passes 2 for pt < e^-2 = 0.135, half for pt < e^-4 = 0.018: a mark in each such column.
    let top = Array(grid.lines()[layout.plot.y].unicodeScalars)
    for x in [0.01, 0.1] {
      let col = try! #require(layout.column(forX: x))
      #expect(top[col] == "^", "column \(col) for pt \(x)")
    }
    let right = try! #require(layout.column(forX: 0.5))
    #expect(top[right] != "^")
    let texts = layout.legendEntries.map(\.text)
    #expect(texts.contains("ce (^ to 6.0)") || texts.contains("ce (^ to 5.99)"), "\(texts)")
    #expect(texts.contains { $0.hasPrefix("half (^ to ") })
    // Nothing clipped, nothing marked.
    let free = Chart(chart.series, yAxis: Axis(range: .auto), marker: .ascii)
    #expect(free.layout(in: grid.bounds).legendEntries.allSatisfy { !$0.text.contains("^") })
  }

  @Test func aGivenEndIsKeptExactlyAndTheOtherComesFromTheData() {
    let xs = (0...10).map { Double($0) / 10 }
    let chart = Chart([Series("", xs: xs, ys: xs.map { 3 * $0 + 0.3 })], yAxis: Axis(range: .bounded(lo: 0.25, hi: nil)))
    let layout = chart.layout(in: Rect(width: 60, height: 20))
    #expect(layout.yInterval.lo == 0.25 && layout.yInterval.hi >= 3.3)
    // A given top below all the data still leaves a drawable range under it.
    let under = Chart(chart.series, yAxis: Axis(range: .bounded(lo: nil, hi: 0.1))).layout(in: Rect(width: 60, height: 20))
    #expect(under.yInterval.hi == 0.1 && under.yInterval.lo < 0.1)
  }

  /// The y labels drawn in the gutter, as numbers.
  func drawnYLabels(_ chart: Chart, _ rect: Rect) -> [Double] {
    var grid = Grid(width: rect.width, height: rect.height)
    chart.render(into: &grid, in: rect)
    let layout = chart.layout(in: rect)
    let lines = grid.lines()
    return (layout.plot.y..<layout.plot.maxY).compactMap { row in
      Double(String(lines[row].unicodeScalars.prefix(layout.gutterWidth - 1)).filter { $0 != " " })
    }
  }

  @Test(arguments: [(0.002, 0.5), (0.01, 5), (1e-3, 1), (0.03, 40), (1e-6, 10), (2e-4, 0.09)])
  func aLogAxisOverKDecadesHasAtLeastThreeLabels(lo: Double, hi: Double) {
    let xs = (0...200).map { Double($0) / 200 }
    let ys = xs.map { lo * pow(hi / lo, $0) }
    for height in [8, 12, 20, 40] {
      let chart = Chart([Series("", xs: xs, ys: ys)], yAxis: Axis(scale: .log10))
      let rect = Rect(width: 60, height: height)
      let layout = chart.layout(in: rect)
      let k = Int((log10(layout.yInterval.hi / layout.yInterval.lo) + 1e-9).rounded(.down))
      let labels = drawnYLabels(chart, rect)
      #expect(labels.count >= min(k + 1, 3), "\(lo)...\(hi) at height \(height): \(labels)")
    }
  }

  @Test func withRoomTheLogAxisLabelsTwosAndFives() {
    let ticks = NiceTicks.logarithmic(0.01, 1, count: 8)
    #expect(ticks.values == [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1])
    let between = NiceTicks.logarithmic(0.002, 0.5, count: 3)
    #expect(between.values.count >= 3)
  }

  @Test func stackedPanelsShareThePlotRowsAndSayWhenOneHasNoRoom() {
    let xs = (0...100).map { Double($0) / 100 }
    let top = Chart([Series("a", xs: xs, ys: xs)], title: "t", yAxis: Axis("loss"))
    let bottom = Chart([Series("", xs: xs, ys: xs)], xAxis: Axis("pt"), yAxis: Axis("grad"))
    let stack = ChartStack([top, bottom], weights: [2, 1])
    let at16 = stack.layouts(in: Rect(width: 70, height: 16))
    #expect(at16.count == 2 && at16[1].plot.height >= 4 && at16[0].plot.height > at16[1].plot.height)
    let small = Rect(width: 70, height: 12)
    #expect(stack.layouts(in: small).count == 1)
    #expect(stack.omitted(in: small).count == 1)
    var grid = Grid(width: 70, height: 12)
    stack.render(into: &grid, in: small)
    #expect(grid.lines()[11].contains("no room for the grad panel"))
    // The panel left alone keeps its x labels.
    #expect(stack.layouts(in: small)[0].xLabelRow != nil)
  }
}

/// Plain number text for series names, as the app writes them.
enum NumberFormatCheck {
  static func text(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
