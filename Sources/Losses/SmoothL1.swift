// Smooth L1 loss (Fast R-CNN): quadratic within beta of the target, linear beyond.
//
// L = 0.5 x^2 / beta for |x| < beta, |x| - beta/2 otherwise;  |dL/dx| = |x| / beta, then 1.
// Both pieces meet at |x| = beta with value beta/2 and slope 1. beta = 0 is L1 (the quadratic
// piece is empty). Checkable: smooth-l1(beta) = huber(delta = beta) / beta.

public struct SmoothL1: LossView {
  let beta: Double

  public init(_ p: Parameters) { beta = p["beta"] }

  public func evaluate(_ x: Double) -> LossPoint {
    let a = abs(x)
    guard a < beta else { return LossPoint(loss: a - 0.5 * beta, grad: 1) }
    return LossPoint(loss: 0.5 * a * (a / beta), grad: a / beta)
  }

  public static let info = ViewInfo(
    name: "smooth-l1", title: "Smooth L1 loss",
    formula: "L = 0.5 x^2 / beta for |x| < beta, |x| - beta/2 otherwise",
    source: "Girshick 2015, Fast R-CNN (ICCV), eq. 3 (beta 1); torch.nn.functional.smooth_l1_loss",
    notes: "x is one regression error, prediction minus target. Quadratic near 0, so small errors get small "
      + "gradients; linear beyond beta, so outliers push with a gradient of at most 1 (squared error's grows with x)",
    conventions: "PyTorch's smooth_l1_loss(beta=1) is this loss (beta = 0 is L1); mmdetection's SmoothL1Loss (beta 1) "
      + "requires beta > 0; torchvision's Faster R-CNN heads use beta 1/9, as py-faster-rcnn's RPN did with its "
      + "sigma 3 (beta = 1/sigma^2); PyTorch's HuberLoss(delta) is delta times this loss with beta = delta.",
    axes: [AxisSpec.error(grid: -3...3)],
    parameters: [
      ParameterSpec("beta", symbol: "β", default: 1, range: 0...10, step: 0.1,
                    meaning: "where the quadratic piece turns linear, in the unit of x"),
    ],
    build: { SmoothL1($0) })
}
