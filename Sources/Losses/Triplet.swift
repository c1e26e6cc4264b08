// Triplet loss as a function of the anchor-negative distance, the anchor-positive one held fixed.
//
// L = [f(dap) - f(d) + margin]+, f = square when squared, identity otherwise; |dL/dd| = f'(d)
// while active. soft replaces the hinge by softplus(f(dap) - f(d)) and ignores the margin
// (Hermans et al.'s soft-margin variant), |dL/dd| = sigmoid(f(dap) - f(d)) f'(d).

public struct Triplet: LossView {
  let squared: Bool
  let soft: Bool
  let margin: Double
  let positive: Double

  public init(_ p: Parameters) {
    squared = p.bool("squared")
    soft = p.bool("soft")
    margin = p["margin"]
    let dap = p["dap"]
    positive = squared ? dap * dap : dap
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let fx = squared ? x * x : x
    let slope = squared ? 2 * x : 1
    if soft {
      let t = positive - fx
      return LossPoint(loss: softplus(t), grad: sigmoid(t) * slope)
    }
    let hinge = positive - fx + margin
    return hinge > 0 ? LossPoint(loss: hinge, grad: slope) : LossPoint(loss: 0, grad: 0)
  }

  public static let info = ViewInfo(
    name: "triplet", title: "Triplet loss",
    formula: "L = max(0, f(dap) - f(d) + margin), f(d) = d^2 when squared; soft: log(1 + e^(f(dap) - f(d)))",
    source: "Schroff, Kalenichenko, Philbin 2015, FaceNet (CVPR), eq. 1; soft margin: Hermans, Beyer, Leibe 2017",
    notes: "x is the anchor-negative distance d(a, n); soft ignores margin",
    conventions: "soft=true is the soft margin of Hermans, Beyer and Leibe (log(1 + e^(f(dap) - f(x))), no margin); pytorch-metric-learning's TripletMarginLoss(smooth_loss=True) keeps the margin inside the softplus.",
    axes: [.distance("d", label: "d(a, n)")],
    parameters: [
      ParameterSpec("margin", symbol: "α", default: 0.2, range: 0...5, step: 0.05, meaning: "margin"),
      ParameterSpec("dap", symbol: "d(a,p)", default: 0.5, range: 0...4, step: 0.05,
                    meaning: "anchor-positive distance, held fixed"),
      ParameterSpec("squared", kind: .boolean, default: 0, meaning: "use squared distances (FaceNet)"),
      ParameterSpec("soft", kind: .boolean, default: 0, meaning: "softplus instead of the hinge"),
    ],
    build: { Triplet($0) })
}
