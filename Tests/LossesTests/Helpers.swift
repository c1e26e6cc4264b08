// Building views by name with text parameters, as a user would, for the tests.

import Losses
import Testing

struct Built {
  let info: ViewInfo
  let parameters: Parameters
  let view: any LossView
  var axis: AxisSpec { info.axis(of: parameters) }
  func callAsFunction(_ x: Double) -> LossPoint { view.evaluate(x) }
}

func build(_ name: String, _ settings: [String: String] = [:]) -> Built {
  guard let info = Catalog.view(named: name) else { preconditionFailure("no view \(name)") }
  var p = info.defaults
  for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
    do { try p.set(key, text: value, view: name) } catch { preconditionFailure("\(name) \(key)=\(value): \(error)") }
  }
  return Built(info: info, parameters: p, view: info.make(p))
}

/// |a - b| <= tolerance * max(|a|, |b|, floor).
func close(_ a: Double, _ b: Double, rel: Double = 1e-12, floor: Double = 1e-300) -> Bool {
  abs(a - b) <= rel * max(abs(a), abs(b), floor)
}

/// Evenly spaced points strictly inside [lo, hi].
func interior(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
  (1...count).map { lo + (hi - lo) * Double($0) / Double(count + 1) }
}

/// Points from the very edge of an axis domain inward, open ends nudged by the smallest step.
func edgePoints(_ axis: AxisSpec) -> [Double] {
  let lo = axis.lowerOpen ? axis.lower.nextUp : axis.lower
  let hi = axis.upperOpen ? axis.upper.nextDown : axis.upper
  var points = [lo, hi, axis.from, axis.to] + interior(lo, hi, count: 50)
  if axis.lowerOpen { points += [1e-300, 1e-100, 1e-16, 1e-8].map { axis.lower + $0 } }
  if axis.upperOpen { points += [1e-16, 1e-8].map { axis.upper - $0 } + [axis.upper.nextDown] }
  return points.filter(axis.contains)
}

/// SplitMix64: every random test draws the same cases on every run and machine.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
