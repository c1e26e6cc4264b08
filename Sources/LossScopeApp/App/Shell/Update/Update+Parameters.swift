// Changing parameters from the keys: steps and exact values, the same for every mode.

import Losses
import LossData
import LossLogs
import LossText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Steps the selected parameter by `k` steps; choices and booleans cycle through their options.
func step(_ k: Double, _ state: inout AppState) {
  guard let (spec, value) = state.selectedParameter else {
    state.status = "no parameters to change"
    return
  }
  if !spec.isNumeric {
    let n = Double(spec.options.count)
    setParameter(spec.name, (value + (k > 0 ? 1 : n - 1)).truncatingRemainder(dividingBy: n), &state)
    return
  }
  if spec.scale == .log, value > 0 {
    let next = Ladder.step(value, by: k, spec)
    guard next != value else { state.status = "\(spec.name) is at its limit: \(spec.rangeText)"; return }
    setParameter(spec.name, next, &state)
    return
  }
  var delta = k * spec.step
  // A fine step of an integer is still a whole step.
  if spec.kind == .integer { delta = k < 0 ? -max(1, (-delta).rounded()) : max(1, delta.rounded()) }
  var next = snapped(value + delta, spec)
  next = min(max(next, spec.lower), spec.upper)
  // An open bound (alpha in (0, 1]) stops one step inside it rather than refusing the key.
  if spec.lowerOpen && next <= spec.lower { next = snapped(spec.lower + spec.step, spec) }
  if spec.upperOpen && next >= spec.upper { next = snapped(spec.upper - spec.step, spec) }
  guard spec.contains(next), next != value else {
    state.status = "\(spec.name) is at its limit: \(spec.rangeText)"
    return
  }
  setParameter(spec.name, next, &state)
}

/// Sets a parameter of the mode; a refusal or the mode's remark goes to the status line.
func setParameter(_ name: String, _ value: Double, _ state: inout AppState) {
  let outcome: Result<String?, ParameterError> = state.change { model in
    do throws(ParameterError) { return .success(try model.set(name, to: value)) } catch { return .failure(error) }
  }
  switch outcome {
  case .success(let remark): if let remark { state.status = remark }
  case .failure(let error): state.status = error.description
  }
  // The parameter list may have changed (a new axis or view): keep the selection on it.
  let count = state.model.parameters.count
  if state.selected >= count { state.selected = max(0, count - 1) }
}

/// A stepped value rounded to two decimals finer than the step, so 0.1 + 0.2 shows as 0.3.
/// Dividing by an exact power of ten (not multiplying by 0.01) keeps 0.95 exactly 0.95.
func snapped(_ value: Double, _ spec: ParameterSpec) -> Double {
  if spec.kind == .integer || !spec.isNumeric { return value.rounded() }
  var scale = 100.0
  var step = spec.step
  while step.rounded() != step && scale < 1e12 {
    step *= 10
    scale *= 10
  }
  return (value * scale).rounded() / scale
}

/// Values spaced evenly on a log scale: 1-2-5 per decade, 1-1.2-1.5-2-2.5-3-4-5-6-8 when fine.
enum Ladder {
  static let coarse: [Double] = [1, 2, 5]
  static let fine: [Double] = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]

  /// The ladder's values from `lo` to `hi` (both > 0).
  static func values(_ mantissas: [Double], from lo: Double, to hi: Double) -> [Double] {
    guard lo > 0, hi >= lo, lo.isFinite, hi.isFinite else { return [] }
    var result: [Double] = []
    var exponent = Int(log10(lo).rounded(.down)) - 1
    while result.count < 10_000 {
      let decade = power10(exponent)
      if decade > hi * 10 { break }
      for m in mantissas {
        // Dividing by a power of ten keeps 0.2 exactly 0.2 (0.1 * 2 is not).
        let v = exponent < 0 ? m / power10(-exponent) : m * decade
        if v >= lo && v <= hi { result.append(v) }
      }
      exponent += 1
    }
    return result
  }

  /// `k` ladder steps from `value` (+-1 a 1-2-5 step, +-0.1 a fine one, +-10 a decade), kept in range.
  static func step(_ value: Double, by k: Double, _ spec: ParameterSpec) -> Double {
    var next: Double
    if abs(k) >= 10 {
      next = k > 0 ? value * 10 : value / 10
    } else {
      let ladder = values(abs(k) < 1 ? fine : coarse, from: value / 100, to: value * 100)
      next = (k > 0 ? ladder.first { $0 > value * (1 + 1e-12) } : ladder.last { $0 < value * (1 - 1e-12) }) ?? value
    }
    if spec.kind == .integer { next = next.rounded() }
    if spec.kind == .integer && next == value { next = value + (k > 0 ? 1 : -1) }
    next = min(max(next, spec.lower), spec.upper)
    return spec.contains(next) ? next : value
  }

  private static func power10(_ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<abs(n) { r *= 10 }
    return n < 0 ? 1 / r : r
  }
}
