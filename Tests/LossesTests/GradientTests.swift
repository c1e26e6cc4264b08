// Every analytic grad against a central finite difference of the loss, away from kinks.

import Losses
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The loss as a function of x with the view's stop-gradient weights frozen at x0, for views
/// whose grad deliberately ignores how those weights move (circle, ranked-list negatives).
func frozenLoss(_ b: Built, at x0: Double) -> ((Double) -> Double)? {
  let p = b.parameters
  switch (b.info.name, b.axis.name) {
  case ("circle", let axis):
    let m = p["margin"], s = p["scale"]
    let (sp0, sn0) = axis == "sn" ? (p["sp"], x0) : (x0, p["sn"])
    let ap = max(0, 1 + m - sp0), an = max(0, sn0 + m)
    return { x in
      let (sp, sn) = axis == "sn" ? (sp0, x) : (x, sn0)
      return softplus(s * (an * (sn - m) - ap * (sp - (1 - m))))
    }
  case ("ranked-list", "dneg"):
    let a = p["alpha"], t = p["temperature"], k = p["others"], d = p["dother"]
    // The weights w_j = e^(T (alpha - d_j)) relative to the others' weight, frozen at x0.
    let wx = x0 < a ? 1.0 : 0, wo = d < a ? k * softplusRatio(t * (x0 - d)) : 0
    guard wx + wo > 0 else { return { _ in 0 } }
    return { x in (wx * max(0, a - x) + wo * max(0, a - d)) / (wx + wo) }
  default:
    return nil
  }
}

/// e^u computed through the library's own stable pieces: sigmoid(u) / sigmoid(-u).
func softplusRatio(_ u: Double) -> Double { sigmoid(u) / sigmoid(-u) }

enum FiniteDifference {
  case agrees, kink, disagrees(fd: Double)

  /// Central differences at several steps; agreement at any step passes, and a disagreement
  /// reports the closest of them. A point where the one-sided slopes differ by more than 1% at
  /// the finest step is a kink and is skipped.
  static func check(_ f: (Double) -> Double, grad: Double, at x: Double, chain: Double) -> FiniteDifference {
    var closest = Double.infinity
    for e in [1e-3, 1e-4, 1e-5, 1e-6, 1e-7] {
      let h = e * max(1, abs(x))
      let fd = abs((f(x + h) - f(x - h)) / (2 * h) * chain)
      if abs(fd - grad) < abs(closest - grad) { closest = fd }
      if abs(fd - grad) <= 1e-6 * max(fd, grad) + 1e-10 { return .agrees }
    }
    let h = 1e-8 * max(1, abs(x))
    let left = (f(x) - f(x - h)) / h, right = (f(x + h) - f(x)) / h
    if abs(left - right) > 0.01 * max(abs(left), abs(right)) { return .kink }
    return .disagrees(fd: closest)
  }
}

@Suite struct GradientTests {
  @Test func everyViewHasGradientSettings() {
    let covered = Set(settingsByView.map(\.view))
    for info in Catalog.views { #expect(covered.contains(info.name), "\(info.name) has no gradient test") }
  }

  @Test(arguments: allSettings)
  func gradMatchesFiniteDifference(view: String, settings: [String: String]) {
    let b = build(view, settings)
    let axis = b.axis
    let probability = axis.name == "pt" || axis.name == "p"
    var kinks = 0
    let xs = interior(axis.from, axis.to, count: 97)
    for x in xs {
      let point = b(x)
      let f = frozenLoss(b, at: x) ?? { b($0).loss }
      if let frozen = frozenLoss(b, at: x) { #expect(close(frozen(x), point.loss, rel: 1e-12, floor: 1e-300)) }
      // On a probability axis grad is |dL/dz| = |dL/dpt| pt (1 - pt).
      let chain = probability ? x * (1 - x) : 1
      switch FiniteDifference.check(f, grad: point.grad, at: x, chain: chain) {
      case .agrees: break
      case .kink: kinks += 1
      case .disagrees(let fd):
        Issue.record("\(view) \(settings) at \(axis.name) = \(x): grad \(point.grad), finite difference \(fd)")
      }
    }
    #expect(kinks <= xs.count / 10, "\(view) \(settings): \(kinks) of \(xs.count) points looked like kinks")
  }

  @Test func probabilityAxesAgreeWithTheirLogitAxes() {
    for name in ["ce", "mse", "focal", "anchor", "anchor-neg", "ghmc", "label-smoothing", "poly1", "asl", "qfl", "varifocal"] {
      let onP = build(name), onZ = build(name, ["axis": "logit"])
      for z in interior(-8, 8, count: 41) {
        let pt = 1 / (1 + softplusRatio(-z))
        #expect(close(onP(pt).loss, onZ(z).loss, rel: 1e-9), "\(name) at z \(z)")
        #expect(close(onP(pt).grad, onZ(z).grad, rel: 1e-9), "\(name) at z \(z)")
      }
    }
  }

  @Test func angularAxesAgree() {
    for name in ["arcface", "cosface", "sphereface"] {
      let onTheta = build(name), onCos = build(name, ["axis": "cos"])
      for degrees in interior(0, 180, count: 35) {
        let c = cos(degrees * Double.pi / 180)
        #expect(close(onTheta(degrees).loss, onCos(c).loss, rel: 1e-9), "\(name) at \(degrees) deg")
        // d/dtheta = d/dcos * sin(theta), per degree.
        let sine = (1 - c * c).squareRoot()
        // sphereface's slope is 0 at its boundaries (45, 90, 135 degrees), where cos leaves 1e-15.
        let onBoth = (onTheta(degrees).grad, onCos(c).grad * sine * Double.pi / 180)
        #expect(close(onBoth.0, onBoth.1, rel: 1e-6) || abs(onBoth.0 - onBoth.1) < 1e-12, "\(name) at \(degrees) deg")
      }
    }
  }
}
