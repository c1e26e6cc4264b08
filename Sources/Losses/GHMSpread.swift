// How evenly CE, focal and GHM-C spread their weight over the gradient-norm bins: GHM-C's point in one number.
//
// A bin's total weight is what the loss gives all the samples of that difficulty together:
// CE counts each sample once (r_i); focal counts it by its norm over CE's (|dFL/dz| / g, summed
// here as the bin's focal total over its mean g); GHM-C by beta_i (beta_i r_i). Without momentum
// GHM-C's is N / n in every non-empty bin, exactly flat: "every difficulty contributes alike".
// The spread over the non-empty bins is given as max/min and as the coefficient of variation
// (standard deviation over mean, population form), 0 when flat.

public struct GHMSpread: Sendable, Equatable {
  /// Max over min and coefficient of variation of one loss's weight per bin.
  public struct Measure: Sendable, Equatable {
    public let ratio: Double
    public let cv: Double

    init(_ values: [Double]) {
      let positive = values.filter { $0 > 0 && $0.isFinite }
      guard let lo = positive.min(), let hi = positive.max() else {
        ratio = .nan
        cv = .nan
        return
      }
      let mean = positive.reduce(0, +) / Double(positive.count)
      let variance = positive.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(positive.count)
      ratio = hi / lo
      cv = variance.squareRoot() / mean
    }
  }

  /// Non-empty bins the spread is taken over.
  public let bins: Int
  public let ce: Measure
  public let focal: Measure
  public let ghm: Measure

  public init(_ rows: [GHMBinRow]) {
    let weights = Self.weightPerBin(rows)
    bins = weights.g.count
    ce = Measure(weights.ce)
    focal = Measure(weights.focal)
    ghm = Measure(weights.ghm)
  }

  /// Each non-empty bin's centre g and total weight under CE, focal and GHM-C.
  public static func weightPerBin(_ rows: [GHMBinRow]) -> (g: [Double], ce: [Double], focal: [Double], ghm: [Double]) {
    let filled = rows.filter { $0.count > 0 }
    let meanG = filled.map { $0.ceTotal / Double($0.count) }
    return (filled.map(\.ceNorm), filled.map { Double($0.count) },
            zip(filled, meanG).map { row, g in g > 0 ? row.focalTotal / g : 0 },
            filled.map { $0.weight * Double($0.count) })
  }

  /// How much larger momentum makes the weights after `batches` batches of steady counts:
  /// mmdetection's running mean acc = mu acc + (1 - mu) r starts at 0 and is not debiased, so
  /// acc = (1 - mu^k) r and beta = N / (acc n) is 1 / (1 - mu^k) times the momentum-free weight.
  public static func momentumFactor(momentum: Double, batches: Int) -> Double {
    guard momentum > 0, batches > 0 else { return 1 }
    var power = 1.0
    for _ in 0..<batches { power *= momentum }
    return 1 / (1 - power)
  }
}
