// An axis resolved from its configuration and data: interval, snapping rule and ticks.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One axis between configuration and layout: the data interval is known, the ticks
/// wait for the space the layout grants.
struct AxisPlan: Sendable {
  var interval: Interval
  var scale: Scale
  /// Whether to widen the interval outward to the nearest ticks (auto ranges).
  var snap: Bool
  var title: String
  var showLabels: Bool
  /// Ends given by the user, kept exactly even when the other end snaps.
  var fixedLo = false
  var fixedHi = false

  // MARK: - Resolving

  /// Resolves `axis.range` against the data in `columns` (each an array of values).
  init(_ axis: Axis, data columns: [ArraySlice<Double>]) {
    scale = axis.scale
    title = axis.title
    showLabels = axis.showTickLabels
    switch axis.range {
    case .explicit(let a, let b) where a.isFinite && b.isFinite:
      interval = Self.widen(Interval(min(a, b), max(a, b)), scale: axis.scale)
      snap = false
    case .clipped:
      interval = Self.widen(Self.clippedRange(columns, scale: axis.scale), scale: axis.scale)
      snap = true
    case .bounded(let a, let b):
      let usable = { (v: Double?) in v.flatMap { $0.isFinite && axis.scale.accepts($0) ? $0 : nil } }
      let (lo, hi) = (usable(a), usable(b))
      if let lo, let hi, lo < hi {
        interval = Interval(lo, hi)
        snap = false
        break
      }
      var r = Self.widen(Self.clippedRange(columns, scale: axis.scale), scale: axis.scale)
      if let lo { r = Interval(lo, r.hi > lo ? r.hi : Self.beyond(lo, up: true, axis.scale)) }
      if let hi { r = Interval(r.lo < hi ? r.lo : Self.beyond(hi, up: false, axis.scale), hi) }
      interval = r
      snap = true
      fixedLo = lo != nil
      fixedHi = hi != nil
    default:
      interval = Self.widen(Self.dataRange(columns, scale: axis.scale), scale: axis.scale)
      snap = true
    }
  }

  /// A value a little past `v` on `scale`: a decade on a log axis, a tenth of |v| (or 1) on a linear one.
  static func beyond(_ v: Double, up: Bool, _ scale: Scale) -> Double {
    if scale == .log10 { return up ? v * 10 : v / 10 }
    let step = v == 0 ? 1 : abs(v) * 0.1
    return up ? v + step : v - step
  }

  /// A plan with a known interval (histograms and region plots).
  init(interval: Interval, scale: Scale, snap: Bool, title: String, showLabels: Bool) {
    self.scale = scale
    self.snap = snap
    self.title = title
    self.showLabels = showLabels
    self.interval = Self.widen(interval, scale: scale)
  }

  /// Min and max of the values the scale accepts; NaN ends when there are none.
  static func dataRange(_ columns: [ArraySlice<Double>], scale: Scale) -> Interval {
    var lo = Double.infinity
    var hi = -Double.infinity
    for column in columns {
      for v in column where scale.accepts(v) {
        if v < lo { lo = v }
        if v > hi { hi = v }
      }
    }
    return lo <= hi ? Interval(lo, hi) : Interval(.nan, .nan)
  }

  /// The data range pulled in to Tukey's far-out fences (see `AxisRange.clipped`), when at most
  /// 15% of the values lie beyond them.
  static func clippedRange(_ columns: [ArraySlice<Double>], scale: Scale) -> Interval {
    // One pass for the extremes, then an evenly strided sample of at most 512 values for the
    // quartiles: the fences only need to be about right, and this runs every frame.
    var all: [Double] = []
    all.reserveCapacity(columns.reduce(0) { $0 + $1.count })
    var lo = Double.infinity, hi = -Double.infinity
    for column in columns {
      for v in column where scale.accepts(v) {
        let t = scale.transform(v)
        lo = min(lo, t)
        hi = max(hi, t)
        all.append(t)
      }
    }
    guard !all.isEmpty else { return Interval(.nan, .nan) }
    let stride = max(1, all.count / 512)
    var values = Swift.stride(from: 0, to: all.count, by: stride).map { all[$0] }
    let q1 = Quantile.select(&values, 0.25)
    let q3 = Quantile.select(&values, 0.75)
    let iqr = q3 - q1
    // With half the values equal (a hinge at 0, a loss that underflows) the quartiles say nothing
    // about the spread: clipping would hide the very part of the curve that varies.
    guard iqr > 0 else { return Interval(scale.inverse(lo), scale.inverse(hi)) }
    let clipped = Interval(max(lo, q1 - 3 * iqr), min(hi, q3 + 3 * iqr))
    // Clip only a few extreme values (a pole at the end of the axis). When many values lie beyond
    // the fences the data is not "a bulk plus outliers" (an exponential spike): show all of it.
    let outside = values.reduce(0) { $0 + ($1 < clipped.lo || $1 > clipped.hi ? 1 : 0) }
    guard outside * 100 <= values.count * 15 else { return Interval(scale.inverse(lo), scale.inverse(hi)) }
    return Interval(scale.inverse(clipped.lo), scale.inverse(clipped.hi))
  }

