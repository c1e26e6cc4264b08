// SupCon / NT-Xent: the loss of one positive when P positives share similarity s, K negatives at sneg.
//
// L = -log(e^(s/t) / (P e^(s/t) + K e^(sneg/t))) = log P + softplus(log(K/P) + (sneg - s)/t)
// |dL/ds| = sigmoid(log(K/P) + (sneg - s)/t) / t  (all P positives at s, moving together).
// P = 1 is NT-Xent (SimCLR) and InfoNCE exactly; for P > 1 the other positives sit in the
// denominator, so the loss never falls below log P: each positive competes with the others.
// Checkable: at s = sneg the loss is log(P + K); P = 1 equals infonce at the same t, K, sneg.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct SupCon: LossView {
  let temperature: Double
  let logP: Double
  let logRatio: Double
  let sneg: Double

  public init(_ p: Parameters) {
    temperature = p["temperature"]
    logP = log(p["positives"])
    logRatio = log(p["negatives"]) - logP
    sneg = p["sneg"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let t = logRatio + (sneg - x) / temperature
    return LossPoint(loss: logP + softplus(t), grad: sigmoid(t) / temperature)
  }

  public static let info = ViewInfo(
    name: "supcon", title: "SupCon / NT-Xent (one positive's loss)",
    formula: "L = -log(e^(s/t) / (P e^(s/t) + K e^(sneg/t)))",
    source: "Khosla et al. 2020, Supervised Contrastive Learning (NeurIPS), eq. 2 (L_out); Chen, Kornblith, Norouzi, "
      + "Hinton 2020, SimCLR (ICML), NT-Xent",
    notes: "the term of one positive in SupCon's L_out, whose average over the P positives is the anchor's loss: with "
      + "every positive at s the terms are equal, so the curve is the anchor's loss too. grad moves the P positives "
      + "together. P = 1 is NT-Xent and InfoNCE; for P > 1 the other positives share the denominator, so the loss "
      + "stays above log P however similar the positives get",
    conventions: "pytorch-metric-learning's SupConLoss (temperature 0.1) puts every positive and negative of the anchor "
      + "in the denominator, as here; its NTXentLoss (temperature 0.07 in recent versions) gives each positive pair "
      + "a denominator of that positive and the negatives only, this view at P = 1 whatever the number of positives. "
      + "SimCLR's NT-Xent has K = 2N - 2 negatives for a batch of N images.",
    axes: [AxisSpec("s", label: "s (positive similarity)", domain: -1...1, grad: "|dL/ds| = sigmoid(log(K/P) + (sneg - s)/t) / t")],
    parameters: [
      ParameterSpec("temperature", symbol: "τ", default: 0.1, range: 0.001...10, step: 0.01,
                    meaning: "softmax temperature").scaled(.log),
      ParameterSpec("positives", symbol: "P", kind: .integer, default: 1, range: 1...1e6, step: 1,
                    meaning: "number of positives of the anchor, all at similarity s").scaled(.log),
      ParameterSpec("negatives", symbol: "K", kind: .integer, default: 255, range: 1...1e6, step: 1,
                    meaning: "number of negatives K").scaled(.log),
      InfoNCE.snegSpec,
    ],
    build: { SupCon($0) })
}
