// `lossscope export` of the views beside focal loss, every row against the common libraries' formulas in numpy.

import Foundation
import Losses
import Testing

/// Reads a CSV that export wrote and prints, per data row, the expected `x loss grad` with repr's
/// round-trip digits. Each loss is written the way its library computes it (PyTorch's label
/// smoothing on K logits, the Poly-1 authors' code, the ASL authors' AsymmetricLoss, mmdetection's
/// quality_focal_loss, varifocal_loss and GHMR, torch's smooth_l1_loss and HuberLoss,
/// pytorch-metric-learning's SphereFaceLoss and SupConLoss); grads are those losses' derivatives
/// typed out. Nothing is shared with the Swift library but the grid rule and, for ghmr, the
/// built-in population of errors, which the test writes to a file.
private let referenceScript = #"""
from export_rows import *
from math import comb

logit = params.get("axis") == "logit"
if logit:
    p, q, logp, logq = sigmoid(xs), sigmoid(-xs), -softplus(-xs), -softplus(xs)
else:
    p, q = xs, 1.0 - xs
    logp, logq = np.log(xs), np.log1p(-xs)
z = xs if logit else logp - logq

if view == "label-smoothing":
    # torch cross_entropy(label_smoothing=e) on K logits (the label's z + log(K-1), the others 0):
    # (1 - e) (-log p_y) - e/K sum_k log p_k; dL/dz_y = p_y - (1 - e + e/K).
    e, k = column("epsilon", 0.1), column("classes", 10)
    log_other = logq - np.log(k - 1)
    loss = (1 - e) * -logp - e / k * (logp + (k - 1) * log_other)
    grad = np.abs(np.where(p < 0.5, p - (1 - e + e / k), e * (k - 1) / k - q))
elif view == "poly1":
    # poly1_cross_entropy: CE + e (1 - pt); poly1_focal_loss: BCE (1 - pt)^gamma + e (1 - pt)^(gamma + 1).
    e, g = column("epsilon", 1), column("gamma", 0)
    loss = -logp * q ** g + e * q ** (g + 1)
    grad = q ** g * (q - g * p * logp) + e * (g + 1) * p * q ** (g + 1)
elif view == "asl":
    # AsymmetricLoss: xs_neg = min(1 - p + clip, 1), loss = -log(xs) (1 - xs)^gamma, xs the side's.
    gp, gn, clip = column("gamma-pos", 0), column("gamma-neg", 4), column("clip", 0.05)
    if params.get("side") == "negative":
        pm = np.maximum(p - clip, 0)
        minus_log = -np.log1p(-pm)
        loss = pm ** gn * minus_log
        safe = np.where(pm > 0, pm, 1)
        dldp = np.where(gn > 0, gn * safe ** (gn - 1) * minus_log, 0) + pm ** gn / (q + clip)
        grad = np.where(pm > 0, dldp * p * q, 0)
    else:
        loss = -logp * q ** gp
        grad = q ** gp * (q - gp * p * logp)
elif view == "qfl" or view == "varifocal":
    # mmdetection: binary_cross_entropy_with_logits(pred, target) times the modulating weight.
    t = column("q", 0.5)
    bce = np.where(t > 0, -t * logp, 0) - (1 - t) * logq
    d = np.where(p > 0.5, (1 - t) - q, p - t)
    if view == "qfl":
        beta = column("beta", 2)
        loss = bce * np.abs(d) ** beta
        focusing = np.where(beta > 0, beta * np.abs(d) ** np.maximum(beta - 1, 0) * p * q * bce, 0)
        grad = np.where(beta >= 1, focusing + np.abs(d) ** (beta + 1), np.abs(d))
    else:
        alpha, gamma = column("alpha", 0.75), column("gamma", 2)
        loss = bce * np.where(t > 0, t, alpha * p ** gamma)
        grad = np.where(t > 0, t * np.abs(d), alpha * p ** gamma * (p - gamma * q * logq))