  /// Makes any interval drawable: a fallback for no data, a fix for a log axis given
  /// non-positive ends, and widening when lo == hi.
  static func widen(_ raw: Interval, scale: Scale) -> Interval {
    var r = raw
    if !(r.lo.isFinite && r.hi.isFinite) { r = scale == .log10 ? Interval(1, 10) : Interval(0, 1) }
    if r.lo > r.hi { r = Interval(r.hi, r.lo) }
    // A constant 0 (a loss that is flat at zero) shows as [0, 1], not [-1, 1]: no negative losses.
    if scale == .linear && r.lo == 0 && r.hi == 0 { return Interval(0, 1) }
    if scale == .log10 {
      if r.hi <= 0 { return Interval(1, 10) }
      if r.lo <= 0 { r.lo = r.hi / 1000 }
      if r.hi / r.lo < 1 + 1e-9 { return Interval(r.lo / 10.0.squareRoot(), r.hi * 10.0.squareRoot()) }
      return r
    }
    let magnitude = max(abs(r.lo), abs(r.hi))
    if r.hi - r.lo <= magnitude * 1e-12 || !(r.hi - r.lo).isFinite {
      let pad = magnitude == 0 || !magnitude.isFinite ? 1 : magnitude * 0.1
      return (r.hi - r.lo).isFinite ? Interval(r.lo - pad, r.hi + pad) : Interval(-1e300, 1e300)
    }
    return r
  }

  // MARK: - Ticks

  /// The final interval and its ticks for about `count` ticks.
  func ticks(count: Int) -> (Interval, NiceTicks) {
    var (range, ticks) = snappedTicks(count: count)
    guard fixedLo || fixedHi else { return (range, ticks) }
    // Given ends stay exactly where the user put them; the ticks are redone for the final range.
    range = Interval(fixedLo ? interval.lo : range.lo, fixedHi ? interval.hi : range.hi)
    ticks = scale == .log10 ? NiceTicks.logarithmic(range.lo, range.hi, count: count)
      : NiceTicks.linear(range.lo, range.hi, count: count)
    return (range, ticks)
  }

  private func snappedTicks(count: Int) -> (Interval, NiceTicks) {
    let lo = interval.lo
    let hi = interval.hi
    if scale == .log10 {
      let snapped = snap ? Self.snapLog(interval) : interval
      return (snapped, NiceTicks.logarithmic(snapped.lo, snapped.hi, count: count))
    }
    guard let step = TickStep(lo: lo, hi: hi, count: count) else {
      return (interval, NiceTicks.linear(lo, hi, count: count))
    }
    guard snap, let i0 = step.lastIndex(atOrBelow: lo), let i1 = step.firstIndex(atOrAbove: hi)
    else { return (interval, NiceTicks.linear(lo, hi, step: step)) }
    let snapped = Interval(step.value(i0), step.value(i1))
    return (snapped, NiceTicks.linear(snapped.lo, snapped.hi, step: step))
  }

  /// Widens a log interval outward to the nearest 1, 2 or 5 x 10^k at each end, which
  /// wastes at most a factor 2.5 per end where whole decades could waste nearly 10.
  static func snapLog(_ r: Interval) -> Interval {
    let a = log10(r.lo)
    let b = log10(r.hi)
    guard a.isFinite, b.isFinite else { return r }
    let ka = Int((a + 1e-12).rounded(.down))
    let kb = Int((b - 1e-12).rounded(.down))
    let lo = [5.0, 2, 1].map { NumberFormat.times($0, power: ka) }.first { $0 <= r.lo * (1 + 1e-12) }
      ?? NumberFormat.power10(ka)
    let hi = [1.0, 2, 5, 10].map { NumberFormat.times($0, power: kb) }.first { $0 >= r.hi * (1 - 1e-12) }
      ?? NumberFormat.power10(kb + 1)
    return Interval(lo, hi)
  }
}
