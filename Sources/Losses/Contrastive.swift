// Contrastive loss (Hadsell, Chopra, LeCun): pull similar pairs together, push dissimilar ones past a margin.
//
// similar: L = d^2 / 2, |dL/dd| = d; dissimilar: L = [margin - d]+^2 / 2, |dL/dd| = [margin - d]+.

public struct Contrastive: LossView {
  let dissimilar: Bool
  let margin: Double

  public init(_ p: Parameters) {
    dissimilar = p.choice("pair") == "dissimilar"
    margin = p["margin"]
  }

  public func evaluate(_ x: Double) -> LossPoint {
    if dissimilar {
      let gap = max(0, margin - x)
      return LossPoint(loss: gap * gap / 2, grad: gap)
    }
    return LossPoint(loss: x * x / 2, grad: x)
  }

  public static let info = ViewInfo(
    name: "contrastive", title: "Contrastive loss",
    formula: "similar: L = d^2 / 2; dissimilar: L = max(0, margin - d)^2 / 2",
    source: "Hadsell, Chopra, LeCun 2006, Dimensionality Reduction by Learning an Invariant Mapping (CVPR), eq. 4",
    conventions: "pytorch-metric-learning's ContrastiveLoss is not squared and halved: it uses max(0, d - pos_margin) and max(0, neg_margin - d) to the first power (pos_margin 0, neg_margin 1); this view follows Hadsell, Chopra and LeCun (d^2 / 2 and max(0, m - d)^2 / 2).",
    axes: [.distance("d", label: "d (pair distance)")],
    parameters: [
      ParameterSpec("margin", symbol: "m", default: 1, range: 0...10, step: 0.1,
                    meaning: "distance beyond which dissimilar pairs cost nothing"),
      ParameterSpec("pair", kind: .choice(["similar", "dissimilar"]), default: 0,
                    meaning: "which kind of pair the plotted distance belongs to"),
    ],
    build: { Contrastive($0) })
}
