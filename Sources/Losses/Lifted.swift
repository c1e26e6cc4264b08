// Lifted structured loss for one positive pair against n negatives per side at distance dneg.
//
// J = log(2 n e^(margin - dneg)) + d, L = [J]+^2 / 2, |dL/dd| = [J]+.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct Lifted: LossView {
  let offset: Double

  public init(_ p: Parameters) {
    offset = log(2 * p["negatives"]) + p["margin"] - p["dneg"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let j = max(0, offset + x)
    return LossPoint(loss: j * j / 2, grad: j)
  }

  public static let info = ViewInfo(
    name: "lifted", title: "Lifted structured loss",
    formula: "L = max(0, log(2 n e^(margin - dneg)) + d)^2 / 2",
    source: "Oh Song, Xiang, Jegelka, Savarese 2016, Deep Metric Learning via Lifted Structured Feature Embedding (CVPR), eq. 4",
    conventions: "this is pytorch-metric-learning's LiftedStructureLoss (Oh Song et al. 2016, the smooth bound of eq. 4 for one positive pair), not its GeneralizedLiftedStructureLoss, which sums over all positives and negatives of an anchor.",
    axes: [.distance("d", label: "d (positive pair)")],
    parameters: [
      ParameterSpec("margin", symbol: "α", default: 1, range: 0...10, step: 0.1, meaning: "margin"),
      ParameterSpec("dneg", default: 1, range: 0...4, step: 0.05, meaning: "distance of the negatives"),
      ParameterSpec("negatives", symbol: "n", kind: .integer, default: 1, range: 1...1e6, step: 1,
                    meaning: "negatives on each side of the pair").scaled(.log),
    ],
    build: { Lifted($0) })
}
