// Whole-picture snapshots of charts, a stack, a histogram and region plots as text.

import Plot
import SnapshotTesting
import Testing

@Suite struct SnapshotTests {
  @Test func lossChartBraille() {
    let grid = Fixtures.grid(80, 24) { Fixtures.lossChart().render(into: &$0, in: $0.bounds) }
    assertSnapshot(of: grid.text, as: .lines)
  }

  @Test func lossChartAscii() {
    var chart = Fixtures.lossChart(marker: .ascii)
    chart.annotations = [Annotation(x: 0.5, y: 0.6931, "CE(0.5)")]
    let grid = Fixtures.grid(80, 24) { chart.render(into: &$0, in: $0.bounds) }
    assertSnapshot(of: grid.text, as: .lines)
  }

  @Test func parabolaHalfBlockWithLegendBelow() {
    let xs = (0...100).map { Double($0) / 50 - 1 }
    var chart = Chart(
      [Series("x^2", xs: xs, ys: xs.map { $0 * $0 }),
       Series("ghost", xs: xs, ys: xs.map { 0.5 * $0 * $0 }, dimmed: true)],
      xAxis: Axis("x"), yAxis: Axis("y"), marker: .halfBlock, legend: .below)
    chart.horizontalLines = [ReferenceLine(0.25, label: "y=0.25")]
    let grid = Fixtures.grid(60, 16) { chart.render(into: &$0, in: $0.bounds) }
    assertSnapshot(of: grid.text, as: .lines)
  }

  @Test func logAxisChart() {
    let pts = (1...200).map { Double($0) / 200 }
    let chart = Chart(
      [Series("CE", xs: pts, ys: Fixtures.crossEntropy(pts)), Series("focal", xs: pts, ys: Fixtures.focal(pts))],
      xAxis: Axis("pt"), yAxis: Axis("loss", scale: .log10))
    let grid = Fixtures.grid(70, 20) { chart.render(into: &$0, in: $0.bounds) }
    assertSnapshot(of: grid.text, as: .lines)
  }

  @Test func stackedLossAndGradient() {
    let pts = Fixtures.pts()
    let loss = Fixtures.lossChart()
    let gradient = Chart(
      [Series("dCE", xs: pts, ys: pts.map { -1 / $0 }), Series("dfocal", xs: pts, ys: pts.map { p in
        2 * (1 - p) * _log(p) - (1 - p) * (1 - p) / p })],
      xAxis: Axis("pt"), yAxis: Axis("grad", range: .clipped))
    var stack = ChartStack([loss, gradient], weights: [3, 2])
    stack.charts[1].verticalLines = [ReferenceLine(0.9)]
    let grid = Fixtures.grid(80, 32) { stack.render(into: &$0, in: $0.bounds) }
    assertSnapshot(of: grid.text, as: .lines)
  }

  @Test func histogram() {
    let histogram = Histogram(values: Fixtures.normals(5000), bins: 30, lo: -3, hi: 3,
                              title: "5000 normal draws", xTitle: "value")
    let grid = Fixtures.grid(80, 20) { histogram.render(into: &$0, in: $0.bounds) }
    assertSnapshot(of: grid.text, as: .lines)
  }

  @Test func histogramLogCounts() {
    let histogram = Histogram(values: Fixtures.normals(5000), bins: 30, lo: -4, hi: 4,
                              title: "log counts", xTitle: "value", logCounts: true)
    let grid = Fixtures.grid(70, 16) { histogram.render(into: &$0, in: $0.bounds) }
    assertSnapshot(of: grid.text, as: .lines)
  }

  @Test func regionPlotCircle() {
    let region = RegionPlot(x: Interval(-1, 1), y: Interval(-1, 1), title: "f = x^2 + y^2 - 0.5",
                            xTitle: "x", yTitle: "y") { x, y in x * x + y * y - 0.5 }
    let grid = Fixtures.grid(60, 24) { region.render(into: &$0, in: $0.bounds) }
    assertSnapshot(of: grid.text, as: .lines)
  }

  @Test func regionPlotAsciiWithOverlay() {
    var region = RegionPlot(x: Interval(-1, 1), y: Interval(-1, 1), title: "x - y") { x, y in x - y }
    region.shading = .ascii
    region.overlays = [Series("", xs: [-1, 1], ys: [0.5, 0.5])]
    let grid = Fixtures.grid(50, 20) { region.render(into: &$0, in: $0.bounds) }
    assertSnapshot(of: grid.text, as: .lines)
  }
}
