// The 2-D views: every boundary point satisfies its equation, and margin 0 collapses to softmax.

import Losses
import Testing

#if canImport(Glibc)
  import Glibc
#endif

func plane(_ info: PlaneInfo, _ settings: [String: String]) -> Parameters {
  var p = info.defaults
  for (k, v) in settings { try! p.set(k, text: v) }
  return p
}

@Suite struct PlaneTests {
  @Test(arguments: [0.0, 0.1, 0.25, 0.4, 0.7, 0.9, 1.0])
  func circleBoundaryPointsAreOnTheCircleAndTheLine(margin: Double) {
    let p = plane(CirclePlane.info, ["margin": "\(margin)"])
    let circlePlane = CirclePlane(p)
    let curves = circlePlane.boundaries()
    #expect(curves.map(\.name) == ["circle", "linear"])
    let circle = curves[0], line = curves[1]
    #expect(circle.xs.count >= 100 && line.xs.count >= 100)
    for (sn, sp) in zip(circle.xs, circle.ys) {
      #expect(abs(sn * sn + (sp - 1) * (sp - 1) - 2 * margin * margin) < 1e-14)
      #expect(abs(circlePlane.decision(sn: sn, sp: sp)) < 1e-14)
      #expect((0...1).contains(sn) && (-1e-15...1).contains(sp), "(\(sn), \(sp)) outside the square")
    }
    // Ordered along the curve: from its right end (sp = 1) to its bottom end (sn = 0) when it fits.
    #expect(zip(circle.ys, circle.ys.dropFirst()).allSatisfy { $0 >= $1 })
    for (sn, sp) in zip(line.xs, line.ys) { #expect(abs(sp - sn - margin) < 1e-15) }
    #expect(zip(line.xs, line.xs.dropFirst()).allSatisfy { $0 <= $1 })
  }

  @Test func circleLossIsLogTwoOnItsBoundary() {
    let circlePlane = CirclePlane(plane(CirclePlane.info, ["margin": "0.25", "scale": "1024"]))
    for (sn, sp) in zip(circlePlane.boundaries()[0].xs, circlePlane.boundaries()[0].ys) {
      #expect(abs(circlePlane.loss(sn: sn, sp: sp) - log(2.0)) < 1e-10)
    }
  }

  @Test(arguments: [0.0, 0.2, 0.35, 0.5, 1.0, 1.5])
  func marginBoundaryPointsSatisfyTheirEquations(margin: Double) {
    // Each kind its own margin: CosFace's at `margin`, ArcFace's at 1.5 - margin, so they differ.
    let arcMargin = 1.5 - margin
    let curves = MarginPlane(plane(MarginPlane.info, ["cos-margin": "\(margin)", "arc-margin": "\(arcMargin)"])).boundaries()
    #expect(curves.map(\.name) == ["softmax", "cosface-1", "cosface-2", "arcface-1", "arcface-2"])
    let m = arcMargin * 180 / Double.pi
    for curve in curves {
      #expect(curve.xs.count >= 100, "\(curve.name)")
      for (t1, t2) in zip(curve.xs, curve.ys) {
        #expect((0...180).contains(t1) && (0...180).contains(t2))
        switch curve.name {
        case "softmax": #expect(t1 == t2)
        case "cosface-1": #expect(abs(cosDegrees(t1) - cosDegrees(t2) - margin) < 1e-9, "\(t1) \(t2)")
        case "cosface-2": #expect(abs(cosDegrees(t2) - cosDegrees(t1) - margin) < 1e-9, "\(t1) \(t2)")
        case "arcface-1": #expect(abs(t2 - t1 - m) < 1e-12)
        default: #expect(abs(t1 - t2 - m) < 1e-12)
        }
      }
    }
  }

  @Test func zeroMarginCollapsesToSoftmax() {
    for curve in MarginPlane(plane(MarginPlane.info, ["cos-margin": "0", "arc-margin": "0"])).boundaries() {
      for (t1, t2) in zip(curve.xs, curve.ys) { #expect(abs(t1 - t2) < 1e-6, "\(curve.name) \(t1) \(t2)") }
    }
  }

  @Test func defaultsAreThePapersMarginsAndTheBandsFollowThem() {
    let margins = MarginPlane(MarginPlane.info.defaults)
    #expect(margins.cosMargin == 0.35 && margins.arcMargin == 0.5)
    // |cos t1 - cos t2| against 0.35 and |t1 - t2| in radians against 0.5 (numpy: 60/80 0.326
    // and 0.349; 60/95 0.587 and 0.611; 100/128 0.442 and 0.489; 5/34 0.167 and 0.506).
    #expect(margins.bands(theta1: 45, theta2: 45) == 3)
    #expect(margins.bands(theta1: 60, theta2: 80) == 3)
    #expect(margins.bands(theta1: 60, theta2: 95) == 0)
    #expect(margins.bands(theta1: 100, theta2: 128) == 2)
    #expect(margins.bands(theta1: 5, theta2: 34) == 1)
  }

  @Test func kindSelectsTheCurves() {
    let cos = MarginPlane(plane(MarginPlane.info, ["kind": "cosface"])).boundaries().map(\.name)
    #expect(cos == ["softmax", "cosface-1", "cosface-2"])
    let soft = MarginPlane(plane(MarginPlane.info, ["kind": "softmax"])).boundaries().map(\.name)
    #expect(soft == ["softmax"])
  }
}
