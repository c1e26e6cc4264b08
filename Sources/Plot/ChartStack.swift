// Charts stacked vertically with aligned plot areas and, optionally, one shared x axis.

/// Charts stacked top to bottom whose plot areas line up column for column, e.g. a
/// loss panel above its gradient panel.
///
/// With `sharesX`, every chart gets the union of their x ranges, and only the bottom
/// chart shows x tick labels and the x title. A cursor column from any of the layouts
/// then holds for all of them.
public struct ChartStack: Sendable {
  /// The charts, top first.
  public var charts: [Chart]
  /// Relative heights; equal when nil or of the wrong length.
  public var weights: [Int]?
  /// Share one x range and show x labels only on the bottom chart.
  public var sharesX: Bool

  /// Creates a stack.
  public init(_ charts: [Chart], weights: [Int]? = nil, sharesX: Bool = true) {
    self.charts = charts
    self.weights = weights
    self.sharesX = sharesX
  }

  /// The charts as they will be drawn, each with its layout.
  ///
  /// The weights share out plot rows, not whole rects: a panel's titles and axis rows come off
  /// first, so a lower panel with an x title and labels is not squeezed to a sliver. Panels that
  /// would get fewer than `minimumPlotRows` are left out, bottom first (see `omitted(in:)`).
  public func arranged(in rect: Rect) -> [(chart: Chart, layout: ChartLayout)] {
    plan(in: rect).arranged
  }

  /// Plot rows each panel needs at least; below that it is left out.
  public var minimumPlotRows: Int { 4 }

  /// Panels left out for lack of rows in `rect` (the lowest ones), and the height that would
  /// show them all; a one-line note in the last row of `rect` says so when the count is not 0.
  public func omitted(in rect: Rect) -> (count: Int, neededHeight: Int) {
    let p = plan(in: rect)
    return (p.omitted, p.neededHeight)
  }

  private struct Plan {
    var arranged: [(chart: Chart, layout: ChartLayout)]
    var omitted: Int
    var neededHeight: Int
  }

  /// Everything `arranged` and `omitted` say, worked out once: a chart's fixed rows take a
  /// whole layout (its legend may go below), so they are not recomputed per question.
  private func plan(in rect: Rect) -> Plan {
    guard !charts.isEmpty else { return Plan(arranged: [], omitted: 0, neededHeight: 0) }
    let all = shared(charts)
    let fixedAll = all.map { fixedRows($0, width: rect.width) }
    var kept = charts.count
    var list = all, fixed = fixedAll, area = rect
    while true {
      let rects = split(area, fixed)
      let fits = zip(rects, fixed).allSatisfy { $0.height - $1 >= minimumPlotRows }
      if fits || kept == 1 {
        var adjusted = list
        if sharesX {
          let natural = zip(adjusted, rects).map { $0.roughLayout(in: $1) }
          if let union = natural.map(\.xInterval).reduce(nil, { $0?.union($1) ?? $1 }) {
            for i in adjusted.indices { adjusted[i].xAxis.range = .explicit(union.lo, union.hi) }
          }
        }
        let arranged = Array(zip(adjusted, Chart.alignedLayouts(adjusted, in: rects))).map { (chart: $0.0, layout: $0.1) }
        return Plan(arranged: arranged, omitted: charts.count - kept,
                    neededHeight: fixedAll.reduce(0, +) + minimumPlotRows * charts.count)
      }
      // One panel fewer, and a row kept for the note saying so; the new bottom panel gets the x labels.
      kept -= 1
      list = shared(Array(charts.prefix(kept)))
      fixed = Array(fixedAll.prefix(kept - 1)) + [fixedRows(list[kept - 1], width: rect.width)]
      area = rect.splitBottom(1).rest
    }
  }

  /// `list` with the shared x axis applied: labels and title only on the bottom one.
  private func shared(_ list: [Chart]) -> [Chart] {
    var adjusted = list
    if sharesX {
      for i in adjusted.indices.dropLast() {
        adjusted[i].xAxis.showTickLabels = false
        adjusted[i].xAxis.title = ""
      }
    }
    return adjusted
  }

  private func fixedRows(_ chart: Chart, width: Int) -> Int { chart.fixedRows(width: width) }

  /// Rects in `area` for charts with `fixed` rows each: those first, then the plot rows by weight.
  private func split(_ area: Rect, _ fixed: [Int]) -> [Rect] {
    let weights = self.weights.flatMap { $0.count == charts.count ? Array($0.prefix(fixed.count)) : nil }
      ?? Array(repeating: 1, count: fixed.count)
    let free = area.height - fixed.reduce(0, +)
    guard free > 0 else { return area.rows(weights: weights) }
    let plotRows = Rect(width: 1, height: free).rows(weights: weights).map(\.height)
    var y = area.y
    return zip(fixed, plotRows).map { f, p in
      defer { y += f + p }
      return Rect(x: area.x, y: y, width: area.width, height: f + p)
    }
  }

  /// The layouts of the stacked charts, top first.
  public func layouts(in rect: Rect) -> [ChartLayout] {
    arranged(in: rect).map(\.layout)
  }

  /// Draws every chart in its share of `rect`, and a note when some had no room.
  public func render(into grid: inout Grid, in rect: Rect) {
    let plan = plan(in: rect)
    for (chart, layout) in plan.arranged {
      chart.render(into: &grid, layout: layout)
    }
    let (count, needed) = (plan.omitted, plan.neededHeight)
    guard count > 0 else { return }
    let names = charts.suffix(count).map { $0.yAxis.title.isEmpty ? $0.title : $0.yAxis.title }
      .filter { !$0.isEmpty }.joined(separator: ", ")
    let what = names.isEmpty ? "the lower panel" : "the \(names) panel"
    let row = rect.splitBottom(1).bottom.intersection(grid.bounds)
    grid.fill(row)
    grid.put("(no room for \(what): it needs a height of \(needed))", x: rect.x, y: rect.maxY - 1,
             style: Style(dim: true), clip: row)
  }
}
