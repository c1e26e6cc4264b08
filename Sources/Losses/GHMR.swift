// GHM-R: the regression half of GHM, authentic smooth L1 reweighted by gradient-norm density.
//
// ASL1 (authentic smooth L1, not the asymmetric loss `asl`): L = sqrt(x^2 + mu^2) - mu, computed as
// x^2 / (sqrt(x^2 + mu^2) + mu) so that |x| << mu does not cancel; dL/dx = x / sqrt(x^2 + mu^2),
// whose magnitude g in [0, 1) is GHM-R's gradient norm. GHM-R multiplies by beta(g) from the
// population's bins (GHMBins, as GHM-C; mmdetection's last edge 1e3 instead of 1 + 1e-6 bins the
// same since g < 1), held constant: L = beta(g) ASL1(x), grad = beta(g) g. beta is piecewise
// constant, so the curves jump where g crosses a bin edge (all within a few mu of 0).
// Checkable: ASL1 ~ x^2 / (2 mu) near 0 and ~ |x| - mu far out; g(x) < 1 for every x.

public struct GHMR: LossView {
  let mu: Double
  let bins: GHMBins
  let weights: [Double]

  public init(_ p: Parameters) {
    mu = p["mu"]
    let count = p.int("bins")
    bins = GHMBins(count: count)
    weights = SyntheticRegressionErrors.weights(mu: mu, bins: count, momentum: p["momentum"])
  }

  /// A GHM-R view over weights computed elsewhere.
  public init(mu: Double, weights: [Double]) {
    self.mu = mu
    bins = GHMBins(count: weights.count)
    self.weights = weights
  }

  public func beta(_ g: Double) -> Double {
    bins.index(of: g).map { weights[$0] } ?? 0
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let root = (x * x + mu * mu).squareRoot()
    let g = abs(x) / root
    let b = beta(g)
    return LossPoint(loss: b * (x * x / (root + mu)), grad: b * g)
  }

  public static let info = ViewInfo(
    name: "ghmr", title: "GHM-R loss (ASL1 reweighted by gradient density)",
    formula: "L = beta(g) (sqrt(x^2 + mu^2) - mu), g = |x| / sqrt(x^2 + mu^2), beta = N / (r_i n) from the population's bins",
    source: "Li, Liu, Wang 2019, Gradient Harmonized Single-stage Detector (AAAI), GHM-R with ASL1; mmdetection GHMR",
    notes: "x is one regression error, prediction minus target. ASL1 is squared error / (2 mu) near 0 and |x| - mu "
      + "beyond a few mu; its gradient norm g = |x| / sqrt(x^2 + mu^2) is near 1 for most boxes (at mu 0.02 nearly "
      + "half the built-in errors have g >= 0.9), so GHM-R's weight beta (held constant) lowers that crowded top bin "
      + "and raises the few precise boxes. The weights come "
      + "from a built-in synthetic population of \(SyntheticRegressionErrors.samples) errors in "
      + "\(SyntheticRegressionErrors.batchCount) batches (90% N(0, 0.05^2), 10% N(0, 0.5^2)), the last batch's after "
      + "its momentum update; the GHM explorer and --predictions read classification predictions only, not regression errors",
    conventions: "mmdetection's GHMR (mu 0.02, bins 10, momentum 0 by default; RetinaNet's GHM config uses momentum 0.7 and "
      + "loss_weight 10) bins with edges i/M and a last edge of 1e3 and divides the summed loss by the number of "
      + "valid elements; the paper's ASL1 and this view's are the same.",
    axes: [AxisSpec.error(grid: -0.25...0.25)],
    parameters: [
      ParameterSpec("mu", symbol: "μ", default: 0.02, range: 0.0001...1, step: 0.005,
                    meaning: "ASL1's smoothing: quadratic within about mu of 0").scaled(.log),
      ParameterSpec("bins", symbol: "M", kind: .integer, default: 10, range: 1...1000, step: 1,
                    meaning: "number of equal gradient-norm bins on [0, 1]").scaled(.log),
      ParameterSpec("momentum", symbol: "mom", default: 0.7, range: 0...0.99, step: 0.05,
                    meaning: "momentum of the accumulated bin counts (0: the last batch only)"),
    ],
    build: { GHMR($0) })
}
