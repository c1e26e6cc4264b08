// A labelled data point drawn on top of a chart's series.

/// A point marked with a glyph and a text label, e.g. "pt = 0.9".
public struct Annotation: Sendable, Hashable {
  /// Data x.
  public var x: Double
  /// Data y.
  public var y: Double
  /// Label drawn right of the point (or left of it near the right edge).
  public var text: String
  /// Glyph and label colour.
  public var color: Color

  /// Creates an annotation.
  public init(x: Double, y: Double, _ text: String, color: Color = .default) {
    self.x = x
    self.y = y
    self.text = text
    self.color = color
  }
}
