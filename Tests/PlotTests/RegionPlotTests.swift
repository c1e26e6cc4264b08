// RegionPlot: shading levels, contour thickness and sampled fields.

import Plot
import Testing

@Suite struct RegionPlotTests {
  @Test func shadesRiseWithTheFieldAndTheContourSitsAtZero() {
    // f = x on [-1, 1]: shading rises left to right, the contour is the middle column.
    let region = RegionPlot(x: Interval(-1, 1), y: Interval(0, 1)) { x, _ in x }
    let rect = Rect(width: 16, height: 4)
    var grid = Grid(width: 16, height: 4)
    region.render(into: &grid, in: rect)
    #expect(grid.lines() == [
      "  1 ┤   ░░•▒▒▓▓▓",
      "  0 ┤   ░░•▒▒▓▓▓",
      "    └┬────┬────┬",
      "    -1    0    1",
    ])
  }

  @Test func sampledFieldsUseTheNearestSample() {
    // 2 x 2 samples, row 0 at the bottom: negative on the left, positive on the right.
    var region = RegionPlot(x: Interval(0, 1), y: Interval(0, 1),
                            field: .samples([-1, 1, -1, 1], columns: 2, rows: 2))
    region.shading = .ascii
    region.showContour = false
    var grid = Grid(width: 12, height: 4)
    region.render(into: &grid, in: grid.bounds)
    #expect(grid.lines()[0] == "  1 |   ====")
    #expect(grid.lines()[1] == "  0 |   ====")
  }
}
