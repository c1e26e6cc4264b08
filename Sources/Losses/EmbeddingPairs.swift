// One anchor's pairs with the weight each loss gives each: what an app shows for a selected anchor.
//
// circle: a_p = [1 + m - s_p]+ or a_n = [s_n + m]+ (the self-paced weights, held constant).
// multi-similarity: w+ = e^(-a (s_p - l)) / (1 + sum_P e^(-a (s_k - l))), w- = e^(b (s_n - l)) /
// (1 + sum_N e^(b (s_k - l))): the magnitude of d ms_loss / d s. SupCon: the softmax weight
// e^(s/T) / sum_{k != i} e^(s_k/T). Triplets: how many active triplets the pair is part of.
// Each sum is shifted by its largest term; similarities come from the same kernel order as the
// anchor's row in the tables, so these rows agree with them to the bit.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct EmbeddingPairRow: Sendable, Equatable {
  public var index = 0
  public var label: Int64 = 0
  public var positive = false
  public var similarity = 0.0, distance = 0.0
  public var circleWeight = 0.0, msWeight = 0.0, supconWeight = 0.0
  /// Active triplets (anchor, p, n) that contain this pair.
  public var triplets = 0
  /// Kept by multi-similarity mining.
  public var msKept = false
}

extension EmbeddingSet {
  /// Anchor `i`'s statistics and every other row as a pair with its weights, in input order;
  /// nil when i is out of range or is not an anchor (no positive or no negative).
  public func pairs(of i: Int, _ p: EmbeddingParameters) -> (anchor: EmbeddingAnchorRow, pairs: [EmbeddingPairRow])? {
    guard i >= 0 && i < count else { return nil }
    let s = rows.withUnsafeBufferPointer { r in (0..<count).map { EmbeddingKernel.dot(r, i, $0, stride: stride) } }
    var scratch = EmbeddingScratch()
    let found = s.withUnsafeBufferPointer { s in
      labels.withUnsafeBufferPointer { EmbeddingAnchor.row(i, s, labels: $0, p, scratch: &scratch) }
    }
    guard let anchor = found else { return nil }
    let label = labels[i], m = p.circleMargin
    let msPTop = max(0, -p.msAlpha * (anchor.spMin - p.msLambda)), msNTop = max(0, p.msBeta * (anchor.snMax - p.msLambda))
    let top = (0..<count).filter { $0 != i }.map { s[$0] }.max() ?? 0
    var msP = exp(-msPTop), msN = exp(-msNTop), all = 0.0
    var dp: [Double] = [], dn: [Double] = []
    for j in 0..<count where j != i {
      all += exp((s[j] - top) / p.temperature)
      if labels[j] == label {
        msP += exp(-p.msAlpha * (s[j] - p.msLambda) - msPTop)
        dp.append(unitDistance(s[j]))
      } else {
        msN += exp(p.msBeta * (s[j] - p.msLambda) - msNTop)
        dn.append(unitDistance(s[j]))
      }
    }
    dp.sort()
    dn.sort()
    var out: [EmbeddingPairRow] = []
    out.reserveCapacity(count - 1)
    for j in 0..<count where j != i {
      var r = EmbeddingPairRow(index: j, label: labels[j], positive: labels[j] == label, similarity: s[j], distance: unitDistance(s[j]))
      r.supconWeight = exp((s[j] - top) / p.temperature) / all
      let d = r.distance, margin = p.tripletMargin
      if r.positive {
        r.circleWeight = max(0, 1 + m - s[j])
        r.msWeight = exp(-p.msAlpha * (s[j] - p.msLambda) - msPTop) / msP
        r.msKept = s[j] < anchor.snMax + p.msEpsilon
        // Negatives n with (d - d_n) + margin > 0: a prefix of the ascending distances.
        r.triplets = firstIndex(dn) { (d - $0) + margin <= 0 }
      } else {
        r.circleWeight = max(0, s[j] + m)
        r.msWeight = exp(p.msBeta * (s[j] - p.msLambda) - msNTop) / msN
        r.msKept = s[j] > anchor.spMin - p.msEpsilon
        // Positives with (d_p - d) + margin > 0: a suffix of the ascending distances.
        r.triplets = dp.count - firstIndex(dp) { ($0 - d) + margin > 0 }
      }
      out.append(r)
    }
    return (anchor, out)
  }
}

/// The first index of sorted `values` where the monotone `test` holds (values.count if never).
private func firstIndex(_ values: [Double], where test: (Double) -> Bool) -> Int {
  var lo = 0, hi = values.count
  while lo < hi {
    let mid = (lo + hi) / 2
    if test(values[mid]) { hi = mid } else { lo = mid + 1 }
  }
  return lo
}
