// GHM-C: cross-entropy reweighted by the inverse density of gradient norms in a population.
//
// L = beta(g) (-log pt), grad = beta(g) (1 - pt), g = 1 - pt, beta from the population's bins
// (GHMBins.swift) and held constant. beta is piecewise constant, so the curves jump at bin edges.

public struct GHMC: LossView {
  let logitAxis: Bool
  let bins: GHMBins
  let weights: [Double]

  public init(_ p: Parameters) {
    logitAxis = p.axis == .logit
    bins = GHMBins(count: p.int("bins"))
    let population = SyntheticPopulation(samples: p.int("samples"), hard: p["hard"])
    weights = population.weights(bins: p.int("bins"), momentum: p["momentum"])
  }

  /// A GHM-C view over weights computed elsewhere (a predictions file).
  public init(weights: [Double], logitAxis: Bool = false) {
    self.logitAxis = logitAxis
    bins = GHMBins(count: weights.count)
    self.weights = weights
  }

  public func beta(_ g: Double) -> Double {
    bins.index(of: g).map { weights[$0] } ?? 0
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let pt = ProbabilityPoint(x, logitAxis: logitAxis)
    let b = beta(pt.q)
    return LossPoint(loss: -b * pt.logP, grad: b * pt.q)
  }

  public static let info = ViewInfo(
    name: "ghmc", title: "GHM-C loss",
    formula: "L = beta(g) (-log pt), g = 1 - pt, beta = N / (r_i n) from the population's bins",
    source: "Li, Liu, Wang 2019, Gradient Harmonized Single-stage Detector (AAAI), eq. 8; mmdetection GHMC",
    notes: "beta is held constant; the built-in population (deterministic) arrives in "
      + "\(SyntheticPopulation.batchCount) batches and beta is the last batch's after its momentum update",
    axes: [.pt, .logit],
    parameters: [
      ParameterSpec("bins", symbol: "M", kind: .integer, default: 30, range: 1...1000, step: 1,
                    meaning: "number of equal gradient-norm bins on [0, 1]").scaled(.log),
      ParameterSpec("momentum", symbol: "μ", default: 0.75, range: 0...0.99, step: 0.05,
                    meaning: "momentum of the accumulated bin counts (0: this batch only)"),
      ParameterSpec("samples", symbol: "N", kind: .integer, default: 100_000, range: 1000...10_000_000,
                    step: 10_000, meaning: "size of the built-in synthetic population").scaled(.log),
      ParameterSpec("hard", default: 0.02, range: 0...0.5, step: 0.01,
                    meaning: "fraction of very hard outliers in the synthetic population"),
    ],
    build: { GHMC($0) })
}
