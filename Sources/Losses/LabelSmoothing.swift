// Label-smoothing cross-entropy: the target keeps 1 - e + e/K on the label and e/K on each other class.
//
// With the other K - 1 classes sharing 1 - pt evenly (where the loss is least for a given pt):
//   L = -a log pt - b log((1 - pt)/(K - 1)),  a = 1 - e + e/K,  b = e (K - 1)/K = 1 - a
//   dL/dz = pt - a  (z the binary logit of pt), so grad = |pt - a|, computed as |b - (1 - pt)|
//   above pt = 1/2, where pt - a would cancel. Both terms of L are >= 0 (pt <= 1 <= K - 1).
// Checkable: e = 0 is CE; L = (1 - e) CE + e H(u, p), u uniform (Szegedy et al.'s form); the
// minimum is at pt = a, a logit gap z_t - z_other = log(1 + K (1 - e)/e) (log 91 at e 0.1, K 10),
// where L is the entropy of the smoothed target: past it the loss rises, so the logit is capped.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct LabelSmoothing: LossView {
  let logitAxis: Bool
  /// The smoothed target's mass on the label, 1 - e + e/K, and off it, e (K - 1)/K.
  let onLabel: Double
  let offLabel: Double
  let logOthers: Double

  public init(_ p: Parameters) {
    logitAxis = p.choice("axis") == "logit"
    let e = p["epsilon"], k = p["classes"]
    offLabel = e * (k - 1) / k
    onLabel = 1 - offLabel
    logOthers = log(k - 1)
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let pt = ProbabilityPoint(x, logitAxis: logitAxis)
    // b = 0 (e = 0) leaves CE: its term is skipped rather than multiplied by a log.
    let off = offLabel > 0 ? offLabel * (logOthers - pt.logQ) : 0
    let gap = pt.p < 0.5 ? pt.p - onLabel : offLabel - pt.q
    return LossPoint(loss: -onLabel * pt.logP + off, grad: abs(gap))
  }

  /// Where the loss is least: pt = 1 - e + e/K.
  public var optimum: Double { onLabel }

  public static let info = ViewInfo(
    name: "label-smoothing", title: "Label-smoothing cross-entropy",
    formula: "L = -(1 - e + e/K) log pt - e (K-1)/K log((1 - pt)/(K-1))",
    source: "Szegedy, Vanhoucke, Ioffe, Shlens, Wojna 2016, Rethinking the Inception Architecture for Computer Vision (CVPR), section 7",
    notes: "the mass 1 - pt not on the label is spread evenly over the other K - 1 classes, where the loss is least "
      + "for a given pt. The loss is least at pt = 1 - e + e/K (0.91 at e 0.1, K 10), a logit gap z_t - z_other = "
      + "log(1 + K (1 - e)/e) (4.51), where it equals the entropy of the smoothed target; beyond it the loss rises "
      + "again, so the logit stops growing where CE's keeps falling. On the logit axis z = log(pt/(1 - pt)), and the "
      + "gap to each other class's logit is z + log(K - 1)",
    conventions: "PyTorch's cross_entropy(label_smoothing=e) and Keras' CategoricalCrossentropy(label_smoothing=e) use this "
      + "target ((1 - e) one-hot + e/K, as Szegedy et al.); implementations that put e/(K - 1) on each other class "
      + "(1 - e on the label) are this view with e K/(K - 1); Keras' BinaryCrossentropy(label_smoothing=e) is K = 2.",
    axes: [.pt, .logit],
    parameters: [
      ParameterSpec("epsilon", symbol: "ε", default: 0.1, range: 0...1, step: 0.05,
                    meaning: "smoothing: the share of the target spread uniformly over all K classes"),
      ParameterSpec("classes", symbol: "K", kind: .integer, default: 10, range: 2...1e6, step: 1,
                    meaning: "number of classes K").scaled(.log),
    ],
    build: { LabelSmoothing($0) })
}
