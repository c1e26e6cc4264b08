// Every widget at degenerate sizes and with degenerate data: no trap, nothing outside.

import Plot
import Testing

@Suite struct RobustnessTests {
  static let sizes: [(Int, Int)] = [(0, 0), (1, 1), (1, 100), (100, 1), (3, 3), (7, 5), (2, 40)]

  static let dataSets: [(String, [Double], [Double])] = [
    ("empty", [], []),
    ("single", [0.5], [2]),
    ("nan", [0, 1, 2], [.nan, .nan, .nan]),
    ("inf", [0, 1, 2], [.infinity, -.infinity, .infinity]),
    ("mixed", [.nan, 1, .infinity, 3], [1, .nan, 2, -.infinity]),
    ("constant", [0, 1, 2, 3], [5, 5, 5, 5]),
    ("zeros", [0, 0, 0], [0, 0, 0]),
    ("mismatched", [0, 1, 2, 3, 4], [1, 2]),
    ("huge", [-1e308, 1e308], [1e308, -1e308]),
    ("tiny", [0, 1e-300], [1e-300, 2e-300]),
  ]

  static let ranges: [AxisRange] = [.auto, .clipped, .explicit(1, 1), .explicit(0, 0), .explicit(.nan, 1),
                                    .explicit(3, -3), .explicit(-1, 0)]

  /// Draws into the middle of a larger grid and checks nothing leaked out.
  func check(_ width: Int, _ height: Int, _ draw: (inout Grid, Rect) -> Void) {
    let sentinel = Cell("~")
    var grid = Grid(width: width + 4, height: height + 4, fill: sentinel)
    let rect = Rect(x: 2, y: 2, width: width, height: height)
    draw(&grid, rect)
    for y in 0..<grid.height {
      for x in 0..<grid.width where !rect.contains(x: x, y: y) {
        #expect(grid[x, y] == sentinel)
      }
    }
    // A rect hanging off the grid must be clipped, not trap.
    var small = Grid(width: width / 2, height: height / 2)
    draw(&small, Rect(x: -1, y: -1, width: width, height: height))
  }

  @Test(arguments: Marker.allCases)
  func chartsSurviveDegenerateInput(marker: Marker) {
    for (w, h) in Self.sizes {
      for (_, xs, ys) in Self.dataSets {
        for range in Self.ranges {
          for scale in [Scale.linear, .log10] {
            var chart = Chart(
              [Series("s", xs: xs, ys: ys), Series("", xs: ys, ys: xs, dimmed: true)],
              title: "T", xAxis: Axis("x", range: range, scale: scale),
              yAxis: Axis("y", range: range, scale: scale), marker: marker)
            chart.verticalLines = [ReferenceLine(0.5, label: "c"), ReferenceLine(.nan)]
            chart.horizontalLines = [ReferenceLine(1, label: "h")]
            chart.annotations = [Annotation(x: 0.5, y: 2, "p"), Annotation(x: .infinity, y: 0, "q")]
            check(w, h) { chart.render(into: &$0, in: $1) }
            chart.legend = .below
            check(w, h) { chart.render(into: &$0, in: $1) }
          }
        }
      }
    }
  }

  @Test func stacksSurviveDegenerateInput() {
    for (w, h) in Self.sizes {
      for (_, xs, ys) in Self.dataSets {
        let chart = Chart([Series("s", xs: xs, ys: ys)], xAxis: Axis("x"))
        check(w, h) { ChartStack([chart, chart, chart]).render(into: &$0, in: $1) }
        check(w, h) { ChartStack([]).render(into: &$0, in: $1) }
      }
    }
  }

  @Test func histogramsSurviveDegenerateInput() {
    let countSets: [[Int]] = [[], [0], [0, 0, 0], [5], [1, 1_000_000, 0, 3], [Int.max / 2, 1]]
    let edges: [(Double, Double)] = [(0, 1), (1, 1), (2, -2), (.nan, 1), (-.infinity, .infinity)]
    for (w, h) in Self.sizes {
      for counts in countSets {
        for (lo, hi) in edges {
          for log in [false, true] {
            for ascii in [false, true] {
              let histogram = Histogram(counts: counts, lo: lo, hi: hi, title: "t", xTitle: "x",
                                        logCounts: log, ascii: ascii)
              check(w, h) { histogram.render(into: &$0, in: $1) }
            }
          }
        }
      }
    }
  }

  @Test func binningHandlesDegenerateInput() {
    #expect(Histogram.bin([1, 2, 3], bins: 0, lo: 0, hi: 1) == [])
    #expect(Histogram.bin([1, 2, 3], bins: 2, lo: 1, hi: 1) == [0, 0])
    #expect(Histogram.bin([.nan, .infinity, -.infinity, 0.5], bins: 2, lo: 0, hi: 1) == [0, 1])
    #expect(Histogram.bin([0.5], bins: 2, lo: -.infinity, hi: 1) == [0, 0])
    #expect(Histogram.bin([], bins: 3, lo: 0, hi: 1) == [0, 0, 0])
  }

  @Test func regionPlotsSurviveDegenerateInput() {
    let fields: [RegionPlot.Field] = [
      .function { _, _ in .nan }, .function { _, _ in 3 }, .function { x, _ in x },
      .function { x, y in 1 / (x * y) },
      .samples([], columns: 0, rows: 0), .samples([1, 2], columns: 5, rows: 5),
      .samples([1, -1, -1, 1], columns: 2, rows: 2),
    ]
    let boxes: [(Interval, Interval)] = [
      (Interval(-1, 1), Interval(-1, 1)), (Interval(1, 1), Interval(0, 0)),
      (Interval(.nan, 1), Interval(2, -2)),
    ]
    for (w, h) in Self.sizes {
      for field in fields {
        for (x, y) in boxes {
          for shading in [RegionPlot.Shading.unicode, .ascii] {
            var region = RegionPlot(x: x, y: y, field: field, title: "t", xTitle: "x", yTitle: "y")
            region.shading = shading
            region.colors = RegionPlot.coolToWarm
            region.overlays = [Series("", xs: [-1, 1], ys: [-1, 1]), Series("", xs: [], ys: [])]
            check(w, h) { region.render(into: &$0, in: $1) }
          }
        }
      }
    }
  }

  @Test func canvasAndGridSurviveDegenerateSizes() {
    for (w, h) in Self.sizes + [(-3, -3)] {
      for marker in Marker.allCases {
        var canvas = Canvas(columns: w, rows: h, marker: marker, x: Interval(0, 0), y: Interval(1, -1))
        canvas.plot(xs: [0, 1, .nan, 2], ys: [0, 1, 2, .infinity])
        canvas.point(x: 0, y: 0)
        var grid = Grid(width: w, height: h)
        canvas.render(into: &grid, x: -1, y: -1)
        grid.put("text", x: -2, y: 0)
        grid.fill(Rect(x: -5, y: -5, width: 100, height: 100), with: Cell("x"))
        _ = grid.lines()
        _ = grid.ansiLines()
      }
    }
  }
}
