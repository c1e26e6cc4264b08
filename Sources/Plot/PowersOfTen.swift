// Exact powers of ten for tick values: m x 10^k with one rounding, so ticks never drift.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Powers of ten computed with one correctly rounded operation.
enum NumberFormat {
  /// m x 10^k as the nearest double for small integer m (one rounding, see `power10`).
  static func times(_ m: Double, power k: Int) -> Double {
    k < 0 && k >= -22 ? m / pow(10, Double(-k)) : m * pow(10, Double(k))
  }

  /// Exact 10^k as the nearest double: one correctly rounded operation on exact powers.
  static func power10(_ k: Int) -> Double {
    if k >= -22 && k < 0 { return 1 / pow(10, Double(-k)) }
    return pow(10, Double(k))
  }
}
