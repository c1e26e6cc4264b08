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
  public func arranged(in rect: Rect) -> [(chart: Chart, layout: ChartLayout)] {
    guard !charts.isEmpty else { return [] }
    let shares = weights.flatMap { $0.count == charts.count ? $0 : nil }
      ?? Array(repeating: 1, count: charts.count)
    let rects = rect.rows(weights: shares)
    var adjusted = charts
    if sharesX {
      for i in adjusted.indices.dropLast() {
        adjusted[i].xAxis.showTickLabels = false
        adjusted[i].xAxis.title = ""
      }
      let natural = Chart.alignedLayouts(adjusted, in: rects)
      if let union = natural.map(\.xInterval).reduce(nil, { $0?.union($1) ?? $1 }) {
        for i in adjusted.indices { adjusted[i].xAxis.range = .explicit(union.lo, union.hi) }
      }
    }
    return Array(zip(adjusted, Chart.alignedLayouts(adjusted, in: rects)))
      .map { (chart: $0.0, layout: $0.1) }
  }

  /// The layouts of the stacked charts, top first.
  public func layouts(in rect: Rect) -> [ChartLayout] {
    arranged(in: rect).map(\.layout)
  }

  /// Draws every chart in its share of `rect`.
  public func render(into grid: inout Grid, in rect: Rect) {
    for (chart, layout) in arranged(in: rect) {
      chart.render(into: &grid, layout: layout)
    }
  }
}
