// The two 2-D views: circle loss in the (sn, sp) plane and the angular-margin boundaries.
//
// circle-plane: boundary a_n (sn - m) - a_p (sp - 1 + m) = 0, which with a_n = sn + m and
// a_p = 1 + m - sp (both >= 0 in the square) is the circle sn^2 + (sp - 1)^2 = 2 m^2, drawn with
// the line sp - sn = m of losses that optimise sn - sp. Points are generated on the curves by
// their own parametrisation (angle on the circle, sn on the line), so each satisfies its
// equation to round-off. margins: binary classification, theta1 and theta2 in degrees;
// class 1 wins softmax when theta1 < theta2, CosFace when cos theta1 - m_cos > cos theta2 and
// ArcFace when theta1 + m_arc < theta2 (m_arc in radians); class 2's boundaries are the mirror
// images. Each has its own margin, so that the papers' defaults (0.35 and 0.5) sit side by side.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One named boundary curve, its points in drawing order.
public struct BoundaryCurve: Sendable, Equatable {
  public let name: String
  public let xs: [Double]
  public let ys: [Double]
}

public struct CirclePlane: Sendable {
  public let margin: Double
  public let scale: Double

  public init(_ p: Parameters) {
    margin = p["margin"]
    scale = p["scale"]
  }

  public func weights(sn: Double, sp: Double) -> (ap: Double, an: Double) {
    (max(0, 1 + margin - sp), max(0, sn + margin))
  }

  /// a_n (sn - m) - a_p (sp - 1 + m): zero on the boundary, the loss is softplus(scale x this).
  public func decision(sn: Double, sp: Double) -> Double {
    let (ap, an) = weights(sn: sn, sp: sp)
    return an * (sn - margin) - ap * (sp - (1 - margin))
  }

  public func loss(sn: Double, sp: Double) -> Double { softplus(scale * decision(sn: sn, sp: sp)) }

  /// The circle's arc inside [0, 1]^2 from its right end to its bottom end, and the line.
  public func boundaries(points n: Int = 201) -> [BoundaryCurve] {
    let r = 2.0.squareRoot() * margin
    // Inside the square: r cos(phi) <= 1 and r sin(phi) <= 1, phi in [0, pi/2].
    let lo = r > 1 ? acos(1 / r) : 0, hi = r > 1 ? asin(min(1, 1 / r)) : Double.pi / 2
    let phis = (0..<n).map { lo + (max(hi, lo) - lo) * Double($0) / Double(n - 1) }
    let circle = BoundaryCurve(name: "circle", xs: phis.map { r * cos($0) }, ys: phis.map { 1 - r * sin($0) })
    let sns = (0..<n).map { max(0, 1 - margin) * Double($0) / Double(n - 1) }
    let line = BoundaryCurve(name: "linear", xs: sns, ys: sns.map { $0 + margin })
    return [circle, line]
  }

  public static let info = PlaneInfo(
    kind: .circle, name: "circle-plane", title: "Circle loss decision boundary in the (sn, sp) plane",
    formula: "boundary sn^2 + (sp - 1)^2 = 2 m^2 (circle loss) beside sp - sn = m (losses optimising sn - sp)",
    source: "Sun et al. 2020, Circle Loss (CVPR), Fig. 1 and eq. 8",
    xName: "sn", yName: "sp", columns: ["curve", "sn", "sp"],
    parameters: [Circle.marginSpec, Circle.scaleSpec])
}

public struct MarginPlane: Sendable {
  /// CosFace's margin, on the cosine.
  public let cosMargin: Double
  /// ArcFace's margin, in radians on the angle.
  public let arcMargin: Double
  /// Which boundaries are drawn (the `kind` parameter).
  public let kind: Boundaries

  /// The options of the `kind` parameter, in its order: softmax's boundary is always drawn.
  public enum Boundaries: String, CaseIterable, Sendable {
    case all, softmax, cosface, arcface

    public var showsCosFace: Bool { self == .cosface || self == .all }
    public var showsArcFace: Bool { self == .arcface || self == .all }
  }

  public init(_ p: Parameters) {
    cosMargin = p["cos-margin"]
    arcMargin = p["arc-margin"]
    kind = Boundaries.allCases[p.int("kind")]
  }

