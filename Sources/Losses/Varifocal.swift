// Varifocal loss (VarifocalNet): positives weighted by their soft target q, negatives focal.
//
// q > 0:  L = -q (q log p + (1 - q) log(1 - p)) = q BCE(p, q),  dL/dz = q (p - q)
// q = 0:  L = -alpha p^gamma log(1 - p),  dL/dz = alpha p^gamma (gamma (1 - p)(-log(1 - p)) + p)
// Positives are never down-weighted by their own p, only scaled by q (a high-IoU positive counts
// more); only negatives get focal loss's modulating factor. The loss jumps at q = 0 by design.
// Checkable: q = 1 is cross-entropy; q = 0 is alpha p^gamma BCE(p, 0); for q > 0 the minimum is at
// p = q with grad q |p - q|, linear in p.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct Varifocal: LossView {
  let logitAxis: Bool
  let target: Double
  let alpha: Double
  let gamma: Double

  public init(_ p: Parameters) {
    logitAxis = p.choice("axis") == "logit"
    target = p["q"]
    alpha = p["alpha"]
    gamma = p["gamma"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let pr = ProbabilityPoint(x, logitAxis: logitAxis)
    guard target == 0 else {
      return LossPoint(loss: target * softBCE(pr, target), grad: target * abs(difference(pr, target)))
    }
    let modulation = alpha * power(pr.p, gamma)
    return LossPoint(loss: -modulation * pr.logQ, grad: modulation * (pr.p - gamma * pr.q * pr.logQ))
  }

  public static let info = ViewInfo(
    name: "varifocal", title: "Varifocal loss (VarifocalNet)",
    formula: "q > 0: L = -q (q log p + (1-q) log(1-p)); q = 0: L = -alpha p^gamma log(1-p)",
    source: "Zhang, Wang, Dayoub, Sunderhauf 2021, VarifocalNet: An IoU-aware Dense Object Detector (CVPR), eq. 2; "
      + "mmdetection VarifocalLoss",
    notes: "x is the predicted IoU-aware score p of one class; q is its target, the IoU for the ground-truth class of "
      + "a positive and 0 otherwise. Positives keep their full BCE, scaled by q, so high-quality positives count "
      + "most; only negatives (q = 0) are down-weighted, by alpha p^gamma. The loss jumps between q = 0 and q > 0",
    conventions: "mmdetection's varifocal_loss (alpha 0.75, gamma 2, iou_weighted True) computes the negatives' weight "
      + "alpha |p - q|^gamma, which is alpha p^gamma at q = 0, and does not detach it; iou_weighted=False weights "
      + "positives by 1 instead of q.",
    axes: [.predicted, .predictedLogit],
    parameters: [
      QualityFocal.targetSpec,
      ParameterSpec("alpha", symbol: "α", default: 0.75, range: 0...1, step: 0.05,
                    meaning: "weight of the negatives (q = 0)"),
      ParameterSpec("gamma", symbol: "γ", default: 2, range: 0...10, step: 0.5,
                    meaning: "focusing parameter of the negatives (q = 0)"),
    ],
    build: { Varifocal($0) })
}
