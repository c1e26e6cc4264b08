// SphereFace (A-Softmax): a multiplicative angular margin, cos(m theta) made monotonic by psi.
//
// psi(theta) = (-1)^k cos(m theta) - 2k on [k pi/m, (k+1) pi/m], k = 0 .. m-1: it falls from 1 to
// 1 - 2m, continuously. Target logit s (lambda cos theta + psi(theta)) / (1 + lambda) (lambda 0 is
// the paper's loss; the authors' training anneals lambda towards 5), the other C - 1 classes at
// s cos(thetaneg), so L = softplus(log(C - 1) + s cos(thetaneg) - target), grad = sigmoid(.) |dtarget/dx|.
// On theta (degrees), with u = m theta - 180 k in [0, 180]: psi = cos u - 2k, dpsi/dtheta = -m sin u
// (per radian), so nothing grows with k. On cos theta = c: cos(m theta) = T_m(c) and
// sin(m theta)/sin(theta) = U_(m-1)(c) (Chebyshev polynomials, by their recurrences), so
// dpsi/dc = (-1)^k m U_(m-1)(c) is finite at c = 1 and no division by sin theta is needed.
// Checkable: m = 1 is the normalised softmax (arcface and cosface at margin 0); with C = 2 and
// thetaneg 90 the loss is log 2 at theta = 90/m degrees, the binary boundary m theta1 = theta2.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct SphereFace: LossView {
  let onCos: Bool
  let margin: Int
  let scale: Double
  let lambda: Double
  let others: Double

  public init(_ p: Parameters) {
    onCos = p.choice("axis") == "cos"
    margin = p.int("margin")
    scale = p["scale"]
    lambda = p["lambda"]
    others = log(p["classes"] - 1) + scale * cosDegrees(p["thetaneg"])
  }

  /// psi and its derivative with respect to x (per degree on theta, per unit cos on cos).
  public func psi(_ x: Double) -> (value: Double, slope: Double) {
    let m = Double(margin)
    if onCos {
      let c = min(max(x, -1), 1)
      let k = min(max(Int((m * acos(c) / Double.pi).rounded(.down)), 0), margin - 1)
      let (t, u) = Self.chebyshev(margin, c)
      let sign = k % 2 == 0 ? 1.0 : -1.0
      return (sign * t - 2 * Double(k), sign * m * u)
    }
    let k = min(max(Int((m * x / 180).rounded(.down)), 0), margin - 1)
    // m x - 180 k with one rounding: u is exact to its own last bit where it is near 0 or 180.
    let u = fma(m, x, -180 * Double(k))
    return (cosDegrees(u) - 2 * Double(k), -m * sinDegrees(u) * degree)
  }

  /// T_m(c) and U_(m-1)(c): cos(m theta) and sin(m theta) / sin(theta) for c = cos theta, by
  /// P_(n+1) = 2c P_n - P_(n-1) in double-double arithmetic: near a root (a margin boundary, where
  /// the slope passes 0) the plain recurrence loses digits to cancellation, 1e-12 of U_3 at c = 0.7071.
  static func chebyshev(_ m: Int, _ c: Double) -> (t: Double, u: Double) {
    var (t0, t1) = (DoubleDouble(1), DoubleDouble(c))
    var (u0, u1) = (DoubleDouble(0), DoubleDouble(1))
    for _ in 1..<max(m, 1) {
      (t0, t1) = (t1, t1.times(2 * c).minus(t0))
      (u0, u1) = (u1, u1.times(2 * c).minus(u0))
    }
    return (t1.value, u1.value)
  }

  public func evaluate(_ x: Double) -> LossPoint {
    let (value, slope) = psi(x)
    let cosine = onCos ? (x, 1.0) : (cosDegrees(x), -sinDegrees(x) * degree)
    let w = scale / (1 + lambda)
    let target = w * (lambda * cosine.0 + value)
    let t = others - target
    return LossPoint(loss: softplus(t), grad: sigmoid(t) * abs(w * (lambda * cosine.1 + slope)))
  }

  public static let info = ViewInfo(
    name: "sphereface", title: "SphereFace (A-Softmax, multiplicative angular margin)",
    formula: "L = -log(e^(s psi) / (e^(s psi) + (C-1) e^(s cos thetaneg))), psi(t) = (-1)^k cos(m t) - 2k on [k pi/m, (k+1) pi/m]",
    source: "Liu, Wen, Yu, Li, Raj, Song 2017, SphereFace: Deep Hypersphere Embedding for Face Recognition (CVPR), A-Softmax with psi",
    notes: "s stands for the feature norm |x| (A-Softmax normalises the weights, not the features) or a fixed scale. "
      + "psi is cos(m theta) made monotonic: it decreases continuously from 1 at theta 0 to 1 - 2m at 180 degrees, "
      + "so the target needs theta m times smaller than another class's angle to win (binary boundary "
      + "m theta1 = theta2). lambda > 0 blends in the plain cosine, target s (lambda cos theta + psi) / (1 + lambda), "
      + "as the authors' training does",
    conventions: "the authors' Caffe layer (margin_inner_product, type QUADRUPLE for m = 4) multiplies by the feature "
      + "norm and anneals lambda from base 1000 down to lambda_min 5; pytorch-metric-learning's SphereFaceLoss "
      + "(margin 4, scale 1) normalises the weights, multiplies every logit by the embedding norm times scale and "
      + "does not anneal (lambda 0).",
    axes: AngularMargin.axes,
    parameters: [
      ParameterSpec("margin", symbol: "m", kind: .integer, default: 4, range: 1...10, step: 1,
                    meaning: "multiplicative angular margin m (1: no margin)"),
      AngularMargin.scaleSpec(64),
      AngularMargin.classesSpec, AngularMargin.thetanegSpec,
      ParameterSpec("lambda", symbol: "λ", default: 0, range: 0...1000, step: 1,
                    meaning: "weight of the plain cosine blended into the target (the authors' annealing; 0: the paper's loss)"),
    ],
    build: { SphereFace($0) })
}

/// A double-double: value hi + lo with |lo| <= ulp(hi)/2, for the Chebyshev recurrences.
struct DoubleDouble {
  var hi: Double
  var lo: Double

  init(_ hi: Double, _ lo: Double = 0) {
    self.hi = hi
    self.lo = lo
  }

  var value: Double { hi + lo }

  /// self * b, the product of hi exact through fma.
  func times(_ b: Double) -> DoubleDouble {
    let p = hi * b
    let e = fma(hi, b, -p) + lo * b
    return DoubleDouble.normalized(p, e)
  }

  /// self - b, the sum of the high parts exact (Knuth's two-sum).
  func minus(_ b: DoubleDouble) -> DoubleDouble {
    let s = hi - b.hi
    let v = s - hi
    let e = (hi - (s - v)) + (-b.hi - v)
    return DoubleDouble.normalized(s, e + lo - b.lo)
  }

  static func normalized(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    return DoubleDouble(s, b - (s - a))
  }
}
