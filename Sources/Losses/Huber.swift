// Huber loss: squared error within delta of the target, linear with slope delta beyond.
//
// L = 0.5 x^2 for |x| <= delta, delta (|x| - delta/2) otherwise;  |dL/dx| = |x|, then delta.
// Checkable: huber(delta) = delta smooth-l1(beta = delta); the pieces meet at |x| = delta.

public struct Huber: LossView {
  let delta: Double

  public init(_ p: Parameters) { delta = p["delta"] }

  public func evaluate(_ x: Double) -> LossPoint {
    let a = abs(x)
    guard a > delta else { return LossPoint(loss: 0.5 * a * a, grad: a) }
    return LossPoint(loss: delta * (a - 0.5 * delta), grad: delta)
  }

  public static let info = ViewInfo(
    name: "huber", title: "Huber loss",
    formula: "L = 0.5 x^2 for |x| <= delta, delta (|x| - delta/2) otherwise",
    source: "Huber 1964, Robust Estimation of a Location Parameter (Annals of Mathematical Statistics); torch.nn.HuberLoss",
    notes: "x is one regression error, prediction minus target. Squared error near 0, and beyond delta a gradient "
      + "capped at delta, so outliers cannot dominate; smooth L1 is the same curve divided by delta",
    conventions: "PyTorch's HuberLoss(delta=1) is this loss and requires delta > 0; at delta = 1 it equals "
      + "smooth_l1_loss(beta=1); for other delta, smooth-l1 with beta = delta is this loss divided by delta.",
    axes: [AxisSpec.error(grid: -3...3)],
    parameters: [
      ParameterSpec("delta", symbol: "δ", default: 1, range: 0...10, lowerOpen: true, step: 0.1,
                    meaning: "where the quadratic piece turns linear, in the unit of x"),
    ],
    build: { Huber($0) })
}
