// The whole analysis of an embedding set: pair statistics, histogram and per-anchor rows, in chunks.
//
// Rows of similarities are computed a block of anchors at a time (memory: the N x D matrix plus
// `blockRows` x N similarities per worker). Work is cut into fixed chunks whose partial results
// are merged in chunk order, so one thread or several give bitwise the same numbers; the caller
// decides how many threads run the chunks (Losses itself starts none).
// Exact mode: every row is an anchor candidate and pairs are the unordered i < j. Sampled mode:
// K rows chosen by the seed, each against all N - 1 others, and the pairs are those K (N - 1)
// ordered (anchor, other) pairs.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which rows act as anchors and which pairs are counted.
public enum EmbeddingSampling: Sendable, Equatable {
  /// Every row; pairs are all unordered i < j.
  case all
  /// `count` rows drawn without replacement by `seed`, against all others.
  case anchors(count: Int, seed: UInt64)
}

/// Pair statistics and anchor rows of part of the work; partials merge in a fixed order.
public struct EmbeddingPartial: Sendable {
  public var positivePairs = 0, negativePairs = 0
  /// Sum of d^alpha over positive pairs.
  public var alignmentSum = 0.0
  /// Sum of exp(-t d^2) over all pairs.
  public var uniformitySum = 0.0
  public var histogram: EmbeddingHistogram
  public var anchors: [EmbeddingAnchorRow] = []

  init(bins: Int) { histogram = EmbeddingHistogram(bins: bins) }

  public mutating func merge(_ other: EmbeddingPartial) {
    positivePairs += other.positivePairs
    negativePairs += other.negativePairs
    alignmentSum += other.alignmentSum
    uniformitySum += other.uniformitySum
    histogram.merge(other.histogram)
    anchors += other.anchors
  }
}

/// The rows to analyse, cut into chunks; run `partial` for every chunk (on any thread), then `report`.
///
///     let set = try EmbeddingSet(values: matrix, dim: d, labels: labels)   // normalised once
///     let report = EmbeddingPlan(set, parameters: p).run()   // summary, histogram, anchors
///     let (anchor, pairs) = set.pairs(of: i, p)!              // one anchor's pairs and weights
///
/// After a parameter change, a plan for only the affected parts, merged into the last report,
/// gives the same bits as a whole new run at a fraction of the cost:
///
///     let parts = EmbeddingParts.affected(from: old, to: new)
///     report = report.updating(with: EmbeddingPlan(set, parameters: new, parts: parts).run())
public struct EmbeddingPlan: Sendable {
  public let set: EmbeddingSet
  public let parameters: EmbeddingParameters
  public let sampling: EmbeddingSampling
  /// The results to compute; the rest of the report is left at zero.
  public let parts: EmbeddingParts
  /// The rows whose similarity rows are computed, in input order.
  public let rows: [Int]
  public static let chunkRows = EmbeddingKernel.blockRows

  public init(_ set: EmbeddingSet, parameters: EmbeddingParameters, sampling: EmbeddingSampling = .all,
              parts: EmbeddingParts = .all) {
    self.set = set
    self.parts = parts
    self.parameters = parameters
    self.sampling = sampling
    switch sampling {
    case .all: rows = Array(0..<set.count)
    case .anchors(let k, let seed): rows = EmbeddingSampler.choose(min(max(k, 0), set.count), of: set.count, seed: seed)
    }
  }

  public var chunks: Int { (rows.count + Self.chunkRows - 1) / Self.chunkRows }

  /// The work of chunk `c` (0 ..< chunks).
  public func partial(_ c: Int) -> EmbeddingPartial {
    let n = set.count, p = parameters
    let slice = rows[(c * Self.chunkRows)..<min(rows.count, (c + 1) * Self.chunkRows)]
    var out = EmbeddingPartial(bins: p.bins)
    var scratch = EmbeddingScratch()
    var block = [Double](repeating: 0, count: slice.count * n)
    let exact = sampling == .all
    set.labels.withUnsafeBufferPointer { labels in
      block.withUnsafeMutableBufferPointer { b in
        EmbeddingKernel.block(set, anchors: slice, into: b)
        for (r, i) in slice.enumerated() {
          let s = UnsafeBufferPointer(rebasing: b[(r * n)..<((r + 1) * n)])
          if parts.contains(.pairs) { pairs(i, s, labels: labels, from: exact ? i + 1 : 0, into: &out) }
          if let row = EmbeddingAnchor.row(i, s, labels: labels, p, parts: parts, scratch: &scratch) { out.anchors.append(row) }
        }
      }
    }
    return out
  }

  /// Pair statistics of row i against columns from `start` on (column i skipped).
  private func pairs(_ i: Int, _ s: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<Int64>, from start: Int,
                     into out: inout EmbeddingPartial) {
    let alpha = parameters.alignAlpha, t = parameters.uniformT, label = labels[i]
    var positives = 0, negatives = 0, align = 0.0, uniform = 0.0
    out.histogram.positive.withUnsafeMutableBufferPointer { pos in
      out.histogram.negative.withUnsafeMutableBufferPointer { neg in
        let bins = pos.count
        for j in start..<s.count where j != i {
          let x = s[j], d = unitDistance(x)
          uniform += exp(-t * (d * d))
          let bin = EmbeddingHistogram.bin(x, bins: bins)
          if labels[j] == label {
            positives += 1
            align += power(d, alpha)
            pos[bin] += 1
          } else {
            negatives += 1
            neg[bin] += 1
          }
        }
      }
    }
    out.positivePairs += positives
    out.negativePairs += negatives
    out.alignmentSum += align
    out.uniformitySum += uniform
  }

  /// The merged result of every chunk's partial, given in chunk order.
  public func report(_ partials: [EmbeddingPartial]) -> EmbeddingReport {
    var total = EmbeddingPartial(bins: parameters.bins)
    for part in partials { total.merge(part) }
    return EmbeddingReport(plan: self, total: total)
  }

  /// Everything on the calling thread.
  public func run() -> EmbeddingReport { report((0..<chunks).map(partial)) }
}

/// Deterministic choice of anchors: SplitMix64 driving a partial Fisher-Yates shuffle.
public enum EmbeddingSampler {
  /// `k` distinct rows of `0 ..< n`, sorted.
  public static func choose(_ k: Int, of n: Int, seed: UInt64) -> [Int] {
    var state = seed
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var order = Array(0..<n)
    for t in 0..<min(k, n) {
      let j = t + Int(next() % UInt64(n - t))
      order.swapAt(t, j)
    }
    return order[0..<min(k, n)].sorted()
  }
}
