// One anchor's row of similarities reduced to its statistics and its circle, MS and SupCon losses.
//
// For anchor i with positives P and negatives N (every other row, by label):
//   circle = softplus(LSE_n g a_n (s_n - m) + LSE_p -g a_p (s_p - 1 + m)), a_p = [1 + m - s_p]+, a_n = [s_n + m]+
//   ms     = (1/a) log(1 + sum_p e^(-a (s_p - l))) + (1/b) log(1 + sum_n e^(b (s_n - l)))
//   supcon = LSE_{k != i} (s_ik / T) - mean_p s_p / T
// Each log-sum-exp is shifted by its largest term (found in a first pass without exponentials),
// so no exponential overflows and the largest term is never lost to underflow; log(1 + e^x) is
// softplus. Triplets (i, p, n) are active when (d_p - d_n) + margin > 0, evaluated in exactly
// that order: the predicate is monotone in d_p and in d_n, so sorted positive distances, a table
// of where activity starts at 257 fixed distances, and a short binary search between two of them
// count them exactly, each negative tested as the plain formula would test it.

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

/// Scratch space for one worker, reused row after row: the anchor's sorted positive distances,
/// and for each of 257 distances b/128 the first of them that makes a triplet active.
struct EmbeddingScratch {
  var positives: [Double] = []
  var firsts = [Int](repeating: 0, count: EmbeddingAnchor.buckets + 1)
}

enum EmbeddingAnchor {
  /// Distance buckets of width 1/128 over [0, 2]: multiplying by 128 is exact, so a distance's
  /// bucket edges bracket it exactly.
  static let buckets = 256

  /// Statistics of anchor `i` from its similarity row `s` (all N columns; column i is ignored);
  /// nil when i has no positive or no negative.
  static func row(_ i: Int, _ s: UnsafeBufferPointer<Double>, labels: UnsafeBufferPointer<Int64>,
                  _ p: EmbeddingParameters, parts: EmbeddingParts = .all, scratch: inout EmbeddingScratch) -> EmbeddingAnchorRow? {
    let n = s.count, label = labels[i]
    let m = p.circleMargin, g = p.circleScale
    var r = EmbeddingAnchorRow()
    var spMin = Double.infinity, snMax = -Double.infinity, top = -Double.infinity
    var spSum = 0.0, snSum = 0.0, circleNTop = -Double.infinity, circlePTop = -Double.infinity
    let doCircle = parts.contains(.circle), doMS = parts.contains(.ms), doSupcon = parts.contains(.supcon)
    let doTriplets = parts.contains(.triplets), doMining = parts.contains(.mining)
    scratch.positives.removeAll(keepingCapacity: true)
    for j in 0..<n where j != i {
      let x = s[j]
      top = max(top, x)
      if labels[j] == label {
        r.positives += 1
        spSum += x
        spMin = min(spMin, x)
        circlePTop = max(circlePTop, -g * max(0, 1 + m - x) * (x - 1 + m))
        if doTriplets { scratch.positives.append(unitDistance(x)) }
      } else {
        r.negatives += 1
        snSum += x
        snMax = max(snMax, x)
        circleNTop = max(circleNTop, g * max(0, x + m) * (x - m))
      }
    }
    guard r.positives > 0, r.negatives > 0 else { return nil }
    r.index = i
    r.label = label
    r.spMin = spMin
    r.snMax = snMax
    r.spMean = spSum / Double(r.positives)
    r.snMean = snSum / Double(r.negatives)
    guard doCircle || doMS || doSupcon || doTriplets || doMining else { return r }
    let msPTop = -p.msAlpha * (spMin - p.msLambda), msNTop = p.msBeta * (snMax - p.msLambda)
    let negativeLimit = spMin - p.msEpsilon, positiveLimit = snMax + p.msEpsilon
    let margin = p.tripletMargin, count = doTriplets ? r.positives : 0
    var circleP = 0.0, circleN = 0.0, msP = 0.0, msN = 0.0, all = 0.0, active = 0
    scratch.positives.sort()
    scratch.positives.withUnsafeBufferPointer { dp in
      scratch.firsts.withUnsafeMutableBufferPointer { firsts in
        // firsts[b]: the first sorted positive distance d with (d - b/128) + margin > 0. It only
        // grows with b, so a negative's own first index lies between its bucket's two edges.
        var k = 0
        for b in 0...buckets {
          let edge = Double(b) / 128
          while k < count && !((dp[k] - edge) + margin > 0) { k += 1 }
          firsts[b] = k
        }
        for j in 0..<n where j != i {
          let x = s[j]
          if doSupcon { all += exp((x - top) / p.temperature) }
          if labels[j] == label {
            if doCircle { circleP += exp(-g * max(0, 1 + m - x) * (x - 1 + m) - circlePTop) }
            if doMS { msP += exp(-p.msAlpha * (x - p.msLambda) - msPTop) }
            if doMining && x < positiveLimit { r.positivesKept += 1 }
          } else {
            if doCircle { circleN += exp(g * max(0, x + m) * (x - m) - circleNTop) }
            if doMS { msN += exp(p.msBeta * (x - p.msLambda) - msNTop) }
            if doMining && x > negativeLimit { r.negativesKept += 1 }
            guard doTriplets else { continue }
            // Active triplets with this negative: positives from the first d with (d - dn) + margin > 0.
            let dn = unitDistance(x)
            // A similarity a rounding below -1 gives d just above 2: search to the end then.
            let raw = Int(dn * 128), b = min(buckets - 1, raw)
            var lo = firsts[b], hi = raw >= buckets ? count : firsts[b + 1]
            while lo < hi {
              let mid = (lo + hi) / 2
              if (dp[mid] - dn) + margin > 0 { hi = mid } else { lo = mid + 1 }
            }
            active += count - lo
          }
        }
      }
    }
    if doCircle { r.circleLoss = softplus(circleNTop + log(circleN) + circlePTop + log(circleP)) }
    if doMS { r.msLoss = softplus(msPTop + log(msP)) / p.msAlpha + softplus(msNTop + log(msN)) / p.msBeta }
    if doSupcon { r.supconLoss = (top - r.spMean) / p.temperature + log(all) }
    r.tripletsActive = active
    return r
  }
}
