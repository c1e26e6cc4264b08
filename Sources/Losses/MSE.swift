// Squared error on a sigmoid output: the loss cross-entropy replaced, and why.
//
// L = (1 - pt)^2 against target 1 (no factor 1/2, as torch's MSELoss); with pt = sigmoid(z),
// dL/dz = -2 pt (1 - pt)^2, so grad = 2 pt (1 - pt)^2: CE's 1 - pt times 2 pt (1 - pt).
// Checkable: at pt = 0.05 grad is 0.09025 against CE's 0.95; grad peaks at 8/27 at pt = 1/3,
// where d2L/dz2 = 2 pt (1-pt)^2 (3 pt - 1) changes sign (not convex in z for pt < 1/3).
// 1 - pt comes from ProbabilityPoint (sigmoid(-z) on the logit axis), so nothing cancels.

public struct MSE: LossView {
  let logitAxis: Bool

  public init(_ p: Parameters) { logitAxis = p.axis == .logit }

  public func evaluate(_ x: Double) -> LossPoint {
    let pt = ProbabilityPoint(x, logitAxis: logitAxis)
    let squared = pt.q * pt.q
    return LossPoint(loss: squared, grad: 2 * pt.p * squared)
  }

  public static let info = ViewInfo(
    name: "mse", title: "Squared error on a sigmoid",
    formula: "L = (1 - pt)^2",
    source: "squared error against target 1 (torch.nn.MSELoss, no factor 1/2); "
      + "Goodfellow, Bengio, Courville 2016, Deep Learning, section 6.2.2.2",
    notes: "through a sigmoid, squared error is not convex in the logit (for pt < 1/3), and its "
      + "gradient 2 pt (1-pt)^2 vanishes for confidently wrong examples (pt -> 0), where CE's is 1 - pt: "
      + "learning is slowest exactly where it should be fastest",
    axes: [.pt, .logit], parameters: [],
    build: { MSE($0) })
}
