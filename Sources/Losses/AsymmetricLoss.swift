// Asymmetric loss (ASL): focal loss for multi-label, with its own gamma on each side and a
// probability margin that discards easy negatives.
//
// Positive label (x = p):  L = -(1 - p)^g+ log p                      (focal loss, alpha 1)
// Negative label (x = p):  L = -pm^g- log(1 - pm),  pm = max(p - m, 0)  (m = clip)
// For p <= m the negative's loss and gradient are exactly 0. Above it, with 1 - pm = (1 - p) + m
// and r = -log(1 - pm) / pm (>= 1, -> 1 as pm -> 0, so pm^(g- - 1) never meets 0):
//   dL/dz = p pm^g- (g- r (1 - p) + (1 - p) / (1 - pm)),  both terms >= 0.
// The ratio (1 - p)/(1 - pm) is 1 at m = 0 and (1 - p)/((1 - p) + m) otherwise, so a margin makes the
// gradient vanish as p -> 1 as well: very confident "negatives" (likely mislabeled) are let go.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct AsymmetricLoss: LossView {
  let logitAxis: Bool
  let negative: Bool
  let gammaPositive: Double
  let gammaNegative: Double
  let clip: Double

  public init(_ p: Parameters) {
    logitAxis = p.choice("axis") == "logit"
    negative = p.choice("side") == "negative"
    gammaPositive = p["gamma-pos"]
    gammaNegative = p["gamma-neg"]
    clip = p["clip"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let pr = ProbabilityPoint(x, logitAxis: logitAxis)
    guard negative else {
      let modulation = power(pr.q, gammaPositive)
      return LossPoint(loss: -modulation * pr.logP, grad: modulation * (pr.q - gammaPositive * pr.p * pr.logP))
    }
    let shifted = pr.p - clip
    guard shifted > 0 else { return LossPoint(loss: 0, grad: 0) }
    // -log(1 - pm): exact from the logit's log(1 - p) without a margin, log1p where pm is small.
    let minusLog = clip == 0 ? -pr.logQ : shifted < 0.5 ? -log1p(-shifted) : -log(pr.q + clip)
    let ratio = clip == 0 ? 1 : pr.q / (pr.q + clip)
    let modulation = power(shifted, gammaNegative)
    let slope = gammaNegative == 0 ? ratio : gammaNegative * minusLog / shifted * pr.q + ratio
    return LossPoint(loss: modulation * minusLog, grad: pr.p * modulation * slope)
  }

  public static let info = ViewInfo(
    name: "asl", title: "Asymmetric loss (ASL), positive or negative side",
    formula: "positive: L = -(1-p)^g+ log p; negative: L = -pm^g- log(1 - pm), pm = max(p - clip, 0)",
    source: "Ridnik, Ben-Baruch, Zamir, Noy, Friedman, Protter, Zelnik-Manor 2021, Asymmetric Loss For "
      + "Multi-Label Classification (ICCV); the authors' AsymmetricLoss (Alibaba-MIIL/ASL)",
    notes: "x is the predicted probability p of one label; side says whether that label is present (positive) or "
      + "absent (negative). On the negative side the margin shifts p down by clip: an easy negative with p <= clip "
      + "costs exactly nothing and pushes nothing, and since 1 - pm >= clip the gradient falls back towards 0 as "
      + "p -> 1, letting go of negatives so confident they are probably mislabeled. The weights pm^g- and "
      + "(1-p)^g+ are differentiated too, as in the paper's gradient analysis",
    conventions: "the authors' AsymmetricLoss defaults to gamma_pos 1, gamma_neg 4, clip 0.05 (the paper recommends "
      + "gamma+ 0, gamma- 4, m 0.05), clamps probabilities at eps = 1e-8 inside the logs (so no element costs more "
      + "than 18.4) and sums over elements; with disable_torch_grad_focal_loss (OpenMMLab's disable_grad_focal) the "
      + "weight is a constant in backprop and the gradient is the weight times CE's, not the derivative shown here.",
    axes: [.predicted, .predictedLogit],
    parameters: [
      ParameterSpec("gamma-pos", symbol: "γ+", default: 0, range: 0...10, step: 0.5,
                    meaning: "focusing parameter for positives (side=positive)"),
      ParameterSpec("gamma-neg", symbol: "γ-", default: 4, range: 0...10, step: 0.5,
                    meaning: "focusing parameter for negatives (side=negative)"),
      ParameterSpec("clip", symbol: "m", default: 0.05, range: 0...1, step: 0.01,
                    meaning: "probability margin m: negatives with p <= m are discarded (side=negative)"),
      ParameterSpec("side", kind: .choice(["positive", "negative"]), default: 0,
                    meaning: "whether the plotted label is present (positive) or absent (negative)"),
    ],
    build: { AsymmetricLoss($0) })
}