  /// Boundaries in degrees for the selected kind (softmax always, as the reference).
  public func boundaries(points n: Int = 181) -> [BoundaryCurve] {
    let degrees = 180 / Double.pi
    var curves = [line("softmax", n) { $0 }]
    if kind.showsCosFace {
      // cos t1 - cos t2 = m  <=>  t2 = acos(cos t1 - m), defined while cos t1 - m >= -1.
      let m = cosMargin
      let top = m >= 2 ? 0 : acos(max(-1, m - 1)) * degrees
      let t1 = (0..<n).map { top * Double($0) / Double(n - 1) }
      let t2 = t1.map { acos(max(-1, cosDegrees($0) - m)) * degrees }
      curves += [BoundaryCurve(name: "cosface-1", xs: t1, ys: t2), BoundaryCurve(name: "cosface-2", xs: t2, ys: t1)]
    }
    if kind.showsArcFace {
      let shift = arcMargin * degrees
      let t1 = (0..<n).map { max(0, 180 - shift) * Double($0) / Double(n - 1) }
      let t2 = t1.map { $0 + shift }
      curves += [BoundaryCurve(name: "arcface-1", xs: t1, ys: t2), BoundaryCurve(name: "arcface-2", xs: t2, ys: t1)]
    }
    return curves
  }

  /// Whether (theta1, theta2) lies in CosFace's band, where neither class wins: |cos t1 - cos t2| < m_cos.
  public func inCosFaceBand(theta1: Double, theta2: Double) -> Bool {
    abs(cosDegrees(theta1) - cosDegrees(theta2)) < cosMargin
  }

  /// Whether (theta1, theta2) lies in ArcFace's band: |t1 - t2| < m_arc (in radians).
  public func inArcFaceBand(theta1: Double, theta2: Double) -> Bool {
    abs(theta1 - theta2) * Double.pi / 180 < arcMargin
  }

  /// Which bands of the drawn kind hold the point: 0 none, 1 CosFace's only, 2 ArcFace's only, 3 both.
  public func bands(theta1: Double, theta2: Double) -> Int {
    let cos = kind.showsCosFace && inCosFaceBand(theta1: theta1, theta2: theta2)
    let arc = kind.showsArcFace && inArcFaceBand(theta1: theta1, theta2: theta2)
    return (cos ? 1 : 0) + (arc ? 2 : 0)
  }

  private func line(_ name: String, _ n: Int, _ f: (Double) -> Double) -> BoundaryCurve {
    let t = (0..<n).map { 180 * Double($0) / Double(n - 1) }
    return BoundaryCurve(name: name, xs: t, ys: t.map(f))
  }

  public static let info = PlaneInfo(
    kind: .margins, name: "margins", title: "Angular margins: softmax, CosFace and ArcFace boundaries",
    formula: "class 1: softmax t1 = t2; CosFace cos t1 - cos t2 = m_cos; ArcFace t1 + m_arc = t2 (m_arc in radians)",
    source: "Deng et al. 2019, ArcFace (CVPR), Fig. 5; Wang et al. 2018, CosFace (CVPR), Fig. 2",
    xName: "theta1", yName: "theta2", columns: ["curve", "theta1", "theta2"],
    parameters: [
      ParameterSpec("cos-margin", symbol: "m_cos", default: 0.35, range: 0...1.5, step: 0.05,
                    meaning: "CosFace's margin, on the cosine (the CosFace paper's 0.35)"),
      ParameterSpec("arc-margin", symbol: "m_arc", default: 0.5, range: 0...1.5, step: 0.05,
                    meaning: "ArcFace's margin, in radians on the angle (the ArcFace paper's 0.5)"),
      ParameterSpec("scale", symbol: "s", default: 64, range: 1...128, step: 4,
                    meaning: "feature scale (does not move the boundaries)").scaled(.log),
      ParameterSpec("kind", kind: .choice(Boundaries.allCases.map(\.rawValue)), default: 0,
                    meaning: "which boundaries to draw"),
    ])
}

/// Which 2-D view a `PlaneInfo` describes: what the code that draws, reads or exports a plane
/// switches on (its name is only for the user).
public enum PlaneKind: Sendable, Equatable {
  case circle, margins
}

/// What `list` and the TUI say about a 2-D view.
public struct PlaneInfo: Sendable {
  public let kind: PlaneKind
  public let name: String
  public let title: String
  public let formula: String
  public let source: String
  public let xName: String
  public let yName: String
  public let columns: [String]
  public let parameters: [ParameterSpec]

  public var defaults: Parameters { Parameters(parameters) }

  public static let all = [CirclePlane.info, MarginPlane.info]

  public static func named(_ name: String) -> PlaneInfo? { all.first { $0.name == name.lowercased() } }
}
