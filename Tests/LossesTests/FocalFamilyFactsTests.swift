// The checkable facts of label smoothing, Poly-1, ASL, QFL and VFL, each computed from the library
// and held against its paper's statement or its common library's formula, typed out here.

import Losses
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct FocalFamilyFactsTests {
  static let pts = interior(0, 1, count: 49) + [1e-300, 1e-8, 0.9999999]

  // MARK: - label smoothing

  @Test func labelSmoothingWithoutSmoothingIsCrossEntropy() {
    for axis in ["pt", "logit"] {
      let ce = build("ce", ["axis": axis]), ls = build("label-smoothing", ["axis": axis, "epsilon": "0", "classes": "1000"])
      for x in edgePoints(ce.axis) {
        #expect(ls(x).loss == ce(x).loss && close(ls(x).grad, ce(x).grad, rel: 1e-15, floor: 1e-300), "\(axis) \(x)")
      }
    }
  }

  @Test(arguments: [("0.1", "10"), ("0.1", "1000"), ("0.3", "2"), ("1", "5")])
  func labelSmoothingIsSzegedysMixOfCrossEntropyAndTheUniformPrior(e: String, k: String) {
    // L = (1 - e) H(q, p) + e H(u, p), u = 1/K on every class (section 7), the others at (1 - pt)/(K - 1).
    let ls = build("label-smoothing", ["epsilon": e, "classes": k])
    let eps = Double(e)!, classes = Double(k)!
    for pt in Self.pts where pt < 0.9999 {
      let uniform = -(log(pt) + (classes - 1) * log((1 - pt) / (classes - 1))) / classes
      #expect(close(ls(pt).loss, (1 - eps) * -log(pt) + eps * uniform, rel: 1e-13), "pt \(pt)")
    }
  }

  @Test(arguments: [(0.1, 10.0), (0.1, 1000.0), (0.2, 100.0), (0.05, 2.0)])
  func labelSmoothingCapsTheLogitAtItsOptimum(e: Double, k: Double) {
    let onPt = build("label-smoothing", ["epsilon": "\(e)", "classes": "\(Int(k))"])
    let onZ = build("label-smoothing", ["epsilon": "\(e)", "classes": "\(Int(k))", "axis": "logit"])
    // The loss is least where pt = 1 - e + e/K, the logit gap to every other class log(1 + K (1 - e)/e).
    let best = 1 - e + e / k
    let gap = log(1 + k * (1 - e) / e)
    let z = log(best / (1 - best))
    #expect(close(z + log(k - 1), gap, rel: 1e-12))
    #expect(onPt(best).grad < 1e-15 && onZ(z).grad < 1e-15)
    // There it equals the entropy of the smoothed target.
    let entropy = -best * log(best) - (1 - best) * log((1 - best) / (k - 1))
    #expect(close(onPt(best).loss, entropy, rel: 1e-13))
    for d in [0.01, 0.5, 3, 20] {
      #expect(onZ(z + d).loss > onZ(z).loss && onZ(z - d).loss > onZ(z).loss, "z* \(z) +- \(d)")
    }
    // Beyond it the gradient pulls the logit back: |dL/dz| = pt - best grows towards e (K-1)/K.
    #expect(close(onZ(40).grad, e * (k - 1) / k, rel: 1e-12))
  }

  @Test func labelSmoothingMatchesPyTorchsSoftmaxFormula() {
    // torch.nn.functional.cross_entropy(logits, y, label_smoothing=e) on K logits: the label's at g,
    // the other K - 1 at 0; (1 - e) (-log p_y) - e/K sum_k log p_k, with log-softmax written out.
    for (e, k) in [(0.1, 10), (0.25, 3), (0.1, 1000)] {
      let ls = build("label-smoothing", ["epsilon": "\(e)", "classes": "\(k)", "axis": "logit"])
      for g in [-6.0, -1, 0, 0.7, 2.5, 9] {
        let logZ = log(exp(g) + Double(k - 1))
        let logLabel = g - logZ, logOther = -logZ
        let torch = (1 - e) * -logLabel - e / Double(k) * (logLabel + Double(k - 1) * logOther)
        // The view's logit is log(pt / (1 - pt)) = g - log(K - 1).
        #expect(close(ls(g - log(Double(k - 1))).loss, torch, rel: 1e-12), "e \(e) K \(k) g \(g)")
      }
    }
    // The convention with e/(K-1) on each other class (1 - e on the label) is this view with e K/(K-1).
    let other = build("label-smoothing", ["epsilon": "\(0.1 * 10 / 9)", "classes": "10"])
    for pt in Self.pts where pt < 0.9999 {
      let direct = -(0.9 * log(pt) + 9 * (0.1 / 9) * log((1 - pt) / 9))
      #expect(close(other(pt).loss, direct, rel: 1e-13))
    }
  }

  // MARK: - Poly-1

  @Test func poly1WithZeroEpsilonIsCrossEntropyOrFocal() {
    let ce = build("ce"), focal = build("focal", ["gamma": "2"])
    let poly = build("poly1", ["epsilon": "0"]), polyFocal = build("poly1", ["epsilon": "0", "gamma": "2"])
    for pt in Self.pts {
      #expect(close(poly(pt).loss, ce(pt).loss, rel: 1e-15) && close(poly(pt).grad, ce(pt).grad, rel: 1e-15), "pt \(pt)")
      #expect(close(polyFocal(pt).loss, focal(pt).loss, rel: 1e-13) && close(polyFocal(pt).grad, focal(pt).grad, rel: 1e-13), "pt \(pt)")
    }
  }

  @Test func poly1AddsEpsilonToTheFirstPolynomialCoefficient() {
    // -log pt = sum_j (1 - pt)^j / j; Poly-1 makes the first coefficient 1 + e.
    for e in [-1.0, 1, 2.5] {
      let poly = build("poly1", ["epsilon": "\(e)"])
      for pt in [0.3, 0.5, 0.8, 0.99, 0.9999999] {
        let u = 1 - pt
        let series = (2...4000).reduce((1 + e) * u) { $0 + pow(u, Double($1)) / Double($1) }
        #expect(close(poly(pt).loss, series, rel: 1e-13), "e \(e) pt \(pt)")
        // -dL/dpt = 1/pt + e: a constant e added to cross-entropy's push (1/pt - 1 cancels near pt = 1).
        if 1 / pt + e > 1e-3 { #expect(close(poly(pt).grad / (pt * u), 1 / pt + e, rel: 1e-12), "e \(e) pt \(pt)") }
      }
    }
    // e = -1 drops the first term: near pt = 1 the loss is (1 - pt)^2 / 2, computed without cancelling.
    let dropped = build("poly1", ["epsilon": "-1"])
    #expect(close(dropped(1 - 1e-9).loss, 5e-19, rel: 1e-6) && dropped(1 - 1e-9).loss > 0)
  }

  @Test func poly1FocalFormMatchesTheAuthorsCode() {
    // poly1_focal_loss: FL + e (1 - pt)^(gamma + 1), FL = BCE (1 - pt)^gamma, on a sigmoid logit.
    for (e, g) in [(1.0, 2.0), (-1, 0.5), (4, 5)] {
      let poly = build("poly1", ["epsilon": "\(e)", "gamma": "\(g)", "axis": "logit"])
      for z in [-6.0, -1, 0, 1.5, 7] {
        // 1 - pt from the logit directly; e = -1 still cancels in the sum, so 1e-9 is allowed.
        let q = 1 / (1 + exp(z)), bce = log1p(exp(-z))
        #expect(close(poly(z).loss, bce * pow(q, g) + e * pow(q, g + 1), rel: 1e-9), "e \(e) gamma \(g) z \(z)")
      }
    }
  }

  // MARK: - ASL

  @Test(arguments: ["0.01", "0.05", "0.2", "0.5"])
  func aslMarginDiscardsEasyNegatives(clip: String) {
    let m = Double(clip)!
    for g in ["0", "1", "4"] {
      let asl = build("asl", ["side": "negative", "clip": clip, "gamma-neg": g])
      for p in Self.pts where p <= m { #expect(asl(p) == LossPoint(loss: 0, grad: 0), "clip \(clip) p \(p)") }
      for p in Self.pts where p > m + 1e-9 { #expect(asl(p).loss > 0 && asl(p).grad > 0) }
      // Above the margin the loss is the margin-free one, shifted: L(p; m) = L(p - m; 0).
      let free = build("asl", ["side": "negative", "clip": "0", "gamma-neg": g])
      for p in Self.pts where p > m + 1e-9 && p < 0.99 { #expect(close(asl(p).loss, free(p - m).loss, rel: 1e-12)) }
    }
  }

  @Test func aslSidesAreFocalLossAndPlainBCE() {
    let positive = build("asl", ["gamma-pos": "2"]), focal = build("focal", ["gamma": "2"])
    let bce = build("asl", ["side": "negative", "clip": "0", "gamma-neg": "0"]), negativeCE = build("anchor-neg", ["gamma": "0"])
    for p in Self.pts {
      #expect(positive(p) == focal(p))
      #expect(close(bce(p).loss, negativeCE(p).loss, rel: 1e-15) && close(bce(p).grad, p, rel: 1e-15), "p \(p)")
    }
  }

  @Test func aslMarginLetsGoOfVeryConfidentNegatives() {
    // Without a margin the push on a negative stays near 1 up to p = 1; with m = 0.05 it peaks and
    // falls back, since 1 - pm >= m: a negative at p 0.9999 (likely a missing label) is let go.
    let asl = build("asl", ["side": "negative"]), free = build("asl", ["side": "negative", "clip": "0"])
    let ps = interior(0, 1, count: 999)
    let peak = ps.max { asl($0).grad < asl($1).grad }!
    #expect(peak > 0.5 && peak < 0.99)
    #expect(asl(0.9999).grad < 0.05 * asl(peak).grad)
    #expect(free(0.9999).grad > 0.99 && free(0.999999).grad > 0.99)
  }

  @Test func aslMatchesTheAuthorsAsymmetricLoss() {
    // AsymmetricLoss.forward for one element: xs_neg = min(1 - p + clip, 1), logs clamped at 1e-8,
    // loss = -(y log xs_pos + (1-y) log xs_neg) (1 - pt)^gamma, pt = xs_pos for y = 1, xs_neg for y = 0.
    func authors(_ p: Double, _ y: Double, _ gPos: Double, _ gNeg: Double, _ clip: Double) -> Double {
      let xsNeg = min(1 - p + clip, 1)
      let ce = y * log(max(p, 1e-8)) + (1 - y) * log(max(xsNeg, 1e-8))
      let pt = y * p + (1 - y) * xsNeg
      return -ce * pow(1 - pt, gPos * y + gNeg * (1 - y))
    }
    for (gPos, gNeg, clip) in [(0.0, 4.0, 0.05), (1, 4, 0.05), (2, 1, 0), (0, 2, 0.3)] {
      let pos = build("asl", ["gamma-pos": "\(gPos)", "gamma-neg": "\(gNeg)", "clip": "\(clip)"])
      let neg = build("asl", ["gamma-pos": "\(gPos)", "gamma-neg": "\(gNeg)", "clip": "\(clip)", "side": "negative"])
      for p in [1e-6, 0.01, 0.04, 0.2, 0.5, 0.8, 0.999, 1 - 1e-6] {
        #expect(close(pos(p).loss, authors(p, 1, gPos, gNeg, clip), rel: 1e-12, floor: 1e-300))
        #expect(close(neg(p).loss, authors(p, 0, gPos, gNeg, clip), rel: 1e-9, floor: 1e-300), "p \(p) clip \(clip)")
      }
    }
  }

  // MARK: - QFL and VFL

  @Test func qflAtHardTargetsIsFocalLoss() {
    for beta in ["0.5", "2", "5"] {
      let one = build("qfl", ["q": "1", "beta": beta]), focal = build("focal", ["gamma": beta])
      let zero = build("qfl", ["q": "0", "beta": beta]), negative = build("asl", ["side": "negative", "clip": "0", "gamma-neg": beta])
      for p in Self.pts {
        #expect(close(one(p).loss, focal(p).loss, rel: 1e-13) && close(one(p).grad, focal(p).grad, rel: 1e-12), "beta \(beta) p \(p)")
        #expect(close(zero(p).loss, negative(p).loss, rel: 1e-13) && close(zero(p).grad, negative(p).grad, rel: 1e-12), "beta \(beta) p \(p)")
      }
    }
  }

  @Test func qflIsLeastWhereThePredictionMeetsItsTarget() {
    // GFL: "the global minimum of QFL is achieved at sigma = y".
    for q in [0.1, 0.5, 0.83] {
      for beta in ["0.5", "1", "2", "6"] {
        let qfl = build("qfl", ["q": "\(q)", "beta": beta])
        #expect(qfl(q).loss == 0)
        for p in Self.pts where abs(p - q) > 1e-6 { #expect(qfl(p).loss > 0, "q \(q) beta \(beta) p \(p)") }
      }
      // beta 0 is binary cross-entropy with a soft target: least at q, by q's entropy, grad |p - q|.
      let soft = build("qfl", ["q": "\(q)", "beta": "0"])
      #expect(close(soft(q).loss, -q * log(q) - (1 - q) * log(1 - q), rel: 1e-14))
      for p in Self.pts { #expect(close(soft(p).grad, abs(p - q), rel: 1e-12, floor: 1e-16)) }
    }
  }

  @Test func qflAndVflMatchMmdetectionsFormulas() {
    // F.binary_cross_entropy_with_logits(z, t) = max(z, 0) - z t + log(1 + e^-|z|), times the weight.
    func bce(_ z: Double, _ t: Double) -> Double { max(z, 0) - z * t + log1p(exp(-abs(z))) }
    for q in [0.0, 0.3, 0.9, 1] {
      let qfl = build("qfl", ["q": "\(q)", "axis": "logit"])
      let vfl = build("varifocal", ["q": "\(q)", "axis": "logit", "alpha": "0.75", "gamma": "2"])
      for z in [-9.0, -2, 0, 0.4, 3, 12] {
        let p = 1 / (1 + exp(-z))
        #expect(close(qfl(z).loss, bce(z, q) * pow(abs(q - p), 2), rel: 1e-10, floor: 1e-300), "q \(q) z \(z)")
        let weight = q > 0 ? q : 0.75 * pow(abs(p - q), 2)
        #expect(close(vfl(z).loss, bce(z, q) * weight, rel: 1e-10, floor: 1e-300), "q \(q) z \(z)")
      }
    }
  }

  @Test func vflWeightsPositivesByTheirTargetAndFocusesNegatives() {
    let zero = build("varifocal", ["q": "0", "alpha": "0.5", "gamma": "3"])
    let negative = build("asl", ["side": "negative", "clip": "0", "gamma-neg": "3"])
    let one = build("varifocal", ["q": "1"]), ce = build("ce")
    for p in Self.pts {
      #expect(close(zero(p).loss, 0.5 * negative(p).loss, rel: 1e-14) && close(zero(p).grad, 0.5 * negative(p).grad, rel: 1e-13))
      #expect(close(one(p).loss, ce(p).loss, rel: 1e-15) && close(one(p).grad, ce(p).grad, rel: 1e-15))
    }
    // q > 0: q times BCE towards q, least at p = q; its push q |p - q| is linear in p, never focal.
    let vfl = build("varifocal", ["q": "0.6"])
    #expect(close(vfl(0.6).loss, 0.6 * -(0.6 * log(0.6) + 0.4 * log(0.4)), rel: 1e-14) && vfl(0.6).grad == 0)
    for p in [0.01, 0.2, 0.9, 0.999] { #expect(close(vfl(p).grad, 0.6 * abs(p - 0.6), rel: 1e-12)) }
  }
}
