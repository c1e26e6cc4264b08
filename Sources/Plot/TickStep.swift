// A 1, 2 or 5 x 10^k tick step whose multiples are computed without float drift.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A nice tick step, after d3-array's `tickIncrement`.
///
/// Tick i is computed in one rounding step, never accumulated: `i * step` when the step
/// is a whole number and `i / inverse` when it is below one, with `inverse = 1/step` an
/// exact integer. So tick 3 of step 0.1 is 3 / 10 = 0.3, not 3 * 0.1 = 0.30000000000000004.
struct TickStep: Sendable, Hashable {
  /// The step as a double (for spacing decisions, not for tick values).
  let step: Double
  /// 1/step as an exact integer when step < 1, else 0.
  let inverse: Double
  /// k in factor x 10^k.
  let power: Int

  /// Largest tick index handled; beyond it Int conversion and loops get silly.
  static let indexLimit = 1e15

  /// The step giving about `count` ticks over [lo, hi]; nil for a degenerate range.
  init?(lo: Double, hi: Double, count: Int) {
    let raw = (hi - lo) / Double(max(1, count))
    guard lo.isFinite, hi.isFinite, raw.isFinite, raw > 0 else { return nil }
    var power = Int(floor(log10(raw)))
    let error = raw / pow(10, Double(power))
    var factor: Double = error >= 50.0.squareRoot() ? 10 : error >= 10.0.squareRoot() ? 5
      : error >= 2.0.squareRoot() ? 2 : 1
    if factor == 10 {
      factor = 1
      power += 1
    }
    self.init(factor: factor, power: power)
  }

  /// The step factor x 10^power, factor one of 1, 2, 5.
  init(factor: Double, power: Int) {
    self.power = power
    if power >= 0 {
      step = factor * pow(10, Double(power))
      inverse = 0
    } else {
      inverse = pow(10, Double(-power)) / factor
      step = 1 / inverse
    }
  }

  /// Tick number `i`, i.e. i x step, correctly rounded.
  @inline(__always)
  func value(_ i: Int) -> Double {
    inverse > 0 ? Double(i) / inverse : Double(i) * step
  }

  /// v / step, computed the same exact way as `value`.
  @inline(__always)
  func index(of v: Double) -> Double {
    inverse > 0 ? v * inverse : v / step
  }

  /// Index of the first tick at or above `v`, allowing a hair of float error so an end
  /// that is itself a tick is kept; nil when out of the sane range.
  func firstIndex(atOrAbove v: Double) -> Int? {
    let f = index(of: v)
    guard f.isFinite, abs(f) < Self.indexLimit else { return nil }
    return Int((f - 1e-9).rounded(.up))
  }

  /// Index of the last tick at or below `v`; see `firstIndex`.
  func lastIndex(atOrBelow v: Double) -> Int? {
    let f = index(of: v)
    guard f.isFinite, abs(f) < Self.indexLimit else { return nil }
    return Int((f + 1e-9).rounded(.down))
  }
}
