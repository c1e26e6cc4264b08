// `embeddings --plot`: positive and negative similarity histograms, and the anchors' (sn_max, sp_min) density.

import Losses
import Plot
import LossText
import LossData
import LossLogs

enum EmbeddingsPicture {
  static func render(_ report: EmbeddingReport, parameters p: EmbeddingParameters, into grid: inout Grid, in rect: Rect,
                     marks: [Annotation] = []) {
    let (histograms, plane) = rect.splitLeft(max(1, rect.width / 2))
    let halves = histograms.rows(weights: [1, 1])
    let h = report.histogram
    var positive = Histogram(counts: h.positive, lo: -1, hi: 1, title: "positive pairs by s", xTitle: "s", color: .green)
    positive.render(into: &grid, in: halves[0])
    positive = Histogram(counts: h.negative, lo: -1, hi: 1, title: "negative pairs by s", xTitle: "s", color: .red)
    positive.render(into: &grid, in: halves[1])
    renderPlane(report, margin: p.circleMargin, into: &grid, in: plane, marks: marks)
  }

  /// The anchors' (sn_max, sp_min) points as counts per cell (shaded), with circle loss's
  /// boundary and the line sp - sn = m; each mark's text is drawn as a glyph at its point (the app's cursor).
  static func renderPlane(_ report: EmbeddingReport, margin: Double, into grid: inout Grid, in rect: Rect, marks: [Annotation] = []) {
    guard rect.height > 3 else { return }
    let (body, legendRow) = rect.splitBottom(1)
    let anchors = report.anchors
    // The box holds [0, 1]^2 (where the boundaries live) and every anchor, in steps of 0.5.
    let lowSn = min(0, ((anchors.map(\.snMax).min() ?? 0) * 2).rounded(.down) / 2)
    let lowSp = min(0, ((anchors.map(\.spMin).min() ?? 0) * 2).rounded(.down) / 2)
    var plot = RegionPlot(x: Interval(lowSn, 1), y: Interval(lowSp, 1), field: .samples([], columns: 0, rows: 0),
                          title: "\(anchors.count) anchors at (sn_max, sp_min)", xTitle: "sn_max", yTitle: "sp_min")
    let cells = plot.layout(in: body).plot
    let columns = max(1, cells.width), rows = max(1, cells.height)
    var counts = [Double](repeating: 0, count: columns * rows)
    for a in anchors {
      let c = min(columns - 1, max(0, Int(((a.snMax - lowSn) / (1 - lowSn) * Double(columns)).rounded(.down))))
      let r = min(rows - 1, max(0, Int(((a.spMin - lowSp) / (1 - lowSp) * Double(rows)).rounded(.down))))
      counts[r * columns + c] += 1
    }
    // Empty cells stay blank (NaN is not drawn); the rest shade by the square root of the count.
    plot.field = .samples(counts.map { $0 > 0 ? (1 + $0).squareRoot() : .nan }, columns: columns, rows: rows)
    plot.showContour = false
    plot.colors = RegionPlot.coolToWarm
    var parameters = CirclePlane.info.defaults
    try? parameters.set("margin", to: margin)
    let curves = CirclePlane(parameters).boundaries()
    plot.overlays = curves.enumerated().map { i, c in Series(c.name, xs: c.xs, ys: c.ys, color: Color.seriesPalette[i % Color.seriesPalette.count]) }
    plot.render(into: &grid, in: body)
    let layout = plot.layout(in: body)
    for mark in marks {
      if let col = layout.column(forX: mark.x), let row = layout.row(forY: mark.y) {
        grid.put(mark.text, x: col, y: row, style: Style(bold: true), clip: layout.plot)
      }
    }
    var x = legendRow.x + 1
    for (i, curve) in curves.enumerated() {
      let name = curve.name == "circle" ? "circle, m = \(NumberText.shortest(margin))" : "sp - sn = m"
      x = grid.put("━ " + name + "  ", x: x, y: legendRow.y, style: Style(fg: Color.seriesPalette[i % Color.seriesPalette.count]))
    }
    grid.put("shade: anchors", x: x, y: legendRow.y)
  }

  static func print(_ report: EmbeddingReport, parameters: EmbeddingParameters, width: Int, height: Int) throws(CLIError) {
    var grid = Grid(width: max(60, width), height: max(20, height))
    render(report, parameters: parameters, into: &grid, in: grid.bounds)
    try emit(grid.lines().joined(separator: "\n") + "\n")
  }
}
