// The one binning loop of every GHM path: a unit of a batch's samples counted and summed in four interleaved lanes.
//
// A batch's sums depend only on its samples and their order, never on how they were read: the
// batch is cut into units of U = 2^16 samples (`GHMAccumulator.unit`, the last one shorter); in
// a unit sample k is added to lane k mod 4, each lane in sample order, and the unit's sum per bin
// is ((l0 + l1) + l2) + l3; the batch's sum is ((0 + u0) + u1) + ... in unit order. Lanes let
// the adds of bin 0 (where most of a converged detector's samples fall) overlap instead of each
// waiting for the one before it; units let a file be binned on several cores and its units merged
// in order. A CSV streamed row by row, a .npy pair on both cores and the app's population in
// memory all come through `add` here, so they write the same bits.

struct GHMLanes: Sendable {
  static let count = 4
  let bins: Int
  private(set) var counts: [Int]
  /// Lane l of bin i at l * bins + i.
  private var sumG: [Double]
  private var sumFocal: [Double]
  /// Samples binned in this unit, and samples outside [0, e_M) seen (not binned).
  private(set) var samples = 0
  private(set) var rejected = 0

  init(bins: Int) {
    self.bins = bins
    counts = [Int](repeating: 0, count: bins)
    sumG = [Double](repeating: 0, count: Self.count * bins)
    sumFocal = [Double](repeating: 0, count: Self.count * bins)
  }

  /// Bins `gs` after the samples already in the unit. `focal`, when given, holds each sample's
  /// focal norm (a cache for this gamma), which `focalNorm(g:gamma:)` computed bit for bit as this
  /// loop would.
  mutating func add(_ gs: UnsafeBufferPointer<Double>, focal: UnsafeBufferPointer<Double>?, edges bins: GHMBins, gamma: Double) {
    let m = self.bins, lanes = Self.count
    var rejected = 0, n = samples
    let top = bins.edge(m)
    // An integer gamma (2 by default) is a few multiplications, the same ones `power` makes.
    let whole = gamma > 0 && gamma <= 16 && gamma == gamma.rounded(.towardZero) ? Int(gamma) : -1
    // The hot loop of GHM on a hundred million samples: raw buffers, no optional per sample, and
    // the edge comparisons that make the bin exactly e_i <= g < e_(i+1) against the stored edges.
    bins.edges.withUnsafeBufferPointer { edges in
      counts.withUnsafeMutableBufferPointer { c in
        sumG.withUnsafeMutableBufferPointer { sg in
          sumFocal.withUnsafeMutableBufferPointer { sf in
            @inline(__always) func bin(_ g: Double) -> Int {
              guard g >= 0 && g < top else { return -1 }
              var i = Int(g * Double(m))
              if i >= m { i = m - 1 }
              if g < edges[i] { i -= 1 } else if i + 1 < m && g >= edges[i + 1] { i += 1 }
              return i
            }
            @inline(__always) func norm(_ g: Double) -> Double {
              guard whole >= 0 else { return focalNorm(g: g, gamma: gamma) }
              // power(g, gamma) as `power` computes it: by squaring, from 1.
              var p = 1.0, b = g, e = whole
              if e == 2 {  // the default: the loop below, unrolled (1 * g * g is g * g)
                p = g * g
                e = 0
              }
              while e > 0 {
                if e & 1 == 1 { p *= b }
                b *= b
                e >>= 1
              }
              guard g < 1 else { return p * g }
              return p * (g - gamma * (1 - g) * logOneMinus(g))
            }
            if let focal {
              for k in 0..<gs.count {
                let g = gs[k], i = bin(g)
                if i < 0 { rejected += 1; continue }
                let j = (n & (lanes - 1)) &* m &+ i
                n &+= 1
                c[i] &+= 1
                sg[j] += g
                sf[j] += focal[k]
              }
            } else {
              for k in 0..<gs.count {
                let g = gs[k], i = bin(g)
                if i < 0 { rejected += 1; continue }
                let j = (n & (lanes - 1)) &* m &+ i
                n &+= 1
                c[i] &+= 1
                sg[j] += g
                sf[j] += norm(g)
              }
            }
          }
        }
      }
    }
    samples = n
    self.rejected += rejected
  }

  /// The unit's counts and sums, lanes added in order.
  func folded() -> GHMAccumulator.Partial {
    let m = bins
    var total = GHMAccumulator.Partial(counts: counts, sumG: Array(sumG[0..<m]), sumFocal: Array(sumFocal[0..<m]),
                                       samples: samples, rejected: rejected)
    for lane in 1..<Self.count {
      for i in 0..<m {
        total.sumG[i] += sumG[lane * m + i]
        total.sumFocal[i] += sumFocal[lane * m + i]
      }
    }
    return total
  }

  /// Empties the unit for the next one.
  mutating func reset() {
    for i in counts.indices { counts[i] = 0 }
    for j in sumG.indices {
      sumG[j] = 0
      sumFocal[j] = 0
    }
    samples = 0
    rejected = 0
  }
}
