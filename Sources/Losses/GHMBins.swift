// GHM-C's gradient-norm bins and its harmonizing weights, following mmdetection's GHMC exactly.
//
// Edges e_i = i/M, the last one 1 + 1e-6 so g = 1 lands in the last bin. Without momentum a
// sample in bin i weighs N / (r_i n), n the number of non-empty bins. With momentum mu each
// non-empty bin keeps acc_i = mu acc_i + (1 - mu) r_i, from acc_i = 0, updated once per batch,
// and r_i is replaced by acc_i. Empty bins have no weight (0).

public struct GHMBins: Sendable, Equatable {
  public let count: Int
  /// e_0 ... e_M, computed once: binning a hundred million samples must not divide each time.
  public let edges: [Double]

  public init(count: Int) {
    self.count = max(1, count)
    let m = self.count
    edges = (0...m).map { $0 == m ? 1 + 1e-6 : Double($0) / Double(m) }
  }

  /// Lower edge of bin `i`; `edge(count)` is the top edge 1 + 1e-6.
  public func edge(_ i: Int) -> Double { edges[min(max(i, 0), count)] }

  /// Bin of gradient norm `g`, with the edges compared exactly as `e_i <= g < e_(i+1)`;
  /// nil outside [0, 1 + 1e-6).
  @inlinable
  public func index(of g: Double) -> Int? {
    guard g >= 0, g < 1 + 1e-6 else { return nil }
    var i = min(Int(g * Double(count)), count - 1)
    while i > 0 && g < edges[i] { i -= 1 }
    while i + 1 < count && g >= edges[i + 1] { i += 1 }
    return i
  }

  /// Counts per bin of a batch of gradient norms; values outside [0, 1] are not counted.
  public func counts<S: Sequence>(of gs: S) -> [Int] where S.Element == Double {
    var counts = [Int](repeating: 0, count: count)
    for g in gs {
      if let i = index(of: g) { counts[i] += 1 }
    }
    return counts
  }
}

/// The running state of GHM-C across batches: bins, momentum and the accumulated counts.
public struct GHMHarmonizer: Sendable, Equatable {
  public let bins: GHMBins
  public let momentum: Double
  public private(set) var accumulated: [Double]

  public init(bins: Int, momentum: Double) {
    self.bins = GHMBins(count: bins)
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
