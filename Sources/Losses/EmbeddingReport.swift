// The analysis's results: the one-row summary, the histogram and the anchor rows, as numbers.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `summary` table's row. Losses and mean similarities are means over anchors; the triplet
/// and mining shares are shares of all triplets or pairs. Undefined means (no anchors, no
/// positive pairs) are NaN.
public struct EmbeddingSummary: Sendable, Equatable {
  public var n = 0, dim = 0, classes = 0, anchors = 0, positivePairs = 0, negativePairs = 0
  public var alignment = Double.nan, uniformity = Double.nan
  public var spMean = Double.nan, snMean = Double.nan
  public var circleLoss = Double.nan, msLoss = Double.nan, supconLoss = Double.nan
  public var tripletActive = Double.nan, msNegativesKept = Double.nan, msPositivesKept = Double.nan
}

public struct EmbeddingReport: Sendable {
  public let summary: EmbeddingSummary
  public let histogram: EmbeddingHistogram
  /// One row per anchor, in input order.
  public let anchors: [EmbeddingAnchorRow]
  /// How many rows were analysed as anchors (N, or the K sampled).
  public let rowsAnalysed: Int
  public let sampling: EmbeddingSampling
  /// The parts computed; the others hold zeros.
  public let parts: EmbeddingParts
  /// Pair counts and sums, the histogram included (anchors left out).
  let pairs: EmbeddingPartial
  let set: EmbeddingSet

  init(plan: EmbeddingPlan, total: EmbeddingPartial) {
    var pairs = total
    pairs.anchors = []
    self.init(set: plan.set, pairs: pairs, anchors: total.anchors, rowsAnalysed: plan.rows.count, sampling: plan.sampling,
              parts: plan.parts)
  }

  private init(set: EmbeddingSet, pairs: EmbeddingPartial, anchors rows: [EmbeddingAnchorRow], rowsAnalysed: Int,
               sampling: EmbeddingSampling, parts: EmbeddingParts) {
    var s = EmbeddingSummary()
    s.n = set.count
    s.dim = set.dim
    s.classes = set.classes
    s.anchors = rows.count
    s.positivePairs = pairs.positivePairs
    s.negativePairs = pairs.negativePairs
    if pairs.positivePairs > 0 { s.alignment = pairs.alignmentSum / Double(pairs.positivePairs) }
    let count = pairs.positivePairs + pairs.negativePairs
    if count > 0 { s.uniformity = log(pairs.uniformitySum / Double(count)) }
    if !rows.isEmpty {
      func mean(_ value: (EmbeddingAnchorRow) -> Double) -> Double { rows.reduce(0) { $0 + value($1) } / Double(rows.count) }
      s.spMean = mean(\.spMean)
      s.snMean = mean(\.snMean)
      s.circleLoss = mean(\.circleLoss)
      s.msLoss = mean(\.msLoss)
      s.supconLoss = mean(\.supconLoss)
      let triplets = rows.reduce(0) { $0 + $1.positives * $1.negatives }
      s.tripletActive = Double(rows.reduce(0) { $0 + $1.tripletsActive }) / Double(triplets)
      s.msNegativesKept = Double(rows.reduce(0) { $0 + $1.negativesKept }) / Double(rows.reduce(0) { $0 + $1.negatives })
      s.msPositivesKept = Double(rows.reduce(0) { $0 + $1.positivesKept }) / Double(rows.reduce(0) { $0 + $1.positives })
    }
    summary = s
    histogram = pairs.histogram
    anchors = rows
    self.rowsAnalysed = rowsAnalysed
    self.sampling = sampling
    self.parts = parts
    self.pairs = pairs
    self.set = set
  }

  /// This report with the parts `fresh` computed taken from `fresh` (same set and sampling):
  /// the same numbers as a whole run at fresh's parameters.
  public func updating(with fresh: EmbeddingReport) -> EmbeddingReport {
    let take = fresh.parts
    var rows = anchors
    if rows.count == fresh.anchors.count {
      for (k, new) in fresh.anchors.enumerated() {
        if take.contains(.circle) { rows[k].circleLoss = new.circleLoss }
        if take.contains(.ms) { rows[k].msLoss = new.msLoss }
        if take.contains(.supcon) { rows[k].supconLoss = new.supconLoss }
        if take.contains(.triplets) { rows[k].tripletsActive = new.tripletsActive }
        if take.contains(.mining) {
          rows[k].negativesKept = new.negativesKept
          rows[k].positivesKept = new.positivesKept
        }
      }
    }
    return EmbeddingReport(set: set, pairs: take.contains(.pairs) ? fresh.pairs : pairs, anchors: rows, rowsAnalysed: rowsAnalysed,
                           sampling: sampling, parts: parts.union(take))
  }
}
