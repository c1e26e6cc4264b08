// A deterministic stand-in for a detector's box-regression errors, for GHM-R's weights.
//
// 100,000 errors d = prediction - target in 10 equal batches: 90% d ~ N(0, 0.05^2) (boxes close to
// their targets) and 10% d ~ N(0, 0.5^2) (a wide tail of poorly regressed boxes), from a fixed seed,
// so every run gives the same weights. GHM-R bins each error's gradient norm |d| / sqrt(d^2 + mu^2),
// which depends on mu, so the errors are stored and binned again for every mu.

public enum SyntheticRegressionErrors {
  public static let samples = 100_000
  public static let batchCount = 10
  public static let tailShare = 0.1
  public static let coreSpread = 0.05
  public static let tailSpread = 0.5
  public static let seed: UInt64 = 0x6768_6D72_6572_726F

  /// The errors, batch after batch, drawn once per process.
  public static let errors: [Double] = {
    var rng = SplitMix64(seed: seed)
    return (0..<samples).map { _ in
      let tail = rng.nextUnit() < tailShare
      return (tail ? tailSpread : coreSpread) * rng.nextNormal()
    }
  }()

  /// The end index of each batch in `errors`.
  public static let batchEnds: [Int] = (1...batchCount).map { $0 * samples / batchCount }

  /// GHM-R's gradient norm of an error: |d| / sqrt(d^2 + mu^2), in [0, 1).
  @inlinable
  public static func gradientNorm(_ d: Double, mu: Double) -> Double {
    abs(d) / (d * d + mu * mu).squareRoot()
  }

  /// The weights of the last batch after every batch's momentum update, for mu.
  public static func weights(mu: Double, bins: Int, momentum: Double) -> [Double] {
    let g = errors.map { gradientNorm($0, mu: mu) }
    return GHMWeights.lastBatch(of: g, batchEnds: batchEnds, bins: bins, momentum: momentum).weights
  }
}
