// A vertical or horizontal marker line across the plot, such as a cursor at x = 0.9.

/// A straight marker line at one data value: vertical on the x axis or horizontal on
/// the y axis, drawn under the series and faint by default.
public struct ReferenceLine: Sendable, Hashable {
  /// The x (vertical line) or y (horizontal line) value.
  public var value: Double
  /// Text written beside the line ("" for none).
  public var label: String
  /// Line and label colour.
  public var color: Color
  /// Draws the line faint.
  public var dimmed: Bool

  /// Creates a marker line.
  public init(_ value: Double, label: String = "", color: Color = .default, dimmed: Bool = true) {
    self.value = value
    self.label = label
    self.color = color
    self.dimmed = dimmed
  }

  /// The style the line is drawn with.
  public var style: Style { Style(fg: color, dim: dimmed) }
}
