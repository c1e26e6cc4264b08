// Which results of the embeddings analysis to compute: a parameter change recomputes only what depends on it.
//
// The similarities and each anchor's counts, extremes and means depend on no parameter and are
// always computed; every other result depends on its own parameters only:
//   pairs (alignment, uniformity, histogram): align-alpha, uniform-t, bins
//   circle: circle-margin, circle-scale;  ms: ms-alpha, ms-beta, ms-lambda;  supcon: temperature
//   triplets: triplet-margin;  mining: ms-epsilon

public struct EmbeddingParts: OptionSet, Sendable, Hashable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let pairs = EmbeddingParts(rawValue: 1)
  public static let circle = EmbeddingParts(rawValue: 2)
  public static let ms = EmbeddingParts(rawValue: 4)
  public static let supcon = EmbeddingParts(rawValue: 8)
  public static let triplets = EmbeddingParts(rawValue: 16)
  public static let mining = EmbeddingParts(rawValue: 32)
  public static let all: EmbeddingParts = [.pairs, .circle, .ms, .supcon, .triplets, .mining]

  /// The parts whose numbers differ between `old` and `new` parameters.
  public static func affected(from old: EmbeddingParameters, to new: EmbeddingParameters) -> EmbeddingParts {
    var parts: EmbeddingParts = []
    if old.alignAlpha != new.alignAlpha || old.uniformT != new.uniformT || old.bins != new.bins { parts.insert(.pairs) }
    if old.circleMargin != new.circleMargin || old.circleScale != new.circleScale { parts.insert(.circle) }
    if old.msAlpha != new.msAlpha || old.msBeta != new.msBeta || old.msLambda != new.msLambda { parts.insert(.ms) }
    if old.temperature != new.temperature { parts.insert(.supcon) }
    if old.tripletMargin != new.tripletMargin { parts.insert(.triplets) }
    if old.msEpsilon != new.msEpsilon { parts.insert(.mining) }
    return parts
  }
}
