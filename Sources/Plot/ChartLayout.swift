// Where each part of a chart goes, and the mapping between data values and cells.

/// The computed geometry of a chart: gutter, plot area, axis rows, legend, resolved
/// ranges and ticks.
///
/// Computed before anything is drawn (`Chart.layout(in:)`), so it can be tested on its
/// own, shared between stacked charts, and used by a caller to place a cursor:
/// `layout.column(forX: 0.9)` is the column a curve's point at x = 0.9 is drawn in.
public struct ChartLayout: Sendable, Hashable {
  /// The whole area given to the chart; nothing is drawn outside it.
  public var bounds: Rect
  /// The data area, right of the y axis and above the x axis.
  public var plot: Rect
  /// Columns left of the plot: y tick labels, a space, and the y axis line.
  public var gutterWidth: Int
  /// Row with the y axis title (left) and the chart title (centred), if any.
  public var headerRow: Int?
  /// Row of the x axis line, if there is room for it.
  public var xAxisRow: Int?
  /// Row of the x tick labels, if shown.
  public var xLabelRow: Int?
  /// Row of the x axis title, if any.
  public var xTitleRow: Int?
  /// Area of the legend, if any.
  public var legend: Rect?
  /// The legend's pieces, each placed whole inside `legend`.
  public var legendEntries: [LegendEntry]
  /// Final x range (after snapping to ticks).
  public var xInterval: Interval
  /// Final y range (after snapping to ticks).
  public var yInterval: Interval
  /// Scale of the x axis.
  public var xScale: Scale
  /// Scale of the y axis.
  public var yScale: Scale
  /// X ticks; labels are "" when hidden.
  public var xTicks: NiceTicks
  /// Y ticks; labels are "" when hidden.
  public var yTicks: NiceTicks
  /// Canvas dots per cell across, from the marker.
  public var dotsPerColumn: Int
  /// Canvas dots per cell down, from the marker.
  public var dotsPerRow: Int

  // MARK: - Data to cells

  /// The grid column in which the canvas draws data value `x`, or nil when `x` is
  /// outside the x range, not finite, or the plot has no width.
  public func column(forX x: Double) -> Int? {
    Self.dot(x, xInterval, xScale, dots: plot.width * dotsPerColumn, flipped: false)
      .map { plot.x + $0 / dotsPerColumn }
  }

  /// The grid row in which the canvas draws data value `y`, or nil when outside.
  public func row(forY y: Double) -> Int? {
    Self.dot(y, yInterval, yScale, dots: plot.height * dotsPerRow, flipped: true)
      .map { plot.y + $0 / dotsPerRow }
  }

  /// The data x at the centre of grid column `column` (columns outside the plot
  /// extrapolate), so `column(forX: x(atColumn: c)) == c` inside the plot.
  public func x(atColumn column: Int) -> Double {
    Self.value(atDot: Double((column - plot.x) * dotsPerColumn) + Double(dotsPerColumn - 1) / 2,
               xInterval, xScale, dots: plot.width * dotsPerColumn, flipped: false)
  }

  /// The data y at the centre of grid row `row`.
  public func y(atRow row: Int) -> Double {
    Self.value(atDot: Double((row - plot.y) * dotsPerRow) + Double(dotsPerRow - 1) / 2,
               yInterval, yScale, dots: plot.height * dotsPerRow, flipped: true)
  }

  // Must round exactly like `Canvas`, or a cursor would sit one column off its curve.
  private static func dot(
    _ v: Double, _ range: Interval, _ scale: Scale, dots: Int, flipped: Bool
  ) -> Int? {
    guard dots > 0 else { return nil }
    let t = scale.transform(v)
    let a = scale.transform(range.lo)
    let b = scale.transform(range.hi)
    let k = Double(dots - 1) / (b - a)
    guard k.isFinite else { return nil }
    return Raster.nearest(flipped ? (b - t) * k : (t - a) * k, max: Double(dots - 1))
  }

  private static func value(
    atDot d: Double, _ range: Interval, _ scale: Scale, dots: Int, flipped: Bool
  ) -> Double {
    let a = scale.transform(range.lo)
    let b = scale.transform(range.hi)
    guard dots > 1 else { return scale.inverse((a + b) / 2) }
    let f = d / Double(dots - 1)
    return scale.inverse(flipped ? b - f * (b - a) : a + f * (b - a))
  }
}
