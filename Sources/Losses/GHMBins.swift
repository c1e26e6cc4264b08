// GHM-C's gradient-norm bins and its harmonizing weights, following mmdetection's GHMC exactly.
//
// Edges e_i = i/M, the last one 1 + 1e-6 so g = 1 lands in the last bin: exact float64 edges by
// default, or mmdetection's float32 ones (`arange(M+1).float() / M`, compared in float32), which
// put a g that sits on an edge in float64 into a neighbouring bin now and then (1 - 0.9 with M = 10).
// Without momentum a sample in bin i weighs N / (r_i n), n the number of non-empty bins. With
// momentum mu each non-empty bin keeps acc_i = mu acc_i + (1 - mu) r_i, from acc_i = 0, updated
// once per batch, and r_i is replaced by acc_i. Empty bins have no weight (0).

/// How bin edges and gradient norms are computed: float64 and exact, or float32 as mmdetection does.
public enum GHMEdges: String, Sendable, CaseIterable {
  case exact, mmdet
}

public struct GHMBins: Sendable, Equatable {
  public let count: Int
  public let style: GHMEdges
  /// e_0 ... e_M, computed once: binning a hundred million samples must not divide each time.
  /// mmdetection's float32 edges are stored widened, which compares exactly as float32 does.
  public let edges: [Double]

  public init(count: Int, edges style: GHMEdges = .exact) {
    self.count = max(1, count)
    self.style = style
    let m = self.count
    switch style {
    case .exact: edges = (0...m).map { $0 == m ? 1 + 1e-6 : Double($0) / Double(m) }
    case .mmdet: edges = (0...m).map { i in Double(i == m ? Float(i) / Float(m) + Float(1e-6) : Float(i) / Float(m)) }
    }
  }

  /// Lower edge of bin `i`; `edge(count)` is the top edge, 1 + 1e-6 in the precision of the edges.
  public func edge(_ i: Int) -> Double { edges[min(max(i, 0), count)] }

  /// Bin of gradient norm `g`, with the edges compared exactly as `e_i <= g < e_(i+1)`;
  /// nil outside [0, e_M).
  @inlinable
  public func index(of g: Double) -> Int? {
    guard g >= 0, g < edges[count] else { return nil }
    var i = min(Int(g * Double(count)), count - 1)
    while i > 0 && g < edges[i] { i -= 1 }
    while i + 1 < count && g >= edges[i + 1] { i += 1 }
    return i
  }

  /// Counts per bin of a batch of gradient norms; values outside [0, e_M) are not counted.
  public func counts<S: Sequence>(of gs: S) -> [Int] where S.Element: BinaryFloatingPoint {
    var counts = [Int](repeating: 0, count: count)
    for g in gs {
      if let i = index(of: Double(g)) { counts[i] += 1 }
    }
    return counts
  }
}

/// The running state of GHM-C across batches: bins, momentum and the accumulated counts.
/// `update` is the only place a GHM-C weight is computed.
public struct GHMHarmonizer: Sendable, Equatable {
  public let bins: GHMBins
  public let momentum: Double
  public private(set) var accumulated: [Double]

  public init(bins: Int, momentum: Double, edges: GHMEdges = .exact) {
    self.bins = GHMBins(count: bins, edges: edges)
    self.momentum = momentum
    self.accumulated = [Double](repeating: 0, count: self.bins.count)
  }

  /// Takes one batch's counts, updates the momentum state and returns each bin's weight beta
  /// for this batch's samples (0 for empty bins).
  public mutating func update(counts: [Int]) -> [Double] {
    let total = Double(counts.reduce(0, +))
    let nonEmpty = Double(counts.filter { $0 > 0 }.count)
    var weights = [Double](repeating: 0, count: bins.count)
    guard nonEmpty > 0 else { return weights }
    for i in 0..<bins.count where counts[i] > 0 {
      let r = Double(counts[i])
      let denominator: Double
      if momentum > 0 {
        accumulated[i] = momentum * accumulated[i] + (1 - momentum) * r
        denominator = accumulated[i]
      } else {
        denominator = r
      }
      weights[i] = total / denominator / nonEmpty
    }
    return weights
  }
}

/// The one way to GHM-C's weights for a population in batches: every batch binned and passed
/// through the harmonizer in order; the last batch's counts and weights are what the `ghmc`
/// view, the app and the lessons use.
public enum GHMWeights {
  public static func lastBatch<C: RandomAccessCollection>(
    of g: C, batchEnds: [Int], bins: Int, momentum: Double, edges: GHMEdges = .exact
  ) -> (counts: [Int], weights: [Double]) where C.Element: BinaryFloatingPoint, C.Index == Int {
    var harmonizer = GHMHarmonizer(bins: bins, momentum: momentum, edges: edges)
    var counts = [Int](repeating: 0, count: harmonizer.bins.count)
    var weights = [Double](repeating: 0, count: harmonizer.bins.count)
    var start = g.startIndex
    for end in batchEnds where end > start && end <= g.endIndex {
      counts = harmonizer.bins.counts(of: g[start..<end])
      weights = harmonizer.update(counts: counts)
      start = end
    }
    return (counts, weights)
  }
}
