// Cross-entropy on the probability of the true class: the reference every other view is compared to.
//
// L = -log pt, grad = |dL/dz| = 1 - pt. On the logit axis L = softplus(-z), exact for |z| <= 1000.

public struct CrossEntropy: LossView {
  let logitAxis: Bool

  public init(_ p: Parameters) { logitAxis = p.axis == .logit }

  public func evaluate(_ x: Double) -> LossPoint {
    let pt = ProbabilityPoint(x, logitAxis: logitAxis)
    return LossPoint(loss: -pt.logP, grad: pt.q)
  }

  public static let info = ViewInfo(
    name: "ce", title: "Cross-entropy",
    formula: "L = -log pt",
    source: "standard binary / softmax cross-entropy",
    axes: [.pt, .logit], parameters: [],
    build: { CrossEntropy($0) })
}
