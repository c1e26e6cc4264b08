// The facts of mse (squared error on a sigmoid) and nce (noise-contrastive estimation), computed from the library.

import Losses
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct MSENCETests {
  // MARK: - mse

  @Test func mseGradientVanishesForAConfidentlyWrongExample() {
    let ce = build("ce"), mse = build("mse")
    #expect(mse(0.05).loss == (1 - 0.05) * (1 - 0.05))
    #expect(close(mse(0.05).grad, 2 * 0.05 * 0.95 * 0.95, rel: 1e-15))
    #expect(close(mse(0.05).grad, 0.09025, rel: 1e-14))
    #expect(ce(0.05).grad == 0.95)
    // CE's gradient is 1 / (2 pt (1 - pt)) = 10.526... times squared error's there.
    #expect(close(ce(0.05).grad / mse(0.05).grad, 1 / 0.095, rel: 1e-14))
    // The same example on the logit axis: z = log(0.05 / 0.95).
    let mseZ = build("mse", ["axis": "logit"])
    let z = log(0.05 / 0.95)
    #expect(close(mseZ(z).grad, 0.09025, rel: 1e-13))
    #expect(close(mseZ(z).loss, 0.9025, rel: 1e-13))
    // Further out the ratio grows without bound: at z = -30 CE pushes with ~1, squared error with ~2e-13.
    let far = mseZ(-30), ceFar = build("ce", ["axis": "logit"])(-30)
    #expect(close(far.grad, 2 * exp(-30) / pow(1 + exp(-30), 3), rel: 1e-13))
    #expect(ceFar.grad / far.grad > 1e12)
  }

  @Test func mseGradientIsCrossEntropysTimesTwoPtOneMinusPt() {
    let ce = build("ce"), mse = build("mse")
    for pt in interior(0, 1, count: 99) + [1e-300, 1e-8, 0.9999999999999999] {
      #expect(close(mse(pt).grad, ce(pt).grad * 2 * pt * (1 - pt), rel: 1e-15), "pt \(pt)")
      #expect(mse(pt).loss == (1 - pt) * (1 - pt))
    }
  }

  @Test func mseGradientPeaksAtOneThirdWhereItStopsBeingConcave() {
    let mse = build("mse")
    #expect(close(mse(1.0 / 3).grad, 8.0 / 27, rel: 1e-15))
    for pt in interior(0, 1, count: 299) where abs(pt - 1.0 / 3) > 1e-3 {
      #expect(mse(pt).grad < 8.0 / 27)
    }
    // d2L/dz2 = 2 pt (1-pt)^2 (3 pt - 1): negative left of pt = 1/3 (z = -log 2), so squared
    // error through a sigmoid is not convex in the logit; CE's second derivative pt (1-pt) is positive.
    let mseZ = build("mse", ["axis": "logit"]), ceZ = build("ce", ["axis": "logit"])
    func second(_ f: (Double) -> Double, _ z: Double) -> Double {
      let h = 1e-3
      return (f(z + h) - 2 * f(z) + f(z - h)) / (h * h)
    }
    for z in [-6.0, -3, -1, -0.8] {
      let pt = 1 / (1 + exp(-z))
      let expected = 2 * pt * (1 - pt) * (1 - pt) * (3 * pt - 1)
      #expect(second({ mseZ($0).loss }, z) < 0, "z \(z)")
      #expect(close(second({ mseZ($0).loss }, z), expected, rel: 1e-4), "z \(z)")
    }
    for z in [-0.6, 0, 2, 6] { #expect(second({ mseZ($0).loss }, z) > 0, "z \(z)") }
    for z in [-6.0, -3, 0, 3] { #expect(second({ ceZ($0).loss }, z) > 0) }
  }

  // MARK: - nce

  @Test(arguments: [1, 10, 4096, 1_000_000])
  func nceDataTermIsLogTwoAtTheNoiseOffset(k: Int) {
    for logq in [-50, -9.21, -1, 0] {
      for sneg in [-50, 0, 7.5, 50] {
        let v = build("nce", ["k": "\(k)", "logq": "\(logq)", "sneg": "\(sneg)"])
        let b = log(Double(k)) + logq
        // The noise term, alone where the data term has vanished (softplus(b - 1000) < 1e-300).
        let noise = v(1000).loss
        #expect(close(noise, Double(k) * log1p(exp(sneg - b)), rel: 1e-14), "k \(k) logq \(logq) sneg \(sneg)")
        #expect(v(b).grad == 0.5)
        // Subtracting a noise term up to 1e8 leaves its round-off, about 1e-16 of it.
        #expect(abs(v(b).loss - noise - log(2)) <= 1e-15 + 4e-16 * noise, "k \(k) logq \(logq) sneg \(sneg)")
      }
    }
  }

  @Test func nceGradientIsTheNoisePosterior() {
    let v = build("nce", ["k": "25", "logq": "-4", "sneg": "1"])
    let b = log(25.0) - 4
    for d in [0.1, 1, 3, 10, 30] {
      // sigmoid(b - s) is P(noise | s); it is symmetric about s = b.
      #expect(close(v(b - d).grad + v(b + d).grad, 1, rel: 1e-15))
      #expect(close(v(b + d).grad, 1 / (1 + exp(d)), rel: 1e-14))
    }
    // Far below b the data term is linear with slope 1, far above it is flat.
    #expect(v(-900).grad == 1 && v(900).grad < 1e-300)
    #expect(close(v(-900).loss - v(-901).loss, -1, rel: 1e-12))
  }

  @Test func nceWithOneNoiseSampleIsLogisticRegression() {
    // k = 1 and q = 1: b = 0, L = softplus(-s) + softplus(sneg).
    let v = build("nce", ["k": "1", "logq": "0", "sneg": "0"])
    for s in [-15.0, -1, 0, 2, 15] {
      #expect(close(v(s).loss, log1p(exp(-s)) + log(2), rel: 1e-14))
      #expect(close(v(s).grad, 1 / (1 + exp(s)), rel: 1e-14))
    }
  }

  @Test func nceDataTermIsInfoNCEWithOneNegativeAtTheOffset() {
    // Binary NCE with k = 1 and InfoNCE's 2-way softmax (K = 1, t = 1, the negative at b) agree:
    // with one negative the two tasks coincide; for k > 1 NCE asks k + 1 binary questions instead.
    for b in [-1.0, -0.5, 0] {
      let nce = build("nce", ["k": "1", "logq": "\(b)", "sneg": "-50"])
      let info = build("infonce", ["negatives": "1", "temperature": "1", "sneg": "\(b)"])
      let noise = nce(1000).loss
      for s in interior(-1, 1, count: 21) {
        #expect(close(nce(s).loss - noise, info(s).loss, rel: 1e-14))
        #expect(close(nce(s).grad, info(s).grad, rel: 1e-14))
      }
    }
  }

  @Test func nceMoreNoiseSamplesRaiseTheOffsetAndTheNoiseTerm() {
    // b = log k + logq: ten times the samples moves the log-2 point right by log 10.
    let few = build("nce", ["k": "10"]), many = build("nce", ["k": "100"])
    for s in interior(-15, 15, count: 31) {
      #expect(close(many(s + log(10)).grad, few(s).grad, rel: 1e-12))
    }
    // With sneg far below b the noise term shrinks to k e^(sneg - b) = e^sneg / q.
    let v = build("nce", ["k": "1000", "logq": "-2", "sneg": "-40"])
    #expect(close(v(1000).loss, exp(-40) / exp(-2), rel: 1e-12))
  }

  @Test func nceIsFiniteAtTheCornersOfItsBox() {
    // The largest loss: k = 1e6 noise samples each scored 100 above b.
    let worst = build("nce", ["k": "1000000", "logq": "-50", "sneg": "50"])
    let b = log(1e6) - 50
    let top = worst(-1000)
    #expect(close(top.loss, (b + 1000) + 1e6 * (50 - b), rel: 1e-15))
    #expect(top.grad == 1)
    let least = build("nce", ["k": "1", "logq": "-50", "sneg": "-50"])(1000)
    #expect(least.loss.isFinite && least.loss > 0 && least.grad == 0)
    // b = -50: the data term underflows to 0 and each noise sample scores exactly b, log 2.
    #expect(close(least.loss, log(2), rel: 1e-15))
  }
}
