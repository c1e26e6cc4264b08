// A line chart of up to 8 series with axes, legend, marker lines and annotations.

/// A chart of data series over two axes.
///
/// Configure it as a value, then `layout(in:)` to get the geometry and
/// `render(into:in:)` to draw. Up to 8 series get distinct colours and ASCII glyphs;
/// more are drawn but reuse them.
public struct Chart: Sendable {
  /// The series, drawn in order (later ones on top).
  public var series: [Series]
  /// Title centred above the plot ("" for none).
  public var title: String
  /// Horizontal axis.
  public var xAxis: Axis
  /// Vertical axis.
  public var yAxis: Axis
  /// Dot resolution; `.ascii` also switches axes and annotations to ASCII.
  public var marker: Marker
  /// Legend placement.
  public var legend: LegendPosition
  /// Vertical marker lines (cursors) at x values, drawn under the series.
  public var verticalLines: [ReferenceLine]
  /// Horizontal marker lines at y values, drawn under the series.
  public var horizontalLines: [ReferenceLine]
  /// Labelled points drawn over the series.
  public var annotations: [Annotation]
  /// Fixed width of the y label gutter; nil sizes it to the labels.
  /// Set it (or use `alignedLayouts`/`ChartStack`) to line up stacked charts.
  public var gutterWidth: Int?

  /// Creates a chart.
  public init(
    _ series: [Series] = [], title: String = "", xAxis: Axis = Axis(), yAxis: Axis = Axis(),
    marker: Marker = .braille, legend: LegendPosition = .topRight
  ) {
    self.series = series
    self.title = title
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.marker = marker
    self.legend = legend
    verticalLines = []
    horizontalLines = []
    annotations = []
    gutterWidth = nil
  }

  // MARK: - Layout

  /// The geometry of this chart drawn in `rect`.
  public func layout(in rect: Rect) -> ChartLayout {
    layout(in: rect, gutterWidth: gutterWidth)
  }

  /// The geometry of this chart drawn in `rect` with a given gutter width (nil: natural).
  ///
  /// The legend notes clipped series, and an inside legend that would cover a curve moves to
  /// the other top corner, then below the plot (see `Chart+Legend.swift`).
  public func layout(in rect: Rect, gutterWidth: Int?) -> ChartLayout {
    let x = AxisPlan(xAxis, data: series.map { $0.xs[0..<$0.count] })
    let y = AxisPlan(yAxis, data: series.map { $0.ys[0..<$0.count] })
    return placedLayout { position, notes in
      ChartLayout(
        bounds: rect, x: x, y: y, title: title, legend: position,
        legendContent: LegendContent(names: series.map(\.name), notes: notes),
        gutterWidth: gutterWidth, dotsPerColumn: marker.dotsPerColumn, dotsPerRow: marker.dotsPerRow)
    }
  }

  /// The layout without the legend settled (no clip notes, no move off the curves): enough for
  /// the gutter and the x range that `alignedLayouts` shares, at a fraction of the cost.
  func roughLayout(in rect: Rect) -> ChartLayout {
    ChartLayout(
      bounds: rect, x: AxisPlan(xAxis, data: series.map { $0.xs[0..<$0.count] }),
      y: AxisPlan(yAxis, data: series.map { $0.ys[0..<$0.count] }), title: title, legend: legend,
      legendContent: LegendContent(names: series.map(\.name)), gutterWidth: gutterWidth,
      dotsPerColumn: marker.dotsPerColumn, dotsPerRow: marker.dotsPerRow)
  }

  /// Rows of this chart that are not plot rows: header, axis line, tick labels, x title and a
  /// legend below (the one it asks for; one that moves below to clear a curve is not foreseen).
  func fixedRows(width: Int) -> Int {
    let header = !title.isEmpty || !yAxis.title.isEmpty
    let below = legend == .below ? LegendContent(names: series.map(\.name)).flowRows(width: max(1, width - 1)) : 0
    return (header ? 1 : 0) + 1 + (xAxis.showTickLabels ? 1 : 0) + (xAxis.title.isEmpty ? 0 : 1) + below
  }

  /// Layouts of several charts whose plot areas start at the same column: every chart
  /// gets the widest natural gutter. Pair `charts[i]` with `rects[i]`; rects of equal
  /// x and width then give plots of equal x and width.
  public static func alignedLayouts(_ charts: [Chart], in rects: [Rect]) -> [ChartLayout] {
    let n = min(charts.count, rects.count)
    let gutter = (0..<n).map { charts[$0].roughLayout(in: rects[$0]).gutterWidth }.max() ?? 0
    return (0..<n).map { charts[$0].layout(in: rects[$0], gutterWidth: gutter) }
  }
}
