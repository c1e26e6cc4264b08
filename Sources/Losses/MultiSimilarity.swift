// Multi-similarity loss, split into its positive and negative terms for n equal pairs.
//
// Positive: L = (1/alpha) log(1 + n e^(-alpha (S - lambda))), |dL/dS| = sigmoid(log n - alpha (S - lambda)).
// Negative: L = (1/beta) log(1 + n e^(beta (S - lambda))),   |dL/dS| = sigmoid(log n + beta (S - lambda)).
// softplus keeps beta = 1000 at S = 1 finite.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct MultiSimilarity: LossView {
  /// +1 for the negative term, -1 for the positive one.
  let sign: Double
  let sharpness: Double
  let lambda: Double
  let logN: Double

  public init(_ p: Parameters, negative: Bool) {
    sign = negative ? 1 : -1
    sharpness = negative ? p["beta"] : p["alpha"]
    lambda = p["lambda"]
    logN = log(p["count"])
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let t = logN + sign * sharpness * (x - lambda)
    return LossPoint(loss: softplus(t) / sharpness, grad: sigmoid(t))
  }

  static let source = "Wang et al. 2019, Multi-Similarity Loss with General Pair Weighting for Deep Metric Learning (CVPR), eq. 12"
  static let lambdaSpec = ParameterSpec(
    "lambda", symbol: "λ", default: 1, range: -1...1, step: 0.05,
    meaning: "similarity threshold (0.5 in pytorch-metric-learning)")
  static let countSpec = ParameterSpec(
    "count", symbol: "n", kind: .integer, default: 1, range: 1...1e6, step: 1,
    meaning: "number of such pairs").scaled(.log)
  static let axis = AxisSpec("s", label: "S (pair similarity)", domain: -1...1, grad: "|dL/dS|")

  public static let positiveInfo = ViewInfo(
    name: "ms-pos", title: "Multi-similarity loss (positive pairs)",
    formula: "L = (1/alpha) log(1 + n e^(-alpha (S - lambda)))",
    source: source, axes: [axis],
    parameters: [
      ParameterSpec("alpha", symbol: "α", default: 2, range: 0.01...100, step: 0.5,
                    meaning: "sharpness of the positive term").scaled(.log),
      lambdaSpec, countSpec,
    ],
    build: { MultiSimilarity($0, negative: false) })

  public static let negativeInfo = ViewInfo(
    name: "ms-neg", title: "Multi-similarity loss (negative pairs)",
    formula: "L = (1/beta) log(1 + n e^(beta (S - lambda)))",
    source: source, axes: [axis],
    parameters: [
      ParameterSpec("beta", symbol: "β", default: 50, range: 0.01...1000, step: 5,
                    meaning: "sharpness of the negative term").scaled(.log),
      lambdaSpec, countSpec,
    ],
    build: { MultiSimilarity($0, negative: true) })
}