elif view == "smooth-l1":
    beta, m = column("beta", 1), np.abs(xs)
    loss = np.where(m < beta, 0.5 * m * m / np.where(beta > 0, beta, 1), m - 0.5 * beta)
    grad = np.where(m < beta, m / np.where(beta > 0, beta, 1), 1.0)
elif view == "huber":
    delta, m = column("delta", 1), np.abs(xs)
    loss = np.where(m <= delta, 0.5 * m * m, delta * (m - 0.5 * delta))
    grad = np.where(m <= delta, m, delta)
elif view == "ghmr":
    # GHMR.forward over the population's batches, then its weight at each plotted error.
    mu, bins, mmt = float(params.get("mu", 0.02)), int(params.get("bins", 10)), float(params.get("momentum", 0.7))
    errors = np.loadtxt(params["errors"])
    edges = np.arange(bins + 1) / bins
    edges[-1] = 1e3
    acc, weights = np.zeros(bins), np.zeros(bins)
    for batch in np.split(errors, 10):
        g = np.abs(batch / np.sqrt(mu * mu + batch * batch))
        counts = np.array([np.sum((g >= edges[i]) & (g < edges[i + 1])) for i in range(bins)], dtype=float)
        weights = np.zeros(bins)
        full = counts > 0
        acc[full] = mmt * acc[full] + (1 - mmt) * counts[full] if mmt > 0 else counts[full]
        weights[full] = len(batch) / acc[full] / full.sum()
    root = np.sqrt(xs * xs + mu * mu)
    g = np.abs(xs) / root
    beta = weights[np.searchsorted(edges, g, side="right") - 1]
    loss, grad = beta * (root - mu), beta * g
