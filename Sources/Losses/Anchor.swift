// Anchor loss: cross-entropy scaled by how far a prediction trails the hardest competing one.
//
// Positive (x = pt):   L = -(1 - pt + q)^gamma log pt,       q = min(qneg + slack, 1)
// Negative (x = p):    L = -(1 + p - q)^gamma log(1 - p),    q = max(ptarget - slack, 0)
// q is held constant. grad = |dL/dz| with dp/dz = p (1 - p). Written as c^gamma (a - b r),
// r = (1 - pt) / c <= 1, so c^(gamma - 1) never meets a zero base when gamma < 1.

public struct Anchor: LossView {
  let logitAxis: Bool
  let gamma: Double
  let anchor: Double

  public init(_ p: Parameters) {
    logitAxis = p.axis == .logit
    gamma = p["gamma"]
    anchor = min(p["qneg"] + p["slack"], 1)
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let pt = ProbabilityPoint(x, logitAxis: logitAxis)
    let c = pt.q + anchor
    let r = c > 0 ? pt.q / c : 1
    let scale = power(c, gamma)
    // dL/dz = (1 - pt)[gamma pt log pt c^(gamma-1) - c^gamma]; both terms are <= 0.
    return LossPoint(loss: -scale * pt.logP, grad: scale * (pt.q - gamma * pt.p * pt.logP * r))
  }

  static let gammaSpec = ParameterSpec(
    "gamma", symbol: "γ", default: 0.5, range: 0...5, step: 0.1,
    meaning: "how strongly the gap to the anchor scales the loss")
  static let slackSpec = ParameterSpec(
    "slack", symbol: "δ", default: 0.05, range: 0...1, step: 0.01,
    meaning: "slack added to the anchor probability")

  public static let info = ViewInfo(
    name: "anchor", title: "Anchor loss (positive)",
    formula: "L = -(1 - pt + q)^gamma log pt, q = min(qneg + slack, 1)",
    source: "Ryou, Jeong, Perona 2019, Anchor Loss: Modulating Loss Scale based on Prediction Difficulty (ICCV)",
    notes: "q, the anchor from the highest competing probability, is held constant",
    conventions: "the authors' `pos` variant (Ryou et al. 2019): q is the highest competing probability plus slack, clipped to 1, and held constant; other implementations differ in the slack's sign and in dividing by the number of classes.",
    axes: [.pt, .logit],
    parameters: [
      gammaSpec, slackSpec,
      ParameterSpec(
        "qneg", symbol: "q*", default: 0.5, range: 0...1, step: 0.05,
        meaning: "highest probability among the other classes (the anchor)"),
    ],
    build: { Anchor($0) })
}

public struct AnchorNegative: LossView {
  let logitAxis: Bool
  let gamma: Double
  let anchor: Double

  public init(_ p: Parameters) {
    logitAxis = p.axis == Self.backgroundLogitAxis
    gamma = p["gamma"]
    anchor = max(p["ptarget"] - p["slack"], 0)
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let pr = ProbabilityPoint(x, logitAxis: logitAxis)
    let c = 1 + pr.p - anchor
    let r = c > 0 ? pr.p / c : 1
    let scale = power(c, gamma)
    // dL/dp p(1-p) = p c^gamma - gamma p (1-p) log(1-p) c^(gamma-1); both terms are >= 0.
    return LossPoint(loss: -scale * pr.logQ, grad: scale * (pr.p - gamma * pr.q * pr.logQ * r))
  }

  static let backgroundAxis = AxisSpec("p", label: "p (background)", domain: 0...1, lowerOpen: true, upperOpen: true,
                                       grid: 0.001...0.999, grad: "|dL/dz| = |dL/dp| p (1 - p), z the logit of p")
  static let backgroundLogitAxis = AxisSpec("logit", label: "logit z", domain: -1000...1000, grid: -8...8,
                                            grad: "|dL/dz| = |dL/dp| p (1 - p), p = sigmoid(z)")

  public static let info = ViewInfo(
    name: "anchor-neg", title: "Anchor loss (background class)",
    formula: "L = -(1 + p - q)^gamma log(1 - p), q = max(ptarget - slack, 0)",
    source: "Ryou, Jeong, Perona 2019, Anchor Loss: Modulating Loss Scale based on Prediction Difficulty (ICCV)",
    notes: "x is the probability p of a background class; q is held constant",
    conventions: "the authors' `pos` variant (Ryou et al. 2019): q is the highest competing probability plus slack, clipped to 1, and held constant; other implementations differ in the slack's sign and in dividing by the number of classes.",
    axes: [backgroundAxis, backgroundLogitAxis],
    parameters: [
      Anchor.gammaSpec, Anchor.slackSpec,
      ParameterSpec(
        "ptarget", symbol: "p*", default: 0.5, range: 0...1, step: 0.05,
        meaning: "probability of the true class (the anchor)"),
    ],
    build: { AnchorNegative($0) })
}
