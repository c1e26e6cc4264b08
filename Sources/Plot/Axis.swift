// Configuration of one chart axis: title, range rule, scale and tick-label visibility.

/// How one axis of a chart looks.
public struct Axis: Sendable, Hashable {
  /// Title shown beside the axis ("" for none).
  public var title: String
  /// How the range is chosen.
  public var range: AxisRange
  /// Linear or log10.
  public var scale: Scale
  /// Whether tick labels are drawn; turn off on the upper chart of a stack.
  public var showTickLabels: Bool

  /// Creates an axis configuration.
  public init(
    _ title: String = "", range: AxisRange = .auto, scale: Scale = .linear,
    showTickLabels: Bool = true
  ) {
    self.title = title
    self.range = range
    self.scale = scale
    self.showTickLabels = showTickLabels
  }
}
