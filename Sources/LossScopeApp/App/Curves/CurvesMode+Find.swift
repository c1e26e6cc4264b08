// Finding instead of hunting: the next crossing of the active view with the reference, and the
// next extremum of the active view, on the loss or the gradient panel.

import Losses
import LossText
import LossData
import LossLogs

extension CurvesMode {
  /// Samples for the search: fine enough to see every crossing a chart can show.
  static let findSamples = 4000

  /// Moves the cursor to what `action` looks for; the status line says what was found.
  mutating func find(_ action: Action) -> String {
    let panel = findOnGrad ? "gradient" : "loss"
    let active = activeView
    func value(_ slot: ViewSlot, _ x: Double) -> Double {
      let p = slot.evaluate(x)
      return findOnGrad ? p.grad : p.loss
    }
    let xs = (0..<Self.findSamples).map { from + (to - from) * Double($0) / Double(Self.findSamples - 1) }
    var found: [Double] = []
    let what: String
    if action == .findExtremum {
      what = "extremum of \(active.info.name)'s \(panel)"
      let ys = xs.map { value(active, $0) }
      for i in 1..<(xs.count - 1) where (ys[i] - ys[i - 1]) * (ys[i + 1] - ys[i]) < 0 {
        found.append(Self.refineExtremum(lo: xs[i - 1], hi: xs[i + 1], maximum: ys[i] > ys[i - 1]) { value(active, $0) })
      }
    } else {
      guard let reference else { return "no reference to cross: a adds a view" }
      what = "crossing of \(active.info.name) and \(reference.info.name) (\(panel))"
      let d = xs.map { value(active, $0) - value(reference, $0) }
      for i in 1..<xs.count where d[i - 1] != 0 && d[i - 1].sign != d[i].sign && d[i].isFinite && d[i - 1].isFinite {
        found.append(Self.bisect(lo: xs[i - 1], hi: xs[i]) { value(active, $0) - value(reference, $0) })
      }
    }
    let tolerance = (to - from) * 1e-9
    let target: Double?
    if action == .findCrossingBack {
      target = found.last { $0 < cursor - tolerance } ?? found.last
    } else {
      target = found.first { $0 > cursor + tolerance } ?? found.first
    }
    guard let x = target else { return "no \(what) between \(NumberText.significant(from)) and \(NumberText.significant(to))" }
    place(cursor: x)
    return "\(what) at \(axis.name) \(NumberText.significant(x, digits: 6)) (\(found.count) in view)"
  }

  /// The root of `f` between `lo` and `hi`, where `f` changes sign.
  static func bisect(lo: Double, hi: Double, _ f: (Double) -> Double) -> Double {
    var (a, b) = (lo, hi)
    let fa = f(a)
    for _ in 0..<80 {
      let m = (a + b) / 2
      if m == a || m == b { break }
      if (f(m) < 0) == (fa < 0) { a = m } else { b = m }
    }
    return (a + b) / 2
  }

  /// The maximum (or minimum) of `f` on [lo, hi] by golden-section search.
  static func refineExtremum(lo: Double, hi: Double, maximum: Bool, _ f: (Double) -> Double) -> Double {
    let r = (5.0.squareRoot() - 1) / 2
    var (a, b) = (lo, hi)
    for _ in 0..<100 where b - a > 1e-15 * max(1, abs(a)) {
      let c = b - r * (b - a), d = a + r * (b - a)
      if (f(c) > f(d)) == maximum { b = d } else { a = c }
    }
    return (a + b) / 2
  }
}
