// Focal loss's gradient norm at a sample's g, computed per sample for GHM's focal totals, and the
// log(1 - g) behind it, which a hundred million samples make worth a cheaper form.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// |dFL/dz| of focal loss (alpha 1) for a sample with gradient norm g = 1 - pt.
@inlinable
public func focalNorm(g: Double, gamma: Double) -> Double {
  // At g = 1 (pt = 0, and the last bin reaches 1 + 1e-6) (1 - g) log(1 - g) tends to 0.
  guard g < 1 else { return power(g, gamma) * g }
  return power(g, gamma) * (g - gamma * (1 - g) * logOneMinus(g))
}

/// log(1 - g) for g in [0, 1). Below 1/8, where a converged detector puts most of its samples,
/// the series -g (1 + g Q(g)), Q = 1/2 + g/3 + ... + g^15/17 (the rest is under 2^-57 of the
/// sum), with Q evaluated in pairs (Estrin) so that one sample's terms do not wait on each other:
/// within 2 ulp of log1p and several times cheaper. Above 1/8, log1p itself.
@inlinable @inline(__always)
public func logOneMinus(_ g: Double) -> Double {
  guard g < 0.125 else { return log1p(-g) }
  let g2 = g * g, g4 = g2 * g2, g8 = g4 * g4
  let a0 = 0.5 + g * (1.0 / 3), a1 = 0.25 + g * (1.0 / 5), a2 = 1.0 / 6 + g * (1.0 / 7), a3 = 0.125 + g * (1.0 / 9)
  let a4 = 0.1 + g * (1.0 / 11), a5 = 1.0 / 12 + g * (1.0 / 13), a6 = 1.0 / 14 + g * (1.0 / 15), a7 = 0.0625 + g * (1.0 / 17)
  let b0 = a0 + a1 * g2, b1 = a2 + a3 * g2, b2 = a4 + a5 * g2, b3 = a6 + a7 * g2
  let q = (b0 + b1 * g4) + (b2 + b3 * g4) * g8
  return -g * (1 + g * q)
}
