// Overflow-free building blocks: softplus, sigmoid, log-sum-exp, powers with 0^0 = 1.
//
// Goals, in order: finite results for every finite input, then full float64 accuracy.
// softplus(t) = log(1 + e^t) never forms e^t for t > 0; sigmoid never divides inf by inf.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// log(1 + e^t) without overflow.
@inlinable
public func softplus(_ t: Double) -> Double {
  t > 0 ? t + log1p(exp(-t)) : log1p(exp(t))
}

/// 1 / (1 + e^-t) without overflow.
@inlinable
public func sigmoid(_ t: Double) -> Double {
  if t >= 0 { return 1 / (1 + exp(-t)) }
  let e = exp(t)
  return e / (1 + e)
}

/// log(e^a + e^b); -inf terms are allowed and drop out.
@inlinable
public func logSumExp(_ a: Double, _ b: Double) -> Double {
  let m = max(a, b)
  if m == -.infinity { return -.infinity }
  return m + log1p(exp(min(a, b) - m))
}

/// log(e^a + e^b + e^c).
@inlinable
public func logSumExp(_ a: Double, _ b: Double, _ c: Double) -> Double {
  let m = max(a, b, c)
  if m == -.infinity { return -.infinity }
  return m + log(exp(a - m) + exp(b - m) + exp(c - m))
}

/// base^e with 0^0 = 1 and a zero exponent never producing NaN. Whole exponents up to 16
/// (focal's gamma 2 and 5) multiply by squaring instead of calling pow, which costs most of a
/// focal evaluation; the result is within a few ulp of pow's, far inside the tests' tolerance.
@inlinable
public func power(_ base: Double, _ e: Double) -> Double {
  guard e != 0 else { return 1 }
  guard e > 0, e <= 16, e == e.rounded(.towardZero) else { return pow(base, e) }
  var n = Int(e), b = base, result = 1.0
  while n > 0 {
    if n & 1 == 1 { result *= b }
    b *= b
    n >>= 1
  }
  return result
}

/// log(n), -inf for n = 0: the log-count of identical terms in a sum.
@inlinable
func logCount(_ n: Double) -> Double { n > 0 ? log(n) : -.infinity }

let degree = Double.pi / 180

/// sin of an angle in degrees, exactly 0 at 0 and 180 and exactly 1 at 90: the reflection
/// 180 - x is exact for x in [90, 180], where sin(x * pi/180) would leave 1.2e-16 at 180.
@inlinable
public func sinDegrees(_ x: Double) -> Double {
  let reflected = x > 90 && x <= 180 ? 180 - x : x
  return sin(reflected * (Double.pi / 180))
}

/// cos of an angle in degrees, exactly 0 at 90 and exactly -1 at 180.
@inlinable
public func cosDegrees(_ x: Double) -> Double {
  guard x > 45, x <= 180 else { return cos(x * (Double.pi / 180)) }
  if x > 135 { return -cos((180 - x) * (Double.pi / 180)) }
  return sin((90 - x) * (Double.pi / 180))
}
