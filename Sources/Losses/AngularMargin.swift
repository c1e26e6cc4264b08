// ArcFace and CosFace: normalised softmax cross-entropy with a margin on the target class.
//
// Target logit: ArcFace s cos(theta + m), falling back to s (cos theta - m sin m) when
// theta + m > pi (insightface's easy_margin = False); CosFace s (cos theta - m). The other
// C - 1 classes sit at angle thetaneg: logit s cos(thetaneg) each, so
// L = softplus(log(C - 1) + s cos(thetaneg) - target) and |dL/dx| = sigmoid(.) |dtarget/dx|.
// On the theta axis x is in degrees and grad is per degree; on the cos axis x = cos theta and
// dtarget/dcos = s (cos m + cos theta sin m / sin theta), infinite at cos theta = 1, hence [-1, 1).
// Margin 0 makes both the plain normalised softmax.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct AngularMargin: LossView {
  let additiveAngle: Bool
  let onCos: Bool
  let scale: Double
  let margin: Double
  let others: Double

  public init(_ p: Parameters, arc: Bool) {
    additiveAngle = arc
    onCos = p.axis == Self.cosAxis
    scale = p["scale"]
    margin = p["margin"]
    others = log(p["classes"] - 1) + scale * cosDegrees(p["thetaneg"])
  }

  /// Target logit and its derivative with respect to x (per degree, or per unit cos).
  func target(_ x: Double) -> (value: Double, slope: Double) {
    if !additiveAngle {
      if onCos { return (scale * (x - margin), scale) }
      return (scale * (cosDegrees(x) - margin), -scale * sinDegrees(x) * degree)
    }
    if onCos {
      guard x >= -cos(margin) else { return (scale * (x - margin * sin(margin)), scale) }
      let sinTheta = ((1 - x) * (1 + x)).squareRoot()
      let value = scale * (x * cos(margin) - sinTheta * sin(margin))
      // sin theta rounds to 0 only at x = -1 with a margin below 1e-8, where the slope tends to 0.
      let slope = margin == 0 ? scale : sinTheta > 0 ? scale * (cos(margin) + x * sin(margin) / sinTheta) : 0
      return (value, slope)
    }
    // The sum in degrees, so sin is exactly 0 when theta + m reaches 180 (margin 0 equals CosFace).
    let total = x + margin / degree
    guard total <= 180 else {
      return (scale * (cosDegrees(x) - margin * sin(margin)), -scale * sinDegrees(x) * degree)
    }
    return (scale * cosDegrees(total), -scale * sinDegrees(total) * degree)
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let (value, slope) = target(x)
    let t = others - value
    return LossPoint(loss: softplus(t), grad: sigmoid(t) * abs(slope))
  }

  static let thetaAxis = AxisSpec("theta", label: "theta (deg)", domain: 0...180, grad: "|dL/dtheta| per degree")
  static let cosAxis = AxisSpec("cos", label: "cos theta", domain: -1...1, upperOpen: true, grid: -1...0.999,
                                grad: "|dL/d(cos theta)|")
  static let axes = [thetaAxis, cosAxis]
  static func scaleSpec(_ d: Double) -> ParameterSpec {
    ParameterSpec("scale", symbol: "s", default: d, range: 1...128, step: 4, meaning: "feature scale s").scaled(.log)
  }
  static let classesSpec = ParameterSpec(
    "classes", symbol: "C", kind: .integer, default: 10, range: 2...1e6, step: 1,
    meaning: "number of classes, the other C - 1 at angle thetaneg").scaled(.log)
  static let thetanegSpec = ParameterSpec(
    "thetaneg", symbol: "θn", default: 90, range: 0...180, step: 5, unit: "deg",
    meaning: "angle of the other classes' weights")

  public static let arcInfo = ViewInfo(
    name: "arcface", title: "ArcFace (additive angular margin)",
    formula: "L = -log(e^(s cos(theta + m)) / (e^(s cos(theta + m)) + (C-1) e^(s cos thetaneg)))",
    source: "Deng, Guo, Xue, Zafeiriou 2019, ArcFace: Additive Angular Margin Loss for Deep Face Recognition (CVPR), eq. 3",
    notes: "when theta + m > pi the target logit falls back to s (cos theta - m sin m), as insightface does",
    conventions: "pytorch-metric-learning's ArcFaceLoss takes its margin in degrees (default 28.6, i.e. 0.5 rad) and scale 64; insightface and this view take radians.",
    axes: axes,
    parameters: [
      scaleSpec(64),
      ParameterSpec("margin", symbol: "m", default: 0.5, range: 0...1.5, step: 0.05, unit: "rad",
                    meaning: "additive angular margin in radians"),
      classesSpec, thetanegSpec,
    ],
    build: { AngularMargin($0, arc: true) })

  public static let cosInfo = ViewInfo(
    name: "cosface", title: "CosFace (additive cosine margin)",
    formula: "L = -log(e^(s (cos theta - m)) / (e^(s (cos theta - m)) + (C-1) e^(s cos thetaneg)))",
    source: "Wang et al. 2018, CosFace: Large Margin Cosine Loss for Deep Face Recognition (CVPR), eq. 4",
    conventions: "pytorch-metric-learning's CosFaceLoss uses the same margin (0.35) and scale (64); insightface's combined margin (m1, m2, m3) = (1, 0, 0.35) is the same loss.",
    axes: axes,
    parameters: [
      scaleSpec(64),
      ParameterSpec("margin", symbol: "m", default: 0.35, range: 0...1, step: 0.05,
                    meaning: "additive cosine margin"),
      classesSpec, thetanegSpec,
    ],
    build: { AngularMargin($0, arc: false) })
}
