// InfoNCE: softmax cross-entropy of one positive against K negatives at temperature t.
//
// Positive on x: L = -log(e^(x/t) / (e^(x/t) + K e^(sneg/t))) = softplus(log K + (sneg - x)/t),
// |dL/dx| = (1 - p+)/t. One negative on x (the other K-1 at sneg):
// L = softplus(logsumexp((x - spos)/t, log(K-1) + (sneg - spos)/t)), |dL/dx| = e^(x/t) / (t denominator).
// Both stay finite at t = 0.001 because nothing is exponentiated before the max is taken out.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct InfoNCE: LossView {
  let temperature: Double
  let logK: Double
  let sneg: Double

  public init(_ p: Parameters) {
    temperature = p["temperature"]
    logK = log(p["negatives"])
    sneg = p["sneg"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let t = logK + (sneg - x) / temperature
    return LossPoint(loss: softplus(t), grad: sigmoid(t) / temperature)
  }

  static let temperatureSpec = ParameterSpec(
    "temperature", symbol: "τ", default: 0.07, range: 0.001...10, step: 0.01,
    meaning: "softmax temperature").scaled(.log)
  static let snegSpec = ParameterSpec(
    "sneg", default: 0, range: -1...1, step: 0.05, meaning: "similarity of the negatives")
  static let source = "van den Oord, Li, Vinyals 2018, Representation Learning with Contrastive Predictive Coding, eq. 4; He et al. 2020, MoCo"

  public static let info = ViewInfo(
    name: "infonce", title: "InfoNCE (positive similarity)",
    formula: "L = -log(e^(s/t) / (e^(s/t) + K e^(sneg/t)))",
    source: source,
    axes: [AxisSpec("s", label: "s (positive similarity)", domain: -1...1, grad: "|dL/ds| = (1 - p+)/t")],
    parameters: [
      temperatureSpec,
      ParameterSpec("negatives", symbol: "K", kind: .integer, default: 255, range: 1...1e6, step: 1,
                    meaning: "number of negatives K").scaled(.log),
      snegSpec,
    ],
    build: { InfoNCE($0) })
}

public struct InfoNCENegative: LossView {
  let temperature: Double
  let logOthers: Double
  let sneg: Double
  let spos: Double

  public init(_ p: Parameters) {
    temperature = p["temperature"]
    logOthers = logCount(p["negatives"] - 1)
    sneg = p["sneg"]
    spos = p["spos"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let a = spos / temperature, b = x / temperature, c = logOthers + sneg / temperature
    // L = log(1 + e^(b-a) + e^(c-a)): softplus keeps a tiny loss accurate where
    // log(denominator) - a would cancel to 0.
    let others = logSumExp(b - a, c - a)
    let logDenominator = a + softplus(others)
    return LossPoint(loss: softplus(others), grad: exp(b - logDenominator) / temperature)
  }

  public static let info = ViewInfo(
    name: "infonce-neg", title: "InfoNCE (one negative's similarity)",
    formula: "L = -log(e^(spos/t) / (e^(spos/t) + e^(s/t) + (K-1) e^(sneg/t)))",
    source: InfoNCE.source,
    axes: [AxisSpec("s", label: "s (one negative's similarity)", domain: -1...1,
                    grad: "|dL/ds| = e^(s/t) / (t denominator)")],
    parameters: [
      InfoNCE.temperatureSpec,
      ParameterSpec("negatives", symbol: "K", kind: .integer, default: 255, range: 1...1e6, step: 1,
                    meaning: "number of negatives in all, the plotted one included").scaled(.log),
      ParameterSpec("sneg", default: 0, range: -1...1, step: 0.05,
                    meaning: "similarity of the other K-1 negatives"),
      ParameterSpec("spos", default: 0.8, range: -1...1, step: 0.05, meaning: "similarity of the positive"),
    ],
    build: { InfoNCENegative($0) })
}
