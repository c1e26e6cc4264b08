// GHM-C statistics per bin for a population that arrives in batches: what `lossscope ghm` writes.
//
// For each batch, after its momentum update: count r_i, density r_i / (N w) with w = 1/M, weight
// beta_i, the reweighted gradient norm at the bin centre c (CE: c; focal: |dFL/dz| at pt = 1 - c,
// alpha 1; GHM-C: beta_i c) and the totals over the bin's samples (sum g; sum of focal's norm at
// each g; beta_i sum g).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct GHMBinRow: Sendable, Equatable {
  public var bin: Int
  public var lo: Double
  public var hi: Double
  public var count: Int
  public var density: Double
  public var weight: Double
  public var ceNorm: Double
  public var focalNorm: Double
  public var ghmNorm: Double
  public var ceTotal: Double
  public var focalTotal: Double
  public var ghmTotal: Double
}

/// Feeds batches of gradient norms through GHM-C's bins and momentum, one table per batch.
/// Samples are counted as they come (`add(g:)`), so a batch of any size takes constant memory.
public struct GHMAccumulator: Sendable {
  public private(set) var harmonizer: GHMHarmonizer
  public let gamma: Double
  private var counts: [Int]
  // Sums kept in `lanes` interleaved copies (sample k of a batch in copy k mod lanes), added up
  // when the batch closes: most samples of a converged detector fall in bin 0, and with one copy
  // each add would wait for the one before it. Every path keeps the same copies, so a table does
  // not depend on how its samples were read.
  @usableFromInline static let lanes = 4
  private var sumG: [Double]
  private var sumFocal: [Double]
  private var seen = 0

  public init(bins: Int, momentum: Double, gamma: Double, edges: GHMEdges = .exact) {
    harmonizer = GHMHarmonizer(bins: bins, momentum: momentum, edges: edges)
    self.gamma = gamma
    counts = [Int](repeating: 0, count: harmonizer.bins.count)
    sumG = [Double](repeating: 0, count: Self.lanes * harmonizer.bins.count)
    sumFocal = [Double](repeating: 0, count: Self.lanes * harmonizer.bins.count)
  }

  public var bins: GHMBins { harmonizer.bins }

  /// Counts one sample of the current batch; g outside the edges is ignored.
  @inlinable
  public mutating func add(g: Double) {
    guard let i = bins.index(of: g) else { return }
    record(i, g)
  }

  @usableFromInline
  mutating func record(_ i: Int, _ g: Double) {
    let j = (seen % Self.lanes) * bins.count + i
    seen += 1
    counts[i] += 1
    sumG[j] += g
    sumFocal[j] += focalNorm(g: g, gamma: gamma)
  }

  /// Bins a whole batch and closes it.
  public mutating func add<C: Collection>(batch gs: C) -> [GHMBinRow] where C.Element == Double {
    for g in gs { add(g: g) }
    return endBatch()
  }

  /// Closes the current batch: the momentum update, then its table; the next batch starts empty.
  public mutating func endBatch() -> [GHMBinRow] {
    let m = bins.count
    let weights = harmonizer.update(counts: counts)
    let total = Double(counts.reduce(0, +))
    var sumG = Array(self.sumG[0..<m]), sumFocal = Array(self.sumFocal[0..<m])
    for lane in 1..<Self.lanes {
      for i in 0..<m {
        sumG[i] += self.sumG[lane * m + i]
        sumFocal[i] += self.sumFocal[lane * m + i]
      }
    }
    let rows = (0..<m).map { i in
      let centre = (Double(i) + 0.5) / Double(m)
      return GHMBinRow(
        bin: i, lo: bins.edge(i), hi: bins.edge(i + 1), count: counts[i],
        density: total > 0 ? Double(counts[i]) * Double(m) / total : 0, weight: weights[i],
        ceNorm: centre, focalNorm: focalNorm(g: centre, gamma: gamma), ghmNorm: weights[i] * centre,
        ceTotal: sumG[i], focalTotal: sumFocal[i], ghmTotal: weights[i] * sumG[i])
    }
    for i in 0..<m { counts[i] = 0 }
    for j in self.sumG.indices {
      self.sumG[j] = 0
      self.sumFocal[j] = 0
    }
    seen = 0
    return rows
  }

