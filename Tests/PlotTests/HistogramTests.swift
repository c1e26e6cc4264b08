// Histogram: binning counts, bar heights in eighths, log counts and axes.

import Plot
import Testing

@Suite struct HistogramTests {
  @Test func binsCountHalfOpenIntervals() {
    let counts = Histogram.bin([0, 0.1, 0.25, 0.5, 0.74, 0.75, 0.99, 1, -0.1], bins: 4, lo: 0, hi: 1)
    #expect(counts == [2, 1, 2, 2])
  }

  @Test func binsMatchANaiveCountOnManyValues() {
    let values = Fixtures.normals(10_001)
    let counts = Histogram.bin(values, bins: 7, lo: -2, hi: 2)
    var naive = [Int](repeating: 0, count: 7)
    for v in values where v >= -2 && v < 2 { naive[min(6, Int((v + 2) / 4 * 7))] += 1 }
    #expect(counts == naive)
  }

  @Test func barsUseEighthBlocksAndTheTallestReachesTheTop() {
    // Counts 20, 10, 1 on a 0..20 axis over 8 rows (64 eighths): a full bar, a bar of
    // exactly 4 rows, and 1/20 of 64 = 3 eighths ('▃').
    let histogram = Histogram(counts: [20, 10, 1], lo: 0, hi: 3, yTitle: "")
    let rect = Rect(width: 10, height: 10)
    let layout = histogram.layout(in: rect)
    #expect(layout.plot.height == 8)
    #expect(layout.yInterval == Interval(0, 20))
    var grid = Grid(width: 10, height: 10)
    histogram.render(into: &grid, in: rect)
    #expect(grid.lines() == [
      "20 ┤██",
      "   │██",
      "15 ┤██",
      "   │██",
      "10 ┤████",
      " 5 ┤████",
      "   │████",
      " 0 ┤████▃▃",
      "   └┬──┬──",
      "    0  2",
    ])
  }

  @Test func logCountsTickAtDecades() {
    let histogram = Histogram(counts: [0, 9, 99, 999, 9999], lo: 0, hi: 5, logCounts: true)
    let layout = histogram.layout(in: Rect(width: 40, height: 20))
    #expect(layout.yTicks.values == [1, 10, 100, 1000, 10000])
    #expect(layout.yTicks.labels == ["0", "10", "100", "1000", "10000"])
  }
}
