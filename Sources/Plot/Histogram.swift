// A histogram of bin counts drawn as vertical bars with eighth-block tops.

/// Vertical bars for counts in equal bins over [lo, hi).
///
/// Bar tops use the eighth blocks ▁▂▃▄▅▆▇█, so each row resolves eight heights. With
/// `logCounts` the bar height is log10(1 + count) on a decade axis.
public struct Histogram: Sendable {
  /// Count per bin, left to right.
  public var counts: [Int]
  /// Left edge of the first bin.
  public var lo: Double
  /// Right edge of the last bin.
  public var hi: Double
  /// Title centred above the plot.
  public var title: String
  /// Title under the x axis.
  public var xTitle: String
  /// Title above the y axis.
  public var yTitle: String
  /// Bar heights as log10(1 + count), ticked at decades. The axis is labelled in counts:
  /// a tick "100" sits at log10(101), close enough at decade spacing, and the origin
  /// reads 0.
  public var logCounts: Bool
  /// Bar colour.
  public var color: Color
  /// Draw with ASCII only: '#' bars, rounded to whole rows, and ASCII axes.
  public var ascii: Bool

  /// Creates a histogram from counts already binned over [lo, hi).
  public init(
    counts: [Int], lo: Double, hi: Double, title: String = "", xTitle: String = "",
    yTitle: String = "count", logCounts: Bool = false, color: Color = .cyan, ascii: Bool = false
  ) {
    self.counts = counts
    self.lo = lo
    self.hi = hi
    self.title = title
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.logCounts = logCounts
    self.color = color
    self.ascii = ascii
  }

  /// Creates a histogram by binning `values` into `bins` equal bins over [lo, hi).
  public init(
    values: [Double], bins: Int, lo: Double, hi: Double, title: String = "",
    xTitle: String = "", yTitle: String = "count", logCounts: Bool = false
  ) {
    self.init(counts: Self.bin(values, bins: bins, lo: lo, hi: hi), lo: lo, hi: hi,
              title: title, xTitle: xTitle, yTitle: yTitle, logCounts: logCounts)
  }

  // MARK: - Layout

  /// The x range actually drawn: [lo, hi], or [0, 1] when that is not a proper range.
  var edges: Interval { Interval(lo, hi).isProper ? Interval(lo, hi) : Interval(0, 1) }

  /// The geometry of this histogram drawn in `rect`.
  public func layout(in rect: Rect) -> ChartLayout {
    let top = counts.reduce(0) { max($0, $1) }
    let y = logCounts
      ? AxisPlan(interval: Interval(1, Double(top) + 1), scale: .log10, snap: true,
                 title: yTitle, showLabels: true)
      : AxisPlan(interval: Interval(0, Double(max(top, 1))), scale: .linear, snap: true,
                 title: yTitle, showLabels: true)
    let x = AxisPlan(interval: edges, scale: .linear, snap: false, title: xTitle,
                     showLabels: true)
    var layout = ChartLayout(
      bounds: rect, x: x, y: y, title: title, legend: .hidden, legendContent: .empty,
      gutterWidth: nil, dotsPerColumn: 1, dotsPerRow: 1)
    if logCounts, let first = layout.yTicks.values.first, first == 1 {
      layout.yTicks.labels[0] = "0"
    }
    return layout
  }
}
