// Nice tick values and labels: 1-2-5 x 10^k steps on linear axes, decades on log axes.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import LossText

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
      return lo.isFinite ? NiceTicks(values: [lo], labels: [NumberText.fixed(lo, decimals: 6)])
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
        return NumberText.exponent(v, decimals: max(0, min(top, own) - power))
      }
    }
    return values.map { NumberText.fixed($0, decimals: decimals) }
  }

  // MARK: - Logarithmic

  /// Ticks of a log axis. Over k >= 1 whole decades there are at least min(k + 1, 3) of them:
  /// the 1, 2, 5 x 10^k values inside when at most `count` of those fit (room), else the decades
  /// 10^k (every n-th when there are more than about `count`, never fewer than three), with 5 and
  /// then 2 x 10^k added when the decades alone are too few. Less than a decade gets the 1, 2, 5
  /// values; less than that, linear ticks. Non-positive ends give no ticks.
  public static func logarithmic(_ lo: Double, _ hi: Double, count: Int) -> NiceTicks {
    let (lo, hi) = (min(lo, hi), max(lo, hi))
    guard lo > 0, hi.isFinite, lo < hi else {
      return lo > 0 && lo.isFinite ? NiceTicks(values: [lo], labels: [logLabel(lo, power: 0)])
        : .none
    }
    let a = log10(lo)
    let b = log10(hi)
    let decades = Int((b - a + 1e-9).rounded(.down))
    let needed = min(decades + 1, 3)
    func inside(_ mantissas: [Double]) -> [(value: Double, power: Int)] {
      guard b - a < 400 else { return [] }
      var out: [(Double, Int)] = []
      for k in (Int(a.rounded(.down)) - 1)...(Int(b.rounded(.up))) {
        for m in mantissas {
          let v = NumberFormat.times(m, power: k)
          if v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12) { out.append((v, k)) }
        }
      }
      return out.sorted { $0.0 < $1.0 }
    }
    func ticks(_ marks: [(value: Double, power: Int)]) -> NiceTicks {
      NiceTicks(values: marks.map(\.value), labels: marks.map { logLabel($0.value, power: $0.power) })
    }
    let all = inside([1, 2, 5])
    if all.count <= max(count, needed), all.count >= 2 { return ticks(all) }
    let k0 = Int((a - 1e-9).rounded(.up))
    let k1 = Int((b + 1e-9).rounded(.down))
    if k1 > k0 {
      var every = max(1, (k1 - k0 + max(1, count) - 1) / max(1, count))
      var ks = (k0...k1).filter { $0 % every == 0 }
      while ks.count < min(needed, k1 - k0 + 1) && every > 1 {
        every -= 1
        ks = (k0...k1).filter { $0 % every == 0 }
      }
      if ks.count < 2 { ks = [k0, k1] }
      if ks.count >= needed { return ticks(ks.map { (NumberFormat.power10($0), $0) }) }
      // Two decades inside a range of more than two: the 5s (then the 2s) between them.
      let fives = inside([1, 5])
      return ticks(fives.count >= needed ? fives : all)
    }
    if all.count < 2 { return linear(lo, hi, count: count) }
    return ticks(all)
  }

  /// m x 10^k written plainly for modest k, else in exponent form.
  static func logLabel(_ v: Double, power k: Int) -> String {
    (-3...4).contains(k) ? NumberText.fixed(v, decimals: max(0, -k))
      : NumberText.exponent(v, decimals: 0)
  }
}
