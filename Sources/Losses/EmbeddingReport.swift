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

  init(plan: EmbeddingPlan, total: EmbeddingPartial) {
    var s = EmbeddingSummary()
    s.n = plan.set.count
    s.dim = plan.set.dim
    s.classes = plan.set.classes
    s.anchors = total.anchors.count
    s.positivePairs = total.positivePairs
    s.negativePairs = total.negativePairs
    if total.positivePairs > 0 { s.alignment = total.alignmentSum / Double(total.positivePairs) }
    let pairs = total.positivePairs + total.negativePairs
    if pairs > 0 { s.uniformity = log(total.uniformitySum / Double(pairs)) }
    let rows = total.anchors
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
    histogram = total.histogram
    anchors = rows
    rowsAnalysed = plan.rows.count
    sampling = plan.sampling
  }
}