elif view == "sphereface":
    # SphereFaceLoss: cos(m theta) by the binomial sum, k = floor(theta / (pi / m)), (-1)^k cos - 2k,
    # then cross-entropy of the scaled logits; lambda blends in the plain cosine.
    m, s, classes = int(params.get("margin", 4)), float(params.get("scale", 64)), float(params.get("classes", 10))
    neg, lam = float(params.get("thetaneg", 90)), float(params.get("lambda", 0))
    c = xs if params.get("axis") == "cos" else np.cos(np.deg2rad(xs))
    k = np.clip(np.floor(np.arccos(np.clip(c, -1, 1)) / (np.pi / m)), 0, m - 1)
    sign = (-1.0) ** k
    cos_m = sum((-1) ** j * comb(m, 2 * j) * c ** (m - 2 * j) * (1 - c * c) ** j for j in range(m // 2 + 1))
    dcos_m = sum((-1) ** j * comb(m, 2 * j) * ((m - 2 * j) * c ** max(m - 2 * j - 1, 0) * (1 - c * c) ** j
                 - (2 * j * c * c ** (m - 2 * j) * (1 - c * c) ** (j - 1) if j > 0 else 0)) for j in range(m // 2 + 1))
    target = s * (lam * c + sign * cos_m - 2 * k) / (1 + lam)
    t = np.log(classes - 1) + s * np.cos(np.deg2rad(neg)) - target
    loss = softplus(t)
    dtarget = s * (lam + sign * dcos_m) / (1 + lam)
    if params.get("axis") != "cos":
        dtarget = dtarget * -np.sin(np.deg2rad(xs)) * np.pi / 180
    grad = sigmoid(t) * np.abs(dtarget)
elif view == "supcon":
    # SupConLoss for one anchor: -(mean over its P positives of log-softmax), all positives at s.
    t, P, K, sneg = column("temperature", 0.1), column("positives", 1), column("negatives", 255), column("sneg", 0)
    lse = np.logaddexp(np.log(P) + xs / t, np.log(K) + sneg / t)
    loss = -(xs / t - lse)
    grad = np.exp(np.log(K) + sneg / t - lse) / t
else:
    sys.exit("no reference for " + view)
for x, l, g in zip(xs, loss, grad):
    print(repr(float(x)), repr(float(l)), repr(float(g)))
"""#

@Suite(.enabled(if: numpyAvailable, "needs python3 with numpy"))
struct BesideFocalExportTests {
  /// Grids and parameters from the domains' edges to their middles, sweeps included. Each case's
  /// `slack` is the absolute round-off its library formula leaves (a log-softmax near 0, a polynomial
  /// near a root), in units of 1e-15.
  static let cases: [(view: String, parameters: [String], from: String, to: String, points: Int, slack: Double)] = [
    ("label-smoothing", [], "0.0004", "0.9996", 251, 1),
    ("label-smoothing", ["axis=logit", "epsilon=0.3", "classes=1000"], "-40", "40", 81, 1),
    ("label-smoothing", ["epsilon=0,0.1,1", "classes=2"], "0.01", "0.99", 50, 1),
    ("poly1", [], "0.001", "0.999", 201, 1),
    ("poly1", ["epsilon=-1,0,2,10", "gamma=2"], "0.02", "0.98", 49, 1),
    ("poly1", ["axis=logit", "epsilon=-1", "gamma=0.5"], "-30", "5", 71, 1),
    ("asl", [], "0.0001", "0.9999", 101, 1),
    ("asl", ["side=negative"], "0.001", "0.999", 333, 1),
    ("asl", ["side=negative", "axis=logit", "gamma-neg=1,2,4", "clip=0.2"], "-8", "12", 101, 1),
    ("asl", ["side=negative", "clip=0", "gamma-neg=0.5"], "0.001", "0.99", 100, 1),
    ("qfl", [], "0.001", "0.999", 201, 1),
    ("qfl", ["q=0,0.3,1", "beta=2"], "0.01", "0.97", 97, 1),
    ("qfl", ["axis=logit", "q=0.9", "beta=1,3"], "-10", "10", 64, 1),
    ("varifocal", [], "0.001", "0.999", 201, 1),
    ("varifocal", ["q=0,0.01,0.5,1", "alpha=0.25", "gamma=3"], "0.005", "0.995", 100, 1),
    ("varifocal", ["axis=logit", "q=0"], "-20", "20", 81, 1),
    ("smooth-l1", [], "-3", "3", 121, 1),
    ("smooth-l1", ["beta=0,0.1111111111111111,2"], "-1000", "1000", 101, 1),
    ("huber", ["delta=0.5,1,7.5"], "-20", "20", 161, 1),
    ("ghmr", [], "-0.25", "0.25", 201, 1),
    ("ghmr", ["mu=0.1", "bins=30", "momentum=0"], "-2", "2", 161, 1),
    ("sphereface", [], "0", "180", 181, 100),
    ("sphereface", ["axis=cos", "margin=3", "lambda=5", "scale=16"], "-1", "0.999", 150, 100),
    ("sphereface", ["margin=1", "classes=1000", "thetaneg=60"], "0.5", "179.5", 90, 100),
    ("supcon", [], "-1", "1", 101, 10),
    ("supcon", ["positives=1,4,64", "temperature=0.5", "negatives=65536", "sneg=0.3"], "-1", "1", 41, 10),
  ]

  @Test(arguments: cases.indices)
  func everyRowMatchesTheLibraryInNumpy(index: Int) throws {
    let c = Self.cases[index]
    let r = try run(["export", c.view] + c.parameters + ["--from", c.from, "--to", c.to, "--points", "\(c.points)"])
    #expect(r.status == 0 && r.stderr.isEmpty, "stderr: \(r.stderr)")
    let (header, rows) = csvRows(r.stdout)
    let axis = Catalog.view(named: c.view).map { info in
      c.parameters.first { $0.hasPrefix("axis=") }.map { String($0.dropFirst(5)) } ?? info.axes[0].name
    } ?? "?"
    let sweep = c.parameters.first { $0.contains(",") }
    let sweepValues = sweep.map { $0.split(separator: "=")[1].split(separator: ",").count } ?? 1
    #expect(header == (sweep.map { [String($0.split(separator: "=")[0])] } ?? []) + [axis, "loss", "grad"])
    #expect(rows.count == c.points * sweepValues)

    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("reference.py"), csv = folder.appendingPathComponent("export.csv")
    try writeReference(referenceScript, to: script)
    try r.stdout.write(to: csv, atomically: true, encoding: .utf8)
    var extra: [String] = []
    if c.view == "ghmr" {
      let errors = folder.appendingPathComponent("errors.txt")
      try SyntheticRegressionErrors.errors.map { "\($0)" }.joined(separator: "\n").write(to: errors, atomically: true, encoding: .utf8)
      extra = ["errors=\(errors.path)"]
    }
    let numpy = try spawn(
      ["python3", script.path, csv.path, c.view, c.from, c.to, "\(c.points)"] + c.parameters.filter { !$0.contains(",") } + extra,
      captureStderr: true)
    #expect(numpy.status == 0, "python: \(numpy.stderr)")
    let expected: [[Double]] = numpy.stdout.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
    #expect(expected.count == rows.count)

    var compared = 0
    for (row, want) in zip(rows, expected) where want.count == 3 {
      let got = row.suffix(3).compactMap(Double.init)
      guard got.count == 3 else {
        Issue.record("unreadable row \(row)")
        continue
      }
      #expect(got[0] == want[0], "x \(got[0]) vs numpy \(want[0])")
      #expect(agree(got[1], want[1], slack: c.slack), "\(c.view) \(row): loss vs numpy \(want[1])")
      #expect(agree(got[2], want[2], slack: c.slack), "\(c.view) \(row): grad vs numpy \(want[2])")
      compared += 1
    }
    #expect(compared == rows.count && compared > 0)
  }

  /// Relative agreement to 1e-12, plus the case's absolute slack (x 1e-15) and 1e-290 for subnormals.
  private func agree(_ a: Double, _ b: Double, slack: Double) -> Bool {
    a.isFinite && b.isFinite && abs(a - b) <= 1e-12 * max(abs(a), abs(b)) + slack * 1e-15 + 1e-290
  }

  @Test func theReferenceTellsTheWeightsAndTheDigitsApart() throws {
    // GHM-R's weights come from the population: numpy with the wrong momentum must disagree, and
    // one number off by one part in 1e9 must fail the comparison.
    let r = try run(["export", "ghmr", "--points", "41"])
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("reference.py"), csv = folder.appendingPathComponent("export.csv")
    let errors = folder.appendingPathComponent("errors.txt")
    try writeReference(referenceScript, to: script)
    try r.stdout.write(to: csv, atomically: true, encoding: .utf8)
    try SyntheticRegressionErrors.errors.map { "\($0)" }.joined(separator: "\n").write(to: errors, atomically: true, encoding: .utf8)
    func numpy(_ momentum: String) throws -> [[Double]] {
      let out = try spawn(["python3", script.path, csv.path, "ghmr", "-0.25", "0.25", "41", "momentum=\(momentum)", "errors=\(errors.path)"])
      return out.stdout.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
    }
    let rows: [Double] = csvRows(r.stdout).rows.compactMap { row in Double(row[1]) }
    let right: [Double] = try numpy("0.7").map { $0[1] }, wrong: [Double] = try numpy("0").map { $0[1] }
    #expect(rows.count == 41 && right.count == 41 && wrong.count == 41)
    #expect(zip(rows, right).allSatisfy { (a: Double, b: Double) in agree(a, b, slack: 1) })
    #expect(!zip(rows, wrong).allSatisfy { (a: Double, b: Double) in agree(a, b, slack: 1) })
    let loss = try #require(rows.last), numpyLoss = try #require(right.last)
    #expect(agree(loss, numpyLoss, slack: 1) && !agree(loss * (1 + 1e-9), numpyLoss, slack: 1))
  }

  @Test func everyNewViewHasAnExportCase() {
    let covered = Set(Self.cases.map(\.view))
    for name in ["label-smoothing", "poly1", "asl", "qfl", "varifocal", "smooth-l1", "huber", "ghmr", "sphereface", "supcon"] {
      #expect(covered.contains(name), "\(name)")
    }
  }
}
