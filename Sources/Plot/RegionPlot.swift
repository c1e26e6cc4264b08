// A shaded map of a scalar field f(x, y) over a box, with its zero contour.

import LossText

/// A scalar field over a 2-D box, shaded cell by cell, with the zero contour drawn.
///
/// Each plot cell shows the field sampled at its centre: a shade by level (low to
/// high), optionally coloured from a ramp. Cells where the field changes sign against a
/// neighbour, and the one of the pair nearer zero, carry the contour glyph. Curves (for
/// example a drawn decision boundary) can be overlaid on a canvas.
public struct RegionPlot: Sendable {
  /// The field: a function, or samples on a regular grid.
  public enum Field: Sendable {
    /// f(x, y), sampled once per plot cell at draw time.
    case function(@Sendable (Double, Double) -> Double)
    /// `columns` x `rows` values, row-major, row 0 at y.lo (the bottom); each cell
    /// shows the nearest sample.
    case samples([Double], columns: Int, rows: Int)
  }

  /// Glyph sets for the shading.
  public enum Shading: Sendable, Hashable {
    /// ' ', '░', '▒', '▓' with '•' on the contour.
    case unicode
    /// ' ', '.', ':', '=' with '#' on the contour.
    case ascii
  }

  /// The x side of the box.
  public var x: Interval
  /// The y side of the box.
  public var y: Interval
  /// What is shaded.
  public var field: Field
  /// Title centred above the plot.
  public var title: String
  /// Title under the x axis.
  public var xTitle: String
  /// Title above the y axis.
  public var yTitle: String
  /// Glyph set; `.ascii` also draws ASCII axes and overlays.
  public var shading: Shading
  /// Colours from low to high level; empty for monochrome.
  public var colors: [Color]
  /// Whether to draw the zero contour.
  public var showContour: Bool
  /// Curves drawn over the shading.
  public var overlays: [Series]
  /// Values mapped to the lightest and darkest shade; nil: the field's own minimum and maximum.
  public var levelRange: Interval?
  /// Marker for the overlays (forced to `.ascii` with ASCII shading).
  public var overlayMarker: Marker
  /// Level edges, ascending: when set, a cell's level is how many edges its value reaches, so
  /// the shade is a step function of the value with steps exactly at the edges (`levelRange` is
  /// then ignored), and `key` says what each shade means.
  public var thresholds: [Double]
  /// The value whose crossing the contour marks (0 by default).
  public var contourLevel: Double

  /// Creates a region plot of `f` over the box `x` by `y`.
  public init(
    x: Interval, y: Interval, title: String = "", xTitle: String = "", yTitle: String = "",
    f: @escaping @Sendable (Double, Double) -> Double
  ) {
    self.init(x: x, y: y, field: .function(f), title: title, xTitle: xTitle, yTitle: yTitle)
  }

  /// Creates a region plot of any field.
  public init(
    x: Interval, y: Interval, field: Field, title: String = "", xTitle: String = "",
    yTitle: String = ""
  ) {
    self.x = x
    self.y = y
    self.field = field
    self.title = title
    self.xTitle = xTitle
    self.yTitle = yTitle
    shading = .unicode
    colors = []
    showContour = true
    overlays = []
    levelRange = nil
    overlayMarker = .braille
    thresholds = []
    contourLevel = 0
  }

  /// Shade glyphs from light to dark for `levels` levels with thresholds (at most six differ).
  public static func ramp(levels: Int, ascii: Bool) -> [Unicode.Scalar] {
    let all: [Unicode.Scalar] = ascii ? [" ", ".", ":", "-", "=", "%"] : [" ", "·", "░", "▒", "▓", "█"]
    return (0..<max(1, levels)).map { all[min($0, all.count - 1)] }
  }

  /// With thresholds: each level's glyph, colour and value range [lo, hi) (the first from -inf,
  /// the last to +inf), light to dark; empty without thresholds.
  public var key: [(glyph: Unicode.Scalar, color: Color, lo: Double, hi: Double)] {
    guard !thresholds.isEmpty else { return [] }
    let n = thresholds.count + 1
    let glyphs = Self.ramp(levels: n, ascii: shading == .ascii)
    let edges = [-Double.infinity] + thresholds + [Double.infinity]
    return (0..<n).map { (glyphs[$0], levelColor($0, of: n), edges[$0], edges[$0 + 1]) }
  }

  /// A level edge as a key shows it: three significant digits, trailing zeros dropped (0.001, 6.1, 480).
  public static func levelText(_ v: Double) -> String { NumberText.compact(v) }

  /// The level (0 lightest) a value gets with thresholds.
  public func level(of v: Double) -> Int { thresholds.reduce(0) { $0 + (v >= $1 ? 1 : 0) } }

  func levelColor(_ level: Int, of n: Int) -> Color {
    guard !colors.isEmpty, n > 0 else { return .default }
    return colors[min(colors.count - 1, level * colors.count / n)]
  }

  /// A diverging blue-to-red ramp for signed fields.
  public static let coolToWarm: [Color] = [.blue, .cyan, .green, .yellow, .red]

  // MARK: - Layout

  /// The geometry of this plot drawn in `rect`; the box is the exact axis range.
  public func layout(in rect: Rect) -> ChartLayout {
    ChartLayout(
      bounds: rect,
      x: AxisPlan(interval: x, scale: .linear, snap: false, title: xTitle, showLabels: true),
      y: AxisPlan(interval: y, scale: .linear, snap: false, title: yTitle, showLabels: true),
      title: title, legend: .hidden, legendContent: .empty, gutterWidth: nil,
      dotsPerColumn: 1, dotsPerRow: 1)
  }
}
