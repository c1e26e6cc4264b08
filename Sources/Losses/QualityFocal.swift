// Quality focal loss (GFL): focal loss towards a soft target q, the IoU of the predicted box.
//
// L = -|q - p|^beta ((1 - q) log(1 - p) + q log p) = |d|^beta BCE(p, q),  d = p - q
// dBCE/dz = d, so dL/dz = sign(d) |d|^(beta-1) (beta p (1 - p) BCE + d^2): both terms >= 0.
// d is taken as (1 - q) - (1 - p) above p = 1/2, so that p and q near 1 do not cancel. For
// beta < 1 the slope at d -> 0 is unbounded; |d|^(beta-1) is then formed in logs, and at d = 0
// exactly (the minimum, L = 0) grad is 0 (p (1-p) BCE, either side's, at beta = 1).
// Checkable: q = 1 is focal loss with gamma = beta; q = 0 is -p^beta log(1 - p), focal loss on a
// negative; beta = 0 is BCE with a soft target; the global minimum is at p = q, where L = 0.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// p - q with neither rounded away: from 1 - p (exact on both axes) when p is above 1/2.
@inlinable
func difference(_ pr: ProbabilityPoint, _ q: Double) -> Double {
  pr.p > 0.5 ? (1 - q) - pr.q : pr.p - q
}

/// Binary cross-entropy of p against a soft target q, from p's two logs.
@inlinable
func softBCE(_ pr: ProbabilityPoint, _ q: Double) -> Double {
  -(q * pr.logP + (1 - q) * pr.logQ)
}

public struct QualityFocal: LossView {
  let logitAxis: Bool
  let target: Double
  let beta: Double

  public init(_ p: Parameters) {
    logitAxis = p.choice("axis") == "logit"
    target = p["q"]
    beta = p["beta"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let pr = ProbabilityPoint(x, logitAxis: logitAxis)
    let bce = softBCE(pr, target)
    let ad = abs(difference(pr, target))
    let modulation = power(ad, beta)
    let loss = modulation * bce
    if beta == 0 { return LossPoint(loss: loss, grad: ad) }
    guard ad > 0 else { return LossPoint(loss: loss, grad: beta == 1 ? pr.p * pr.q * bce : 0) }
    // beta |d|^(beta-1) p (1-p) BCE: direct for beta >= 1 (the power is <= 1), in logs below 1,
    // where |d|^(beta-1) alone may overflow while the product is small.
    let focusing = beta >= 1
      ? beta * power(ad, beta - 1) * pr.p * pr.q * bce
      : beta * exp(pr.logP + pr.logQ + log(bce) + (beta - 1) * log(ad))
    return LossPoint(loss: loss, grad: focusing + modulation * ad)
  }

  static let targetSpec = ParameterSpec(
    "q", default: 0.5, range: 0...1, step: 0.05,
    meaning: "soft target: the IoU of the predicted box with its ground truth (0 for a negative)")

  public static let info = ViewInfo(
    name: "qfl", title: "Quality focal loss (GFL)",
    formula: "L = -|q - p|^beta ((1-q) log(1-p) + q log p)",
    source: "Li, Wang, Wu, Chen, Hu, Li, Tang, Yang 2020, Generalized Focal Loss: Learning Qualified and "
      + "Distributed Bounding Boxes for Dense Object Detection (NeurIPS), eq. 5; mmdetection QualityFocalLoss",
    notes: "x is the predicted score p of one class, trained towards q (the IoU for the ground-truth class of a "
      + "positive, 0 for every other class and every negative). The factor |q - p|^beta replaces focal loss's "
      + "(1 - pt)^gamma; the global minimum is at p = q, where the loss is 0. The factor is differentiated too. "
      + "beta below 1 makes the slope at p = q unbounded; grad is reported as 0 at p = q exactly",
    conventions: "mmdetection's quality_focal_loss (beta 2, use_sigmoid only) applies this to every class: p^beta BCE(p, 0) "
      + "for the negatives, |q - p|^beta BCE(p, q) for a positive's class, summed over classes and averaged over "
      + "the number of positives; its scale factor is not detached, as here.",
    axes: [.predicted, .predictedLogit],
    parameters: [
      targetSpec,
      ParameterSpec("beta", symbol: "β", default: 2, range: 0...10, step: 0.5,
                    meaning: "focusing parameter on the distance |q - p|"),
    ],
    build: { QualityFocal($0) })
}
