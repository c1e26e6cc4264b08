// A deterministic stand-in for a converged one-stage detector's predictions, for teaching GHM.
//
// Easy samples have logits z ~ N(-5, 2) (g = sigmoid(z): most g near 0, a thin slope up to 0.5);
// a fraction `hard` are outliers with z ~ N(4, 1.5) (g near 1, the label-noise bump of the GHM
// paper's Fig. 1). Samples arrive in `batches` equal batches so momentum has something to do.

import LossText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct SyntheticPopulation: Sendable, Equatable {
  public static let batchCount = 10
  public static let seed: UInt64 = 0x6C6F_7373_7363_6F70

  public let samples: Int
  public let hard: Double

  public init(samples: Int = 100_000, hard: Double = 0.02) {
    self.samples = max(samples, 1)
    self.hard = hard
  }

  /// How `lossscope ghm` and the app name it in a table's metadata.
  public var description: String {
    "built-in synthetic population (\(samples) samples, hard \(NumberText.shortest(hard)), \(Self.batchCount) batches)"
  }

  /// Gradient norms g = |p - y| of every sample, batch after batch, and each batch's end index.
  public func generate() -> (g: [Double], batchEnds: [Int]) {
    var rng = SplitMix64(seed: Self.seed)
    var g = [Double]()
    g.reserveCapacity(samples)
    for _ in 0..<samples {
      let outlier = rng.nextUnit() < hard
      let z = outlier ? 4 + 1.5 * rng.nextNormal() : -5 + 2 * rng.nextNormal()
      g.append(sigmoid(z))
    }
    let per = max(1, samples / Self.batchCount)
    let ends = (1...Self.batchCount).map { $0 == Self.batchCount ? samples : min(samples, $0 * per) }
    return (g, ends)
  }

  /// The weights beta of the last batch after every batch's momentum update.
  public func weights(bins: Int, momentum: Double) -> [Double] {
    let (g, ends) = generate()
    return Self.weights(g: g, batchEnds: ends, bins: bins, momentum: momentum)
  }

  /// The same for samples drawn earlier, so that a new bin count or momentum re-bins them
  /// instead of drawing the population again.
  public static func weights(g: [Double], batchEnds ends: [Int], bins: Int, momentum: Double) -> [Double] {
    GHMWeights.lastBatch(of: g, batchEnds: ends, bins: bins, momentum: momentum).weights
  }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, seedable, and the same on every platform.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1) with 53 random bits.
  mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Standard normal by Box-Muller; 1 - u keeps the log argument in (0, 1].
  mutating func nextNormal() -> Double {
    let u = 1 - nextUnit(), v = nextUnit()
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
  }
}
