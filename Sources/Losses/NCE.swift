// Noise-contrastive estimation: a binary task, the data sample against k samples of known noise.
//
// With b = log k + logq (log of k times the noise probability q of a sample), the classifier's
// logit for "data" is s - b, and
//   L(s) = -log sigmoid(s - b) - k log(1 - sigmoid(sneg - b)) = softplus(b - s) + k softplus(sneg - b),
//   grad = |dL/ds| = sigmoid(b - s): the noise term does not depend on s.
// softplus and sigmoid never exponentiate a positive number, so everything is finite for
// |s| <= 1000 and every parameter in range (the largest loss, 1e6 softplus(100), is 1e8).
// Checkable: the data term is log 2 at s = b; k softplus(sneg - b) is the whole loss as s -> inf.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct NCE: LossView {
  let b: Double
  let noise: Double

  public init(_ p: Parameters) {
    let k = p["k"]
    b = log(k) + p["logq"]
    noise = k * softplus(p["sneg"] - b)
  }

  public func evaluate(_ x: Double) -> LossPoint {
    LossPoint(loss: softplus(b - x) + noise, grad: sigmoid(b - x))
  }

  public static let info = ViewInfo(
    name: "nce", title: "NCE (data sample's score)",
    formula: "L = softplus(b - s) + k softplus(sneg - b), b = log k + logq",
    source: "Gutmann, Hyvarinen 2010, Noise-contrastive estimation: A new estimation principle for "
      + "unnormalized statistical models (AISTATS); k noise samples per data sample as in "
      + "Gutmann, Hyvarinen 2012 (JMLR) and Mnih, Teh 2012 (ICML)",
    notes: "s is the model's unnormalised log-probability of the data sample. The data term "
      + "-log sigmoid(s - b) = softplus(b - s) equals log 2 at s = b, where e^s = k q and the "
      + "classifier calls the sample data or noise with even odds. The noise term k softplus(sneg - b) does not "
      + "move with s and only lifts the curve. NCE is a binary task (data vs noise, one logistic "
      + "regression per sample, q known); InfoNCE makes it one (k+1)-way classification of which "
      + "sample is the data one, and needs no q",
    axes: [AxisSpec("s", label: "s (data sample's score)", domain: -1000...1000, grid: -15...15,
                    grad: "|dL/ds| = sigmoid(b - s), b = log k + logq")],
    parameters: [
      ParameterSpec("k", kind: .integer, default: 10, range: 1...1e6, step: 1,
                    meaning: "noise samples per data sample").scaled(.log),
      ParameterSpec("logq", default: -9.21, range: -50...0, step: 0.5,
                    meaning: "log of the noise distribution's probability of each sample (-9.21: 1/10000)"),
      ParameterSpec("sneg", default: 0, range: -50...50, step: 0.5,
                    meaning: "the model's score s of each noise sample"),
    ],
    build: { NCE($0) })
}
