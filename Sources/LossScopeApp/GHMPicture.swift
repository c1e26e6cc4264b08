// The GHM paper's Fig. 1 as text: histogram of g (log counts), weights, reweighted norms, totals per bin.

import Losses
import Plot

enum GHMPicture {
  static func render(_ rows: [GHMBinRow], into grid: inout Grid, in rect: Rect) {
    guard !rows.isEmpty else { return }
    let halves = rect.rows(weights: [1, 1])
    let top = halves[0].columns(weights: [1, 1]), bottom = halves[1].columns(weights: [1, 1])

    var histogram = Histogram(counts: rows.map(\.count), lo: 0, hi: 1, logCounts: true)
    histogram.title = "count of g per bin (log)"
    histogram.render(into: &grid, in: top[0])
    let centres = rows.map(\.ceNorm)
    let weights = Chart([Series("weight", xs: centres, ys: rows.map(\.weight))], title: "weight beta per bin",
                        xAxis: Axis("g"), yAxis: Axis("", range: .auto), legend: .hidden)
    weights.render(into: &grid, in: top[1])
    let norms = Chart([Series("CE", xs: centres, ys: rows.map(\.ceNorm)), Series("focal", xs: centres, ys: rows.map(\.focalNorm)),
                       Series("GHM-C", xs: centres, ys: rows.map(\.ghmNorm))],
                      title: "reweighted gradient norm", xAxis: Axis("original g"), yAxis: Axis("", range: .auto), legend: .topLeft)
    norms.render(into: &grid, in: bottom[0])
    let filled = rows.indices.filter { rows[$0].count > 0 }
    let totals = Chart([Series("CE", xs: filled.map { centres[$0] }, ys: filled.map { rows[$0].ceTotal }),
                        Series("focal", xs: filled.map { centres[$0] }, ys: filled.map { rows[$0].focalTotal }),
                        Series("GHM-C", xs: filled.map { centres[$0] }, ys: filled.map { rows[$0].ghmTotal })],
                       title: "total contribution per bin (log)", xAxis: Axis("g"), yAxis: Axis("", scale: .log10), legend: .topLeft)
    totals.render(into: &grid, in: bottom[1])

  }

  static func print(_ rows: [GHMBinRow], width: Int, height: Int) throws(CLIError) {
    var grid = Grid(width: max(40, width), height: max(20, height))
    render(rows, into: &grid, in: grid.bounds)
    try emit(grid.lines().joined(separator: "\n") + "\n")
  }
}
