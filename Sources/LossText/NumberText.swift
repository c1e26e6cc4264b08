// The one number text: shortest round-trip, significant digits and fixed decimals.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum NumberText {
  /// Shortest round-trip text of `x` (Swift's own algorithm), without a trailing `.0`: `2.0` is
  /// `2`, `0.1` is `0.1`, `1e-05` stays exact; pandas and Python read each back to the same double.
  /// Non-finite values are `nan`, `inf`, `-inf`, as Python's `repr` writes them.
  @inlinable
  public static func shortest(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x == x.rounded(), abs(x) < 1e15 {
      if x == 0 { return "0" }
      return String(Int64(x))
    }
    return x.description
  }

  /// `digits` significant digits, `0.0100`, `0.900`, `1.23e-05`: what a readout needs. Exponent
  /// form below 1e-4 and from 1e6.
  public static func significant(_ x: Double, digits: Int = 3) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    if x == 0 { return "0" }
    // C's printf rounds the exact binary value correctly (0.09025 as a double is 0.0902499...):
    // repeated products by 10 would round it up.
    let (digitsText, exponent) = decimalDigits(abs(x), count: digits)
    let sign = x < 0 ? "-" : ""
    if exponent < -4 || exponent >= 6 {
      let mantissa = digitsText.prefix(1) + (digits > 1 ? "." + digitsText.dropFirst() : "")
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
    }
    if exponent < 0 {
      return sign + "0." + String(repeating: "0", count: -exponent - 1) + digitsText
    }
    let whole = exponent + 1
    if whole >= digits { return sign + digitsText + String(repeating: "0", count: whole - digits) }
    return sign + digitsText.prefix(whole) + "." + digitsText.dropFirst(whole)
  }

  /// `v` with about `digits` significant digits, plainly for moderate magnitudes: 6.91, 0.0123,
  /// 1e-05 (trailing zeros dropped): legends and level keys, where a column is not aligned.
  public static func compact(_ v: Double, digits: Int = 3) -> String {
    guard v.isFinite, v != 0 else { return fixed(v, decimals: 0) }
    let magnitude = Int(floor(log10(abs(v))))
    if (-3...5).contains(magnitude) { return fixed(v, decimals: max(0, digits - 1 - magnitude)) }
    return exponent(v, decimals: digits - 1)
  }

  /// The first `count` significant digits of `x` > 0, correctly rounded, and its decimal exponent.
  static func decimalDigits(_ x: Double, count: Int) -> (String, Int) {
    let count = min(max(count, 1), 17)
    var buffer = [CChar](repeating: 0, count: 40)
    _ = withVaList([Int32(count - 1), x]) { vsnprintf(&buffer, buffer.count, "%.*e", $0) }
    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let e = text.firstIndex(of: "e") else { return (String(repeating: "0", count: count), 0) }
    let digits = text[..<e].filter { $0 != "." }
    return (String(digits), Int(text[text.index(after: e)...]) ?? 0)
  }

  /// `x` rounded to `digits` significant digits and written shortest: `0.4729` for 0.472870804502
  /// at 4; evidence and labels that a reader compares, without trailing zeros.
  public static func rounded(_ x: Double, digits: Int) -> String {
    shortest(roundedValue(x, digits: digits))
  }

  /// `x` rounded to `digits` significant digits, as a Double: 0.1 * 7 at 12 digits is 0.7.
  public static func roundedValue(_ x: Double, digits: Int) -> Double {
    guard x.isFinite, x != 0 else { return x }
    let shift = digits - 1 - Int(floor(log10(abs(x))))
    let scale = pow10(abs(shift))
    let r = shift >= 0 ? (x * scale).rounded() / scale : (x / scale).rounded() * scale
    return r.isFinite ? r : x
  }

  /// `v` rounded to `decimals` places, trailing zeros and a bare point removed: tick labels
  /// 0, 0.2, 0.4 ... 1, like plotext and d3.
  public static func fixed(_ v: Double, decimals: Int) -> String {
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
  public static func exponent(_ v: Double, decimals: Int) -> String {
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

  /// 10^n by repeated products for small n, as the readouts have always rounded.
  @usableFromInline
  static func pow10(_ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<max(0, n) { r *= 10 }
    return n >= 0 ? r : pow(10, Double(n))
  }
}