  /// Counts and sums of a run of samples, made independently of the running batch so that
  /// parts of a large file can be binned on several cores and merged in order.
  public struct Partial: Sendable {
    public var counts: [Int]
    public var sumG: [Double]
    public var sumFocal: [Double]
    public var rejected = 0

    /// An empty partial for `bins` bins.
    public init(bins: Int) {
      counts = [Int](repeating: 0, count: bins)
      sumG = [Double](repeating: 0, count: bins)
      sumFocal = [Double](repeating: 0, count: bins)
    }

    public init(counts: [Int], sumG: [Double], sumFocal: [Double], rejected: Int) {
      self.counts = counts
      self.sumG = sumG
      self.sumFocal = sumFocal
      self.rejected = rejected
    }

    /// Adds another partial of the same bins: the caller fixes the order, so sums are reproducible.
    public mutating func add(_ other: Partial) {
      for i in counts.indices {
        counts[i] += other.counts[i]
        sumG[i] += other.sumG[i]
        sumFocal[i] += other.sumFocal[i]
      }
      rejected += other.rejected
    }
  }

  /// Bins `gs` (values outside [0, 1] are counted as rejected) without touching the batch.
  /// `focal`, when given, holds each sample's focal norm already (a cache for this gamma).
  public func partial(_ gs: UnsafeBufferPointer<Double>, focal: UnsafeBufferPointer<Double>? = nil) -> Partial {
    binned(gs, focal: focal)
  }

  /// The same for the Float samples a population keeps in memory.
  public func partial(_ gs: UnsafeBufferPointer<Float>, focal: UnsafeBufferPointer<Double>? = nil) -> Partial {
    binned(gs, focal: focal)
  }

  // Generic inside the module only, so that each public entry point gets a specialised loop.
  @inline(__always)
  private func binned<G: BinaryFloatingPoint>(_ gs: UnsafeBufferPointer<G>, focal: UnsafeBufferPointer<Double>?) -> Partial {
    let m = bins.count
    // The same interleaved copies as `add(g:)` keeps, sample k of `gs` (k counting valid samples
    // only) in copy k mod lanes, added up at the end in the same order.
    let lanes = Self.lanes
    var counts = [Int](repeating: 0, count: m)
    var sumG = [Double](repeating: 0, count: lanes * m), sumFocal = [Double](repeating: 0, count: lanes * m)
    var rejected = 0, n = 0
    let gamma = self.gamma, top = bins.edge(m)
    // An integer gamma (2 by default) is a few multiplications, as `power` computes it.
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
              var p = 1.0, b = g, e = whole
              if e == 2 {  // the default: the loop below, unrolled
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
                let g = Double(gs[k]), i = bin(g)
                if i < 0 { rejected += 1; continue }
                let j = (n & (lanes - 1)) &* m &+ i
                n &+= 1
                c[i] &+= 1
                sg[j] += g
                sf[j] += focal[k]
              }
            } else {
              for k in 0..<gs.count {
                let g = Double(gs[k]), i = bin(g)
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
    var total = Partial(counts: counts, sumG: Array(sumG[0..<m]), sumFocal: Array(sumFocal[0..<m]), rejected: rejected)
    for lane in 1..<lanes {
      for i in 0..<m {
        total.sumG[i] += sumG[lane * m + i]
        total.sumFocal[i] += sumFocal[lane * m + i]
      }
    }
    return total
  }

  /// Adds a partial to the current batch.
  public mutating func merge(_ p: Partial) {
    for i in 0..<bins.count {
      counts[i] += p.counts[i]
      sumG[i] += p.sumG[i]
      sumFocal[i] += p.sumFocal[i]
    }
  }

  /// Samples counted in the current, unfinished batch.
  public var pending: Int { counts.reduce(0, +) }
}
