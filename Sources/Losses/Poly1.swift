// Poly-1: cross-entropy (or focal loss) with its leading polynomial coefficient raised by epsilon.
//
// CE = sum_j (1 - pt)^j / j; Poly-1 adds e (1 - pt), and its focal form adds e (1 - pt)^(gamma+1)
// to focal loss (alpha 1):  L = -(1-pt)^gamma log pt + e (1-pt)^(gamma+1).
// With u = 1 - pt and t(u) = -log(1 - u) - u = sum_{j>=2} u^j / j >= 0 (a series below u = 1/4,
// -log pt - u above, so that e = -1 does not cancel near pt = 1):
//   L = u^gamma (t(u) + (1 + e) u)
//   dL/dz = -u^gamma (u^2 + (1 + e)(gamma + 1) pt u + gamma pt t(u))
// Every term is >= 0 for e >= -1, the authors' bound: the loss stays positive and decreasing.
// Checkable: e = 0 is CE (focal at gamma); e = -1 is CE without its first term, sum_{j>=2} u^j/j.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct Poly1: LossView {
  let logitAxis: Bool
  let epsilon: Double
  let gamma: Double

  public init(_ p: Parameters) {
    logitAxis = p.choice("axis") == "logit"
    epsilon = p["epsilon"]
    gamma = p["gamma"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let pt = ProbabilityPoint(x, logitAxis: logitAxis)
    let u = pt.q
    let tail = u < 0.25 ? Self.logTail(u) : -pt.logP - u
    let modulation = power(u, gamma)
    let lead = (1 + epsilon) * u
    return LossPoint(
      loss: modulation * (tail + lead),
      grad: modulation * (u * u + lead * (gamma + 1) * pt.p + gamma * pt.p * tail))
  }

  /// -log(1 - u) - u for 0 <= u < 1/4, summed from its series: each term is u^j / j.
  static func logTail(_ u: Double) -> Double {
    var term = u * u, sum = 0.0, j = 2.0
    while term / j > 1e-17 * sum || j == 2 {
      sum += term / j
      term *= u
      j += 1
      if term == 0 { break }
    }
    return sum
  }

  public static let info = ViewInfo(
    name: "poly1", title: "Poly-1 (cross-entropy, or focal loss, plus e (1 - pt))",
    formula: "L = -(1-pt)^gamma log pt + e (1-pt)^(gamma+1)",
    source: "Leng, Tan, Liu, Cubuk, Shi, Cheng, Anguelov 2022, PolyLoss: A Polynomial Expansion Perspective of "
      + "Classification Loss Functions (ICLR): Poly-1 and its focal form",
    notes: "gamma 0 is Poly-1 on cross-entropy, -log pt + e (1 - pt); gamma > 0 its focal form. Cross-entropy is "
      + "sum_j (1 - pt)^j / j; e adds to the first coefficient, so e = -1 drops it, and e adds a constant e to "
      + "-dL/dpt at gamma 0 (e (gamma + 1) pt (1 - pt)^(gamma+1) to |dL/dz| in general). e >= -1 keeps the loss "
      + "positive and decreasing in pt",
    conventions: "the authors' code takes logits with softmax (CE) or sigmoid (focal form); in the focal form it "
      + "multiplies focal loss by alpha_t but not the added e (1 - pt)^(gamma+1) term (this view is alpha 1), so with "
      + "alpha < 1 and e near -1 their loss goes negative near pt = 1.",
    axes: [.pt, .logit],
    parameters: [
      ParameterSpec("epsilon", symbol: "ε", default: 1, range: -1...10, step: 0.5,
                    meaning: "added to the first polynomial coefficient (-1 removes the (1 - pt) term)"),
      ParameterSpec("gamma", symbol: "γ", default: 0, range: 0...10, step: 0.5,
                    meaning: "focal form's focusing parameter (0: Poly-1 on cross-entropy)"),
    ],
    build: { Poly1($0) })
}
