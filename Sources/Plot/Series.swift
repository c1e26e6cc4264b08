// One named data series of a chart: x and y values plus how to draw them.

/// A named curve or point set.
public struct Series: Sendable {
  /// Legend text ("" keeps the series out of the legend).
  public var name: String
  /// X values.
  public var xs: [Double]
  /// Y values; pairs beyond the shorter of `xs` and `ys` are ignored.
  public var ys: [Double]
  /// Colour; nil picks `Color.seriesPalette[index]`.
  public var color: Color?
  /// Draws the series faint: a "ghost" copy for comparison.
  public var dimmed: Bool
  /// Glyph in ASCII mode; nil picks `Marker.asciiGlyph(forSeries: index)`.
  /// Other markers draw dots and ignore it.
  public var glyph: Unicode.Scalar?
  /// Joins consecutive points with lines (true) or draws lone dots (false).
  public var connected: Bool

  /// Creates a series.
  public init(
    _ name: String, xs: [Double], ys: [Double], color: Color? = nil, dimmed: Bool = false,
    glyph: Unicode.Scalar? = nil, connected: Bool = true
  ) {
    self.name = name
    self.xs = xs
    self.ys = ys
    self.color = color
    self.dimmed = dimmed
    self.glyph = glyph
    self.connected = connected
  }

  /// Number of drawable (x, y) pairs.
  public var count: Int { min(xs.count, ys.count) }

  /// The style this series is drawn with as series number `index`.
  public func style(index: Int) -> Style {
    let palette = Color.seriesPalette
    return Style(fg: color ?? palette[((index % palette.count) + palette.count) % palette.count],
                 dim: dimmed)
  }

  /// The ASCII glyph this series is drawn with as series number `index`.
  public func asciiGlyph(index: Int) -> Unicode.Scalar {
    glyph ?? Marker.asciiGlyph(forSeries: index)
  }
}
