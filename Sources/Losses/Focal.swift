// Focal loss: cross-entropy scaled down by (1 - pt)^gamma so easy examples stop dominating.
//
// L = -alpha (1-pt)^gamma log pt
// dL/dz = -alpha (1-pt)^gamma (1 - pt - gamma pt log pt); both factors are >= 0, so grad is
// their product with no cancellation. Checkable: gamma 0 is CE; with gamma 2, CE/FL = 100 at
// pt = 0.9; for small pt the grad exceeds CE's 1 - pt because -gamma pt log pt > 0.

public struct Focal: LossView {
  let logitAxis: Bool
  let gamma: Double
  let alpha: Double

  public init(_ p: Parameters) {
    logitAxis = p.axis == .logit
    gamma = p["gamma"]
    alpha = p["alpha"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let pt = ProbabilityPoint(x, logitAxis: logitAxis)
    let modulation = alpha * power(pt.q, gamma)
    return LossPoint(
      loss: -modulation * pt.logP,
      grad: modulation * (pt.q - gamma * pt.p * pt.logP))
  }

  public static let gammaSpec = ParameterSpec(
    "gamma", symbol: "γ", default: 2, range: 0...10, step: 0.5,
    meaning: "focusing parameter: how fast easy examples are down-weighted")

  public static let info = ViewInfo(
    name: "focal", title: "Focal loss",
    formula: "L = -alpha (1-pt)^gamma log pt",
    source: "Lin, Goyal, Girshick, He, Dollar 2017, Focal Loss for Dense Object Detection (ICCV), eq. 5",
    notes: "alpha is the weight of the plotted example's class (alpha_t); alpha 1 reproduces Fig. 1",
    axes: [.pt, .logit],
    parameters: [
      gammaSpec,
      ParameterSpec(
        "alpha", symbol: "α", default: 1, range: 0...1, lowerOpen: true, step: 0.05,
        meaning: "class weight alpha_t of the plotted example"),
    ],
    build: { Focal($0) })
}
