// The GHM paper's Fig. 1 as text: histogram of g (log counts), weights, reweighted norms, total weight per bin.

import Losses
import Plot
import LossText
import LossData
import LossLogs

enum GHMPicture {
  /// Four panels in `rect`. `momentum` and `batches` (how many batches the rows come after) let
  /// the weights panel say how much momentum's un-debiased running mean inflates the weights.
  static func render(_ rows: [GHMBinRow], into grid: inout Grid, in rect: Rect, momentum: Double = 0, batches: Int = 1) {
    guard !rows.isEmpty else { return }
    let rects = layout(rect)
    let (histogram, charts) = panels(rows, momentum: momentum, batches: batches)
    histogram.render(into: &grid, in: rects[0])
    for (chart, area) in zip(charts, rects.dropFirst()) { chart.render(into: &grid, in: area) }
  }

  /// The four panels' rects, reading order. Two blank columns separate the left and right
  /// panels: the left one's bars and curves end before the right one's tick labels begin.
  static func layout(_ rect: Rect) -> [Rect] {
    rect.rows(weights: [1, 1]).flatMap { half in
      let sides = half.columns(weights: [1, 1])
      return [sides[0].inset(right: 2), sides[1]]
    }
  }

  /// The histogram of g, then the weights, the reweighted norms and the total weight per bin.
  static func panels(_ rows: [GHMBinRow], momentum: Double = 0, batches: Int = 1) -> (Histogram, [Chart]) {
    var histogram = Histogram(counts: rows.map(\.count), lo: 0, hi: 1, logCounts: true)
    histogram.title = "count of g per bin (log)"
    let centres = rows.map(\.ceNorm)
    let factor = GHMSpread.momentumFactor(momentum: momentum, batches: batches)
    let weightTitle = "weight beta per bin" + (factor > 1.0005 ? " (x\(NumberText.significant(factor)) momentum)" : "")
    let weights = Chart([Series("weight", xs: centres, ys: rows.map(\.weight))], title: weightTitle,
                        xAxis: Axis("g"), yAxis: Axis("", range: .auto), legend: .hidden)
    let norms = Chart([Series("CE", xs: centres, ys: rows.map(\.ceNorm)), Series("focal", xs: centres, ys: rows.map(\.focalNorm)),
                       Series("GHM-C", xs: centres, ys: rows.map(\.ghmNorm))],
                      title: "reweighted gradient norm", xAxis: Axis("original g"), yAxis: Axis("", range: .auto), legend: .topLeft)
    let mass = GHMSpread.weightPerBin(rows)
    let totals = Chart([Series("CE", xs: mass.g, ys: mass.ce), Series("focal", xs: mass.g, ys: mass.focal),
                        Series("GHM-C", xs: mass.g, ys: mass.ghm)],
                       title: "total weight per bin (log)", xAxis: Axis("g"), yAxis: Axis("", scale: .log10), legend: .topRight)
    return (histogram, [weights, norms, totals])
  }

  /// GHM's point as one line for a status bar: how evenly each loss spreads its total weight
  /// (count x per-sample weight) over the non-empty bins; GHM-C's is flat (CV 0) without momentum.
  static func spreadText(_ rows: [GHMBinRow]) -> String {
    let s = GHMSpread(rows)
    guard s.bins > 0 else { return "no samples" }
    // Round-off leaves GHM-C's flat case at 1e-16, which would read as a measurement.
    func cv(_ m: GHMSpread.Measure) -> String { m.cv < 1e-9 ? "0" : NumberText.significant(m.cv) }
    return "spread of the weight per bin (\(s.bins) bins), CV: CE \(cv(s.ce)), focal \(cv(s.focal)), GHM-C \(cv(s.ghm)) (0 = flat)"
  }

  /// Where weights are shown with momentum: how much larger they are than without it, and why.
  static func momentumNote(momentum: Double, batches: Int) -> String {
    let factor = GHMSpread.momentumFactor(momentum: momentum, batches: batches)
    guard factor > 1.0005 else { return "" }
    return "momentum \(NumberText.shortest(momentum)), \(batches) batch\(batches == 1 ? "" : "es"): weights x\(NumberText.significant(factor)) = 1/(1 - mu^k), "
      + "the running mean is not debiased"
  }

  /// The panels, then a line with the spread of the weight per bin and, with momentum, one on its effect.
  static func print(_ rows: [GHMBinRow], width: Int, height: Int, momentum: Double = 0, batches: Int = 1) throws(CLIError) {
    var grid = Grid(width: max(40, width), height: max(20, height))
    let lines = [spreadText(rows), momentumNote(momentum: momentum, batches: batches)].filter { !$0.isEmpty }
    let (panels, notes) = grid.bounds.splitBottom(lines.count)
    render(rows, into: &grid, in: panels, momentum: momentum, batches: batches)
    for (i, line) in lines.enumerated() { grid.put(line, x: 0, y: notes.y + i) }
    try emit(grid.lines().joined(separator: "\n") + "\n")
  }
}
