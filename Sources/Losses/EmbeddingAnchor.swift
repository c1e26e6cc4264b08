// One anchor's row of similarities reduced to its statistics and its circle, MS and SupCon losses.
//
// For anchor i with positives P and negatives N (every other row, by label):
//   circle = softplus(LSE_n g a_n (s_n - m) + LSE_p -g a_p (s_p - 1 + m)), a_p = [1 + m - s_p]+, a_n = [s_n + m]+
//   ms     = (1/a) log(1 + sum_p e^(-a (s_p - l))) + (1/b) log(1 + sum_n e^(b (s_n - l)))
//   supcon = LSE_{k != i} (s_ik / T) - mean_p s_p / T
// Each log-sum-exp is shifted by its largest term (found in a first pass without exponentials),
// so no exponential overflows and the largest term is never lost to underflow; log(1 + e^x) is
// softplus. Triplets (i, p, n) are active when (d_p - d_n) + margin > 0, evaluated in exactly
// that order: the predicate is monotone in d_p, so sorted positive distances and a binary search
// count them exactly, with each negative's test done as the plain formula would do it.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One anchor's row of the `anchors` table, plus the counts behind the summary's shares.
public struct EmbeddingAnchorRow: Sendable, Equatable {
  public var index = 0
  public var label: Int64 = 0
  public var positives = 0
  public var negatives = 0
  public var spMin = 0.0, spMean = 0.0, snMax = 0.0, snMean = 0.0
  public var circleLoss = 0.0, msLoss = 0.0, supconLoss = 0.0
  /// Active triplets among positives x negatives.
  public var tripletsActive = 0
  /// Negatives kept by multi-similarity mining (s_n > sp_min - epsilon).
  public var negativesKept = 0
  /// Positives kept by multi-similarity mining (s_p < sn_max + epsilon).
  public var positivesKept = 0
}

/// d = sqrt(max(0, 2 - 2s)): the distance between unit vectors of similarity s.
@inlinable
public func unitDistance(_ s: Double) -> Double { (max(0, 2 - 2 * s)).squareRoot() }

/// Scratch space for one worker: the anchor's positive distances, reused row after row.
struct EmbeddingScratch {
  var positives: [Double] = []
}

enum EmbeddingAnchor {
  /// Statistics of anchor `i` from its similarity row `s` (all N columns; column i is ignored);
  /// nil when i has no positive or no negative.
  static func row(_ i: Int, _ s: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<Int64>,
                  _ p: EmbeddingParameters, scratch: inout EmbeddingScratch) -> EmbeddingAnchorRow? {
    let n = s.count, label = labels[i]
    let m = p.circleMargin, g = p.circleScale
    var r = EmbeddingAnchorRow()
    var spMin = Double.infinity, snMax = -Double.infinity, top = -Double.infinity
    var spSum = 0.0, snSum = 0.0, circleNTop = -Double.infinity, circlePTop = -Double.infinity
    for j in 0..<n where j != i {
      let x = s[j]
      top = max(top, x)
      if labels[j] == label {
        r.positives += 1
        spSum += x
        spMin = min(spMin, x)
        circlePTop = max(circlePTop, -g * max(0, 1 + m - x) * (x - 1 + m))
      } else {
        r.negatives += 1
        snSum += x
        snMax = max(snMax, x)
        circleNTop = max(circleNTop, g * max(0, x + m) * (x - m))
      }
    }
    guard r.positives > 0, r.negatives > 0 else { return nil }
    let msPTop = -p.msAlpha * (spMin - p.msLambda), msNTop = p.msBeta * (snMax - p.msLambda)
    let negativeLimit = spMin - p.msEpsilon, positiveLimit = snMax + p.msEpsilon
    var circleP = 0.0, circleN = 0.0, msP = 0.0, msN = 0.0, all = 0.0
    if scratch.positives.count < r.positives { scratch.positives = [Double](repeating: 0, count: r.positives) }
    var k = 0
    for j in 0..<n where j != i {
      let x = s[j]
      all += exp((x - top) / p.temperature)
      if labels[j] == label {
        circleP += exp(-g * max(0, 1 + m - x) * (x - 1 + m) - circlePTop)
        msP += exp(-p.msAlpha * (x - p.msLambda) - msPTop)
        if x < positiveLimit { r.positivesKept += 1 }
        scratch.positives[k] = unitDistance(x)
        k += 1
      } else {
        circleN += exp(g * max(0, x + m) * (x - m) - circleNTop)
        msN += exp(p.msBeta * (x - p.msLambda) - msNTop)
        if x > negativeLimit { r.negativesKept += 1 }
      }
    }
    r.index = i
    r.label = label
    r.spMin = spMin
    r.snMax = snMax
    r.spMean = spSum / Double(r.positives)
    r.snMean = snSum / Double(r.negatives)
    r.circleLoss = softplus(circleNTop + log(circleN) + circlePTop + log(circleP))
    r.msLoss = softplus(msPTop + log(msP)) / p.msAlpha + softplus(msNTop + log(msN)) / p.msBeta
    r.supconLoss = (top - r.spMean) / p.temperature + log(all)
    r.tripletsActive = activeTriplets(s, i: i, labels: labels, label: label, sorted: &scratch.positives, count: r.positives,
                                      margin: p.tripletMargin)
    return r
  }

  /// Triplets (i, p, n) with (d_p - d_n) + margin > 0: positives sorted once, each negative
  /// counted by the first positive distance that passes (all pass or none pass in two compares).
  static func activeTriplets(_ s: UnsafeBufferPointer<Double>, i: Int, labels: UnsafeBufferPointer<Int64>, label: Int64,
                             sorted: inout [Double], count: Int, margin: Double) -> Int {
    sorted[0..<count].sort()
    return sorted.withUnsafeBufferPointer { dp in
      let lowest = dp[0], highest = dp[count - 1]
      var active = 0
      for j in 0..<s.count where j != i && labels[j] != label {
        let dn = unitDistance(s[j])
        if (highest - dn) + margin <= 0 { continue }
        if (lowest - dn) + margin > 0 {
          active += count
          continue
        }
        // The first positive that passes; every later (larger) one passes too.
        var lo = 0, hi = count - 1
        while lo < hi {
          let mid = (lo + hi) / 2
          if (dp[mid] - dn) + margin > 0 { hi = mid } else { lo = mid + 1 }
        }
        active += count - lo
      }
      return active
    }
  }
}
