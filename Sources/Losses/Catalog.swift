// Every loss view by name, in the order docs/views.md lists them; adding a view is one line here.

public enum Catalog {
  public static let views: [ViewInfo] = [
    CrossEntropy.info, MSE.info, Focal.info, Anchor.info, AnchorNegative.info, GHMC.info,
    LabelSmoothing.info,
    Poly1.info,
    AsymmetricLoss.info,
    QualityFocal.info,
    Varifocal.info,
    SmoothL1.info,
    Huber.info,
    GHMR.info,
    Circle.info, NCE.info, InfoNCE.info, InfoNCENegative.info, NPair.info,
    SupCon.info,
    MultiSimilarity.positiveInfo, MultiSimilarity.negativeInfo,
    AngularMargin.arcInfo, AngularMargin.cosInfo,
    SphereFace.info,
    Contrastive.info, Triplet.info, Lifted.info, ProxyNCA.info, RankedList.info, Center.info,
  ]

  public static func view(named name: String) -> ViewInfo? {
    views.first { $0.name == name.lowercased() }
  }

  /// The closest known name, for "did you mean" messages; nil when nothing is close.
  public static func suggestion(for name: String) -> String? {
    closest(to: name.lowercased(), among: views.map(\.name))
  }
}

/// The candidate with the smallest edit distance, if it is within about a third of the word.
public func closest(to word: String, among candidates: [String]) -> String? {
  let scored = candidates.map { ($0, editDistance(word, $0)) }
  guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
  let prefixMatch = candidates.first { $0.hasPrefix(word) && !word.isEmpty }
  if best.1 <= max(2, word.count / 3) { return best.0 }
  return prefixMatch
}

/// Levenshtein distance over characters.
public func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = previous
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
