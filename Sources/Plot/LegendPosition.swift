// Where a chart puts its legend.

/// Where the legend goes. Inside positions sit within the plot area, so they can
/// never cover the y tick labels.
public enum LegendPosition: Sendable, Hashable {
  /// Inside the plot area, top-right corner.
  case topRight
  /// Inside the plot area, top-left corner.
  case topLeft
  /// One row under the chart, entries side by side.
  case below
  /// No legend.
  case hidden
}
