// Numbers as text: the shortest form that reads back to the same Double.

/// Shortest round-trip text of `x` (Swift's own algorithm), without a trailing `.0`, so
/// `2.0` prints `2`, `0.1` prints `0.1` and `1e-05` stays exact; pandas and Python read each back
/// to the identical double.
@inlinable
public func formatNumber(_ x: Double) -> String {
  if x == x.rounded(), abs(x) < 1e15 {
    if x == 0 { return "0" }
    return String(Int64(x))
  }
  return x.description
}
