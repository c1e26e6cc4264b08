// Nice tick values and labels: 1-2-5 x 10^k steps on linear axes, decades on log axes.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tick positions of an axis and their labels.
///
/// Linear ticks are integer multiples of a 1, 2 or 5 x 10^k step (after d3-array), each
/// computed in one rounding step so labels never show float noise. Log ticks sit at
/// decades; a range spanning less than one decade falls back to 1, 2, 5 x 10^k values.
/// Labels carry just enough decimals to tell neighbours apart and switch to exponent
/// form (1e-05) for very small or large values.
public struct NiceTicks: Sendable, Hashable {
  /// Tick values in data units, ascending.
  public var values: [Double]
  /// One label per value.
  public var labels: [String]

  /// Creates ticks from explicit values and labels (extra labels are dropped).
  public init(values: [Double], labels: [String]) {
    self.values = values
    self.labels = Array(labels.prefix(values.count))
    while self.labels.count < values.count { self.labels.append("") }
  }

  /// No ticks.
  public static let none = NiceTicks(values: [], labels: [])

  /// About `count` ticks over [lo, hi] on `scale`.
  public static func make(_ lo: Double, _ hi: Double, scale: Scale, count: Int) -> NiceTicks {
    scale == .log10 ? logarithmic(lo, hi, count: count) : linear(lo, hi, count: count)
  }

  // MARK: - Linear

  /// About `count` ticks inside [lo, hi] at multiples of a 1, 2, 5 x 10^k step.
  public static func linear(_ lo: Double, _ hi: Double, count: Int) -> NiceTicks {
    guard let step = TickStep(lo: min(lo, hi), hi: max(lo, hi), count: count) else {
      return lo.isFinite ? NiceTicks(values: [lo], labels: [NumberFormat.fixed(lo, decimals: 6)])
        : .none
    }
    return linear(min(lo, hi), max(lo, hi), step: step)
  }

  /// The multiples of `step` inside [lo, hi], labelled for that step.
  static func linear(_ lo: Double, _ hi: Double, step: TickStep) -> NiceTicks {
    guard let first = step.firstIndex(atOrAbove: lo), let last = step.lastIndex(atOrBelow: hi),
      last >= first, last - first < 1000
    else { return .none }
    let values = (first...last).map { step.value($0) }
    return NiceTicks(values: values, labels: labels(values, power: step.power))
  }

  /// Labels for ticks spaced 10^power apart (times 1, 2 or 5).
  static func labels(_ values: [Double], power: Int) -> [String] {
    let largest = values.reduce(0) { max($0, abs($1)) }
    let decimals = max(0, -power)
    if largest >= 1e6 || decimals > 4 {
      // Enough mantissa digits to reach the step's own digit.
      let top = largest > 0 ? Int(floor(log10(largest))) : power
      return values.map { v in
        if v == 0 { return "0" }
        let own = Int(floor(log10(abs(v))))
        return NumberFormat.exponent(v, decimals: max(0, min(top, own) - power))
      }
    }
    return values.map { NumberFormat.fixed($0, decimals: decimals) }
  }

  // MARK: - Logarithmic

  /// Decade ticks 10^k inside [lo, hi] (every n-th decade if there are more than
  /// about `count`); for less than a decade, the 1, 2, 5 x 10^k values inside; for
  /// less than that, linear ticks. Non-positive ends give no ticks.
  public static func logarithmic(_ lo: Double, _ hi: Double, count: Int) -> NiceTicks {
    let (lo, hi) = (min(lo, hi), max(lo, hi))
    guard lo > 0, hi.isFinite, lo < hi else {
      return lo > 0 && lo.isFinite ? NiceTicks(values: [lo], labels: [logLabel(lo, power: 0)])
        : .none
    }
    let a = log10(lo)
    let b = log10(hi)
    let k0 = Int((a - 1e-9).rounded(.up))
    let k1 = Int((b + 1e-9).rounded(.down))
    if k1 > k0 {
      let every = max(1, (k1 - k0 + max(1, count) - 1) / max(1, count))
      var ks = (k0...k1).filter { $0 % every == 0 }
      if ks.count < 2 { ks = [k0, k1] }
      let values = ks.map { NumberFormat.power10($0) }
      return NiceTicks(values: values, labels: zip(values, ks).map { logLabel($0, power: $1) })
    }
    var values: [Double] = []
    var powers: [Int] = []
    for k in (Int(a.rounded(.down)) - 1)...(Int(b.rounded(.up))) {
      for m in [1.0, 2, 5] {
        let v = NumberFormat.times(m, power: k)
        if v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12) {
          values.append(v)
          powers.append(k)
        }
      }
    }
    if values.count < 2 { return linear(lo, hi, count: count) }
    return NiceTicks(values: values, labels: zip(values, powers).map { logLabel($0, power: $1) })
  }

  /// m x 10^k written plainly for modest k, else in exponent form.
  static func logLabel(_ v: Double, power k: Int) -> String {
    (-3...4).contains(k) ? NumberFormat.fixed(v, decimals: max(0, -k))
      : NumberFormat.exponent(v, decimals: 0)
  }
}
