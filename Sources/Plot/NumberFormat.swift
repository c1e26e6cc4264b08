// Formatting numbers for tick labels without Foundation: fixed decimals or 1e-05 form.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tick-label number formatting.
///
/// Foundation's formatters are not available (start-up time), and `description` picks
/// its own notation, so labels are built from integer digits here. Trailing zeros are
/// always dropped: 0, 0.2, 0.4 ... 1, like plotext and d3.
enum NumberFormat {
  /// `v` rounded to `decimals` places, trailing zeros and a bare point removed.
  static func fixed(_ v: Double, decimals: Int) -> String {
    guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
    let d = min(max(0, decimals), 15)
    let scale = pow(10, Double(d))
    let scaled = (abs(v) * scale).rounded()
    guard scaled < 9e15 else { return exponent(v, decimals: 3) }
    let n = UInt64(scaled)
    let p = UInt64(scale)
    var text = n == 0 || v >= 0 ? "" : "-"
    text += String(n / p)
    var frac = n % p
    guard d > 0, frac != 0 else { return text }
    var digits = d
    while frac % 10 == 0 {
      frac /= 10
      digits -= 1
    }
    let body = String(frac)
    text += "."
    text += String(repeating: "0", count: digits - body.count)
    text += body
    return text
  }

  /// `v` as mantissa and exponent, C-style: 1e-05, 2.5e+06; "0" for zero.
  static func exponent(_ v: Double, decimals: Int) -> String {
    guard v.isFinite else { return fixed(v, decimals: 0) }
    guard v != 0 else { return "0" }
    let d = min(max(0, decimals), 15)
    var e = Int(floor(log10(abs(v))))
    var m = abs(v) / pow(10, Double(e))
    let scale = pow(10, Double(d))
    m = (m * scale).rounded() / scale
    if m >= 10 {
      m /= 10
      e += 1
    }
    var text = v < 0 ? "-" : ""
    text += fixed(m, decimals: d)
    text += e < 0 ? "e-" : "e+"
    let digits = String(abs(e))
    if digits.count < 2 { text += "0" }
    text += digits
    return text
  }

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
