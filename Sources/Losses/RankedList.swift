// Ranked list loss: positives pulled inside alpha - margin, negatives pushed beyond alpha.
//
// Positive (axis d): L = [d - (alpha - margin)]+, |dL/dd| = 1 while active.
// Negative (axis dneg): a weighted mean of [alpha - d_j]+ over the violating negatives
// (d_j < alpha), weights w_j = e^(T (alpha - d_j)) held constant. With the plotted one at x and
// `others` at dother, its share is w_x / W = sigmoid(-(log others + T (x - dother))), so no
// weight is exponentiated on its own; |dL/dx| = that share while x < alpha.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct RankedList: LossView {
  let onNegative: Bool
  let alpha: Double
  let margin: Double
  let temperature: Double
  let logOthers: Double
  let dother: Double

  public init(_ p: Parameters) {
    onNegative = p.axis == Self.negativeAxis
    alpha = p["alpha"]
    margin = p["margin"]
    temperature = p["temperature"]
    logOthers = logCount(p["others"])
    dother = p["dother"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    guard onNegative else {
      let excess = x - (alpha - margin)
      return excess > 0 ? LossPoint(loss: excess, grad: 1) : LossPoint(loss: 0, grad: 0)
    }
    let othersViolate = dother < alpha && logOthers > -.infinity
    guard x < alpha else {
      return LossPoint(loss: othersViolate ? alpha - dother : 0, grad: 0)
    }
    guard othersViolate else { return LossPoint(loss: alpha - x, grad: 1) }
    let share = sigmoid(-(logOthers + temperature * (x - dother)))
    return LossPoint(loss: share * (alpha - x) + (1 - share) * (alpha - dother), grad: share)
  }

  static let positiveAxis = AxisSpec("d", label: "d (one positive)", domain: 0...1e6, grid: 0...2, grad: "|dL/dd|, 1 where active")
  static let negativeAxis = AxisSpec("dneg", label: "d (one negative)", domain: 0...1e6, grid: 0...2, grad: "|dL/ddneg|, weights constant")

  public static let info = ViewInfo(
    name: "ranked-list", title: "Ranked list loss",
    formula: "positive: L = max(0, d - (alpha - margin)); negative: weighted mean of max(0, alpha - d_j), w_j = e^(T (alpha - d_j))",
    source: "Wang et al. 2019, Ranked List Loss for Deep Metric Learning (CVPR), eqs. 3, 5, 6",
    notes: "the weights w_j are held constant when differentiating",
    conventions: "the weights w_j are held constant (stop-gradient), as in the authors' code and pytorch-metric-learning; the paper's text differentiates through them.",
    axes: [positiveAxis, negativeAxis],
    parameters: [
      ParameterSpec("alpha", symbol: "α", default: 1.2, range: 0...4, step: 0.05,
                    meaning: "boundary: negatives must lie beyond alpha"),
      ParameterSpec("margin", symbol: "m", default: 0.4, range: 0...4, step: 0.05,
                    meaning: "positives must lie within alpha - margin", onlyOnAxis: "d"),
      ParameterSpec("temperature", symbol: "T", default: 10, range: 0...100, step: 1,
                    meaning: "weighting temperature of violating negatives", onlyOnAxis: "dneg"),
      ParameterSpec("others", kind: .integer, default: 1, range: 0...1e6, step: 1,
                    meaning: "other negatives", onlyOnAxis: "dneg"),
      ParameterSpec("dother", default: 1, range: 0...4, step: 0.05,
                    meaning: "distance of the other negatives", onlyOnAxis: "dneg"),
    ],
    build: { RankedList($0) })
}
