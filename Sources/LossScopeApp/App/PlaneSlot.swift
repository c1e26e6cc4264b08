// A 2-D view on screen: its parameters and the movable point with its readout.

import Losses

struct PlaneSlot: Equatable {
  let info: PlaneInfo
  var parameters: Parameters
  var x: Double
  var y: Double

  init(info: PlaneInfo) {
    self.info = info
    parameters = info.defaults
    (x, y) = info.name == CirclePlane.info.name ? (0.3, 0.7) : (60, 90)
  }

  static func == (a: PlaneSlot, b: PlaneSlot) -> Bool {
    a.info.name == b.info.name && a.parameters == b.parameters && a.x == b.x && a.y == b.y
  }

  var isCircle: Bool { info.name == CirclePlane.info.name }
  var span: Double { isCircle ? 1 : 180 }

  var request: PlaneRequest { PlaneRequest(info: info, parameters: parameters) }

  /// Circle loss paper's illustrative points: A and B off the boundary (sn too high, sp too low),
  /// T and T' on it, where the linear boundary would treat them alike.
  var marks: [(x: Double, y: Double, label: String)] {
    guard isCircle else { return [] }
    let r = 2.0.squareRoot() * CirclePlane(parameters).margin
    return [(0.45, 0.75, "A"), (0.15, 0.35, "B"), (0, 1 - r, "T"), (r / 2.0.squareRoot(), 1 - r / 2.0.squareRoot(), "T'")]
  }

  /// What the point means: loss and self-paced weights for circle-plane, who wins for margins.
  var readout: String {
    if isCircle {
      let plane = CirclePlane(parameters)
      let (ap, an) = plane.weights(sn: x, sp: y)
      let ratio = an > 0 ? significant(ap / an) : "inf"
      return "sn \(significant(x)) sp \(significant(y)) | loss \(significant(plane.loss(sn: x, sp: y)))"
        + " | a_p \(significant(ap)) a_n \(significant(an)) | gradient moves sp and sn at a_p/a_n = \(ratio)"
    }
    let margins = MarginPlane(parameters), m = margins.cosMargin
    let c1 = cosDegrees(x), c2 = cosDegrees(y)
    func winner(_ one: Bool, _ two: Bool) -> String { one ? "class 1" : two ? "class 2" : "neither (in the band)" }
    let arc = margins.arcMargin * 180 / Double.pi
    return "theta1 \(significant(x)) theta2 \(significant(y)) | softmax: \(winner(x < y, y < x))"
      + " | cosface: \(winner(c1 - m > c2, c2 - m > c1)) | arcface: \(winner(x + arc < y, y + arc < x))"
  }
}
