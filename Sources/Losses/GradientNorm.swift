// g = |p - y| of one prediction and its label: the one check of both, for every predictions file.
//
// A label is 0 or 1; a probability lies in [0, 1]; a logit is finite and becomes sigmoid(z).
// With mmdetection's edges g is computed in float32, as `abs(pred.sigmoid() - target)` is there.

import LossText

public struct GradientNorm: Sendable {
  public let logits: Bool
  public let edges: GHMEdges

  public init(logits: Bool, edges: GHMEdges = .exact) {
    self.logits = logits
    self.edges = edges
  }

  /// Whether `y` is a label: 0 or 1.
  @inlinable @inline(__always)
  public static func isLabel(_ y: Double) -> Bool { y == 0 || y == 1 }

  /// g for prediction `x` (a probability, or a logit) and label `y`; NaN when either is invalid.
  @inlinable @inline(__always)
  public func callAsFunction(_ x: Double, _ y: Double) -> Double {
    guard Self.isLabel(y) else { return .nan }
    let p: Double
    if logits {
      guard x.isFinite else { return .nan }
      // Exact mode keeps the tail: 1 - sigmoid(z) = sigmoid(-z) without cancellation.
      if edges == .exact { return y == 1 ? sigmoid(-x) : sigmoid(x) }
      p = x
    } else {
      guard x >= 0 && x <= 1 else { return .nan }
      if edges == .exact { return abs(x - y) }
      p = x
    }
    let p32 = logits ? Float(sigmoid(p)) : Float(p)
    return Double(abs(p32 - Float(y)))
  }

  /// Why `x` and `y` give no g, as the end of a message; nil when they are valid.
  public func problem(_ x: Double, _ y: Double) -> String? {
    guard Self.isLabel(y) else { return "label \(text(y)) is not 0 or 1" }
    if logits { return x.isFinite ? nil : "logit \(text(x)) is not finite" }
    return x >= 0 && x <= 1 ? nil : "probability \(text(x)) is outside [0, 1]"
  }

  private func text(_ v: Double) -> String { v.isNaN ? "nan" : NumberText.shortest(v) }
}
