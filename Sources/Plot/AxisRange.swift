// How an axis chooses its range: automatic, automatic with outlier clipping, or fixed.

/// How an axis range is chosen.
public enum AxisRange: Sendable, Hashable {
  /// From the smallest to the largest finite value (positive values on a log axis),
  /// then widened outward to the nearest tick multiple (linear) or to the nearest
  /// 1, 2 or 5 x 10^k (log), so the ends are round numbers without padding.
  case auto
  /// Like `auto`, but ends pulled in to Tukey's far-out fences so a few extreme values
  /// (a loss near its pole, `1/x` near 0) do not flatten the rest of the curve.
  ///
  /// With Q1 and Q3 the quartiles of all finite values (of log10 values on a log axis)
  /// and IQR = Q3 - Q1, the range is [max(min, Q1 - 3 IQR), min(max, Q3 + 3 IQR)],
  /// then snapped outward to ticks. It never widens the data range, and it keeps the whole
  /// range when IQR is 0 or more than 15% of the values lie beyond the fences (a spike, not a
  /// pole). Curves that go past it are drawn leaving the plot at its edge.
  case clipped
  /// Exactly [lo, hi], no snapping. Reversed ends are swapped; equal ends are widened.
  case explicit(Double, Double)
  /// The user's own ends where given (`--ymin`, `--ymax`), the data's (as `clipped`, snapped)
  /// for the other one. A data end that would cross the given one is moved to keep lo < hi. Curves
  /// beyond a given end are drawn leaving the plot, and the chart marks them.
  case bounded(lo: Double?, hi: Double?)

  /// `.clipped` when `clip` is true, else `.auto`.
  public static func auto(clip: Bool) -> AxisRange { clip ? .clipped : .auto }
}
