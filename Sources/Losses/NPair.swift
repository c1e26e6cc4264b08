// N-pair loss: one positive against n negatives, the temperature-free ancestor of InfoNCE.
//
// L = log(1 + n e^(sneg - s)) = softplus(log n + sneg - s), |dL/ds| = sigmoid(log n + sneg - s).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct NPair: LossView {
  let offset: Double

  public init(_ p: Parameters) { offset = log(p["negatives"]) + p["sneg"] }

  public func evaluate(_ x: Double) -> LossPoint {
    let t = offset - x
    return LossPoint(loss: softplus(t), grad: sigmoid(t))
  }

  public static let info = ViewInfo(
    name: "npair", title: "N-pair loss",
    formula: "L = log(1 + n e^(sneg - s))",
    source: "Sohn 2016, Improved Deep Metric Learning with Multi-class N-pair Loss Objective (NIPS), eq. 3",
    axes: [AxisSpec("s", label: "s (positive similarity)", domain: -1...1, grad: "|dL/ds|")],
    parameters: [
      ParameterSpec("negatives", symbol: "n", kind: .integer, default: 7, range: 1...1e4, step: 1,
                    meaning: "number of negatives").scaled(.log),
      InfoNCE.snegSpec,
    ],
    build: { NPair($0) })
}
