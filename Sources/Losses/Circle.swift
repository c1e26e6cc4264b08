// Circle loss for one positive and one negative similarity, with self-paced weights a_p, a_n.
//
// L = softplus(scale (a_n (sn - d_n) - a_p (sp - d_p))), a_p = [1 + m - sp]+, a_n = [sn + m]+,
// d_p = 1 - m, d_n = m. a_p and a_n are held constant (stop-gradient, as in every reference
// implementation), so |dL/dsp| = scale a_p sigmoid(.) and |dL/dsn| = scale a_n sigmoid(.).
// On the circle sn^2 + (sp - 1)^2 = 2 m^2 the argument is 0 and L = log 2 for any scale.

public struct Circle: LossView {
  let onSn: Bool
  let margin: Double
  let scale: Double
  let fixed: Double

  public init(_ p: Parameters) {
    onSn = p.axis == Self.snAxis
    margin = p["margin"]
    scale = p["scale"]
    fixed = onSn ? p["sp"] : p["sn"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let (sp, sn) = onSn ? (fixed, x) : (x, fixed)
    let ap = max(0, 1 + margin - sp), an = max(0, sn + margin)
    let t = scale * (an * (sn - margin) - ap * (sp - (1 - margin)))
    let weight = onSn ? an : ap
    return LossPoint(loss: softplus(t), grad: scale * weight * sigmoid(t))
  }

  public static let marginSpec = ParameterSpec(
    "margin", symbol: "m", default: 0.25, range: 0...1, step: 0.05,
    meaning: "relaxation margin: optimum sp = 1 - m, sn = m")
  public static let scaleSpec = ParameterSpec(
    "scale", symbol: "γ", default: 256, range: 1...1024, step: 16,
    meaning: "scale factor (gamma in the paper)").scaled(.log)

  static let spAxis = AxisSpec("sp", label: "sp (positive similarity)", domain: -1...1, grad: "|dL/dsp| = scale a_p sigmoid(.)")
  static let snAxis = AxisSpec("sn", label: "sn (negative similarity)", domain: -1...1, grad: "|dL/dsn| = scale a_n sigmoid(.)")

  public static let info = ViewInfo(
    name: "circle", title: "Circle loss",
    formula: "L = softplus(scale (a_n (sn - m) - a_p (sp - 1 + m))), a_p = [1 + m - sp]+, a_n = [sn + m]+",
    source: "Sun et al. 2020, Circle Loss: A Unified Perspective of Pair Similarity Optimization (CVPR), eq. 6",
    notes: "a_p and a_n are held constant when differentiating (stop-gradient)",
    axes: [spAxis, snAxis],
    parameters: [
      marginSpec, scaleSpec,
      ParameterSpec("sn", default: 0.3, range: -1...1, step: 0.05,
                    meaning: "the negative similarity, held fixed", onlyOnAxis: "sp"),
      ParameterSpec("sp", default: 0.7, range: -1...1, step: 0.05,
                    meaning: "the positive similarity, held fixed", onlyOnAxis: "sn"),
    ],
    build: { Circle($0) })
}
