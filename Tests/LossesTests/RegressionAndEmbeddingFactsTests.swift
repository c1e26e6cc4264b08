// The checkable facts of smooth L1, Huber, GHM-R, SphereFace and SupCon, each computed from the
// library and held against its paper's statement or its common library's formula, typed out here.

import Losses
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct RegressionAndEmbeddingFactsTests {
  static let errors = interior(-5, 5, count: 101) + [-1000, -1e-9, 0, 1e-300, 0.1111111111111111, 1000]

  // MARK: - smooth L1 and Huber

  @Test(arguments: ["0.1111111111111111", "0.5", "1", "3"])
  func smoothL1IsHuberOverBeta(beta: String) {
    let b = Double(beta)!
    let smooth = build("smooth-l1", ["beta": beta]), huber = build("huber", ["delta": beta])
    for x in Self.errors {
      #expect(close(smooth(x).loss, huber(x).loss / b, rel: 1e-14, floor: 1e-300), "beta \(beta) x \(x)")
      #expect(close(smooth(x).grad, huber(x).grad / b, rel: 1e-14, floor: 1e-300), "beta \(beta) x \(x)")
      // torchvision's det_utils.smooth_l1_loss: where(n < beta, 0.5 n^2 / beta, n - 0.5 beta).
      let n = abs(x)
      #expect(close(smooth(x).loss, n < b ? 0.5 * n * n / b : n - 0.5 * b, rel: 1e-14, floor: 1e-300))
    }
    // The pieces meet at |x| = beta: value beta / 2 and slope 1 from both sides.
    #expect(close(smooth(b.nextDown).loss, b / 2, rel: 1e-14) && smooth(b).loss == b / 2)
    #expect(close(smooth(b.nextDown).grad, 1, rel: 1e-14) && smooth(b).grad == 1)
  }

  @Test func smoothL1WithZeroBetaIsL1() {
    let l1 = build("smooth-l1", ["beta": "0"])
    for x in Self.errors { #expect(l1(x) == LossPoint(loss: abs(x), grad: 1)) }
  }

  // MARK: - GHM-R

  @Test func asl1IsQuadraticNearZeroAndL1FarOut() {
    for mu in [0.0001, 0.02, 1] {
      let asl1 = GHMR(mu: mu, weights: [1])
      for x in [1e-300, 1e-9 * mu, 1e-3 * mu] {
        #expect(close(asl1.evaluate(x).loss, x * x / (2 * mu), rel: 1e-6, floor: 1e-300), "mu \(mu) x \(x)")
      }
      for x in [1e4 * mu, 1e6 * mu] where x <= 1000 {
        #expect(close(asl1.evaluate(x).loss, x - mu, rel: 1e-7), "mu \(mu) x \(x)")
        #expect(asl1.evaluate(x).grad < 1 && asl1.evaluate(-x).grad > 0.9999999)
      }
    }
  }

  @Test func ghmrWeightsAreMmdetectionsGHMR() {
    // GHMR.forward, batch after batch, typed out: edges i/M with the last at 1e3, tot = every valid
    // element, acc = mmt acc + (1 - mmt) count for non-empty bins, weight = tot / acc / n.
    for (mu, bins, momentum) in [(0.02, 10, 0.7), (0.02, 10, 0.0), (0.1, 30, 0.75), (0.002, 5, 0.9)] {
      let errors = SyntheticRegressionErrors.errors, ends = SyntheticRegressionErrors.batchEnds
      var acc = [Double](repeating: 0, count: bins), weights = acc, start = 0
      for end in ends {
        var counts = [Double](repeating: 0, count: bins)
        for d in errors[start..<end] {
          let g = abs(d / (mu * mu + d * d).squareRoot())
          let i = (0..<bins).first { g >= Double($0) / Double(bins) && g < ($0 == bins - 1 ? 1e3 : Double($0 + 1) / Double(bins)) }!
          counts[i] += 1
        }
        let tot = Double(end - start), n = Double(counts.filter { $0 > 0 }.count)
        weights = [Double](repeating: 0, count: bins)
        for i in 0..<bins where counts[i] > 0 {
          acc[i] = momentum > 0 ? momentum * acc[i] + (1 - momentum) * counts[i] : counts[i]
          weights[i] = tot / acc[i] / n
        }
        start = end
      }
      let view = build("ghmr", ["mu": "\(mu)", "bins": "\(bins)", "momentum": "\(momentum)"])
      for i in 0..<bins {
        // The error whose g is the bin's centre, and the view's weight there: loss / ASL1 and grad / g.
        let g = (Double(i) + 0.5) / Double(bins), x = mu * g / (1 - g * g).squareRoot()
        let asl1 = GHMR(mu: mu, weights: [1]).evaluate(x)
        #expect(close(view(x).loss / asl1.loss, weights[i], rel: 1e-12), "mu \(mu) M \(bins) bin \(i)")
        #expect(close(view(-x).grad / asl1.grad, weights[i], rel: 1e-12))
      }
    }
  }

  @Test func ghmrLowersTheCrowdedTopBin() {
    // With mu 0.02 nearly every error is many mu from 0, so g is near 1 and the top bin is the
    // crowded one: GHM-R weighs it least and the precise boxes (small g) most.
    let weights = SyntheticRegressionErrors.weights(mu: 0.02, bins: 10, momentum: 0.7)
    let g = SyntheticRegressionErrors.errors.map { SyntheticRegressionErrors.gradientNorm($0, mu: 0.02) }
    let top = Double(g.filter { $0 >= 0.9 }.count) / Double(g.count)
    #expect(top > 0.4 && top < 0.5, "top bin holds \(top)")
    #expect(weights.allSatisfy { $0 > 0 })
    #expect(weights[9] == weights.min() && weights[9] < 0.5 && weights[0] > 1)
  }

  // MARK: - SphereFace

  @Test func sphereFaceWithoutMarginIsTheNormalisedSoftmax() {
    for axis in ["theta", "cos"] {
      for (scale, classes, lambda) in [("64", "10", "0"), ("1", "2", "5"), ("128", "1000000", "1000")] {
        let s = ["axis": axis, "scale": scale, "classes": classes, "thetaneg": "70"]
        let sphere = build("sphereface", s.merging(["margin": "1", "lambda": lambda]) { $1 })
        let arc = build("arcface", s.merging(["margin": "0"]) { $1 })
        for x in edgePoints(arc.axis) {
          #expect(close(sphere(x).loss, arc(x).loss, rel: 1e-12, floor: 1e-290), "\(axis) \(x)")
          #expect(close(sphere(x).grad, arc(x).grad, rel: 1e-9, floor: 1e-290), "\(axis) \(x)")
        }
      }
    }
  }

  @Test(arguments: 1...10)
  func sphereFaceBinaryBoundaryIsMTimesTheAngle(margin: Int) {
    // Two classes, the other at 90 degrees: the target wins exactly when psi(theta) > cos 90 = 0,
    // i.e. for m theta < 90 degrees (theta2 = m theta1): the loss there is log 2 at any scale.
    for scale in ["1", "16", "64", "128"] {
      let s = build("sphereface", ["margin": "\(margin)", "scale": scale, "classes": "2", "thetaneg": "90"])
      #expect(close(s(90 / Double(margin)).loss, log(2), rel: 1e-12), "m \(margin) s \(scale)")
    }
  }

  @Test func sphereFacePsiFallsContinuouslyFromOneToOneMinusTwoM() {
    for margin in 1...10 {
      let onTheta = SphereFace(build("sphereface", ["margin": "\(margin)"]).parameters)
      let onCos = SphereFace(build("sphereface", ["margin": "\(margin)", "axis": "cos"]).parameters)
      #expect(onTheta.psi(0).value == 1 && close(onTheta.psi(180).value, 1 - 2 * Double(margin), rel: 1e-15))
      var last = 2.0
      for theta in stride(from: 0.0, through: 180, by: 0.25) {
        let psi = onTheta.psi(theta).value
        #expect(psi <= last + 1e-12, "m \(margin) theta \(theta)")
        last = psi
        // On the cos axis: the same psi, and cos(m theta) as pytorch-metric-learning's binomial sum
        // sum_n (-1)^n C(m, 2n) c^(m-2n) (1 - c^2)^n.
        let c = cos(theta * Double.pi / 180)
        #expect(abs(onCos.psi(c).value - psi) < 1e-9, "m \(margin) theta \(theta)")
        let k = min(max((Double(margin) * theta / 180).rounded(.down), 0), Double(margin - 1))
        var binomial = 0.0
        for n in 0...(margin / 2) {
          let choose = (0..<(2 * n)).reduce(1.0) { $0 * Double(margin - $1) / Double($1 + 1) }
          binomial += (n % 2 == 0 ? 1 : -1) * choose * pow(c, Double(margin - 2 * n)) * pow(1 - c * c, Double(n))
        }
        let pml = (Int(k) % 2 == 0 ? 1 : -1) * binomial - 2 * k
        #expect(abs(pml - psi) < 1e-9 || abs(theta - 180 * k / Double(margin)) < 1e-9, "m \(margin) theta \(theta)")
      }
    }
  }

  // MARK: - SupCon

  @Test func supConWithOnePositiveIsInfoNCE() {
    for (t, k, sneg) in [("0.07", "255", "0"), ("0.001", "1", "-0.5"), ("10", "1000000", "0.9"), ("0.5", "65536", "-0.3")] {
      let supcon = build("supcon", ["temperature": t, "negatives": k, "sneg": sneg, "positives": "1"])
      let infonce = build("infonce", ["temperature": t, "negatives": k, "sneg": sneg])
      for s in edgePoints(infonce.axis) { #expect(supcon(s) == infonce(s), "t \(t) K \(k) s \(s)") }
    }
  }

  @Test(arguments: [1, 2, 7, 1000, 1_000_000])
  func supConAtTheNegativesSimilarityIsLogPPlusK(positives: Int) {
    for k in [1, 255, 1_000_000] {
      for t in ["0.001", "0.1", "10"] {
        let v = build("supcon", ["positives": "\(positives)", "negatives": "\(k)", "temperature": t, "sneg": "0.2"])
        #expect(close(v(0.2).loss, log(Double(positives + k)), rel: 1e-14))
        // Every other positive stays in the denominator: the loss never falls below log P (it comes
        // within round-off of it only once the negatives' share underflows, t = 0.001).
        #expect(v(1).loss >= log(Double(positives)) && v(1).loss - log(Double(positives)) < log1p(Double(k) / Double(positives)))
      }
    }
  }

  @Test func supConMatchesPyTorchMetricLearning() {
    // SupConLoss for one anchor: log-softmax over its P positives (all at s) and K negatives (at sneg),
    // averaged over the positives. NTXentLoss: each positive against the negatives alone (P = 1).
    for (p, k, t) in [(3, 5, 0.1), (1, 8, 0.07), (12, 40, 0.5)] {
      let supcon = build("supcon", ["positives": "\(p)", "negatives": "\(k)", "temperature": "\(t)", "sneg": "-0.1"])
      let ntxent = build("supcon", ["positives": "1", "negatives": "\(k)", "temperature": "\(t)", "sneg": "-0.1"])
      for s in [-0.6, 0, 0.3, 0.9] {
        let logits = [Double](repeating: s / t, count: p) + [Double](repeating: -0.1 / t, count: k)
        let top = logits.max()!
        let logSum = top + log(logits.reduce(0) { $0 + exp($1 - top) })
        let meanLogProb = (0..<p).reduce(0) { $0 + (logits[$1] - logSum) } / Double(p)
        // logit - logsumexp cancels when the loss is small: the libraries' form is good to about
        // a few ulps of the logits, the view's (log P + softplus) to a few ulps of the loss.
        let roundOff = 1e-14 * max(1, abs(s / t), supcon(s).loss)
        #expect(abs(supcon(s).loss + meanLogProb) <= roundOff, "P \(p) K \(k) s \(s)")
        let pair = -(s / t - log(exp(s / t) + Double(k) * exp(-0.1 / t)))
        #expect(abs(ntxent(s).loss - pair) <= roundOff, "P \(p) K \(k) s \(s)")
      }
    }
  }
}
