// The series the app draws and exports, derived from the state: views, sweep and ghost, at most 8.

import Losses

struct VisibleSeries {
  var name: String
  var slot: ViewSlot
  var dimmed = false
}

extension AppState {
  /// The active view (or its sweep), the other views, then the ghost; capped at 8.
  var visibleSeries: [VisibleSeries] {
    var result: [VisibleSeries] = []
    if sweep, let (spec, _) = selectedParameter {
      for value in sweepValues(spec) {
        var slot = activeView
        try? slot.set(spec.name, to: value)
        result.append(VisibleSeries(name: "\(slot.info.name) \(spec.name)=\(spec.format(value))", slot: slot))
      }
    } else {
      result.append(VisibleSeries(name: activeView.name, slot: activeView))
    }
    for (i, slot) in views.enumerated() where i != active {
      result.append(VisibleSeries(name: slot.name, slot: slot))
    }
    if let ghost { result.append(VisibleSeries(name: "ghost " + ghost.name, slot: ghost, dimmed: true)) }
    return Array(result.prefix(Self.maxSeries))
  }

  /// Five values around the current one (two steps either side, kept in range), or every option.
  func sweepValues(_ spec: ParameterSpec) -> [Double] {
    if let presetSweep, presetSweep.name == spec.name { return presetSweep.values }
    guard let current = editable.first(where: { $0.spec.name == spec.name })?.value else { return [] }
    if !spec.isNumeric { return (0..<spec.options.count).map(Double.init) }
    var values: [Double] = []
    for k in -2...2 {
      let v = snapped(current + Double(k) * spec.step, spec)
      if spec.contains(v), !values.contains(v) { values.append(v) }
    }
    return values
  }

  /// The x grid the curves are drawn and exported on: two points per column, as braille has.
  var sampleGrid: SampleGrid {
    SampleGrid(from: from, to: to, count: max(201, 2 * width))
  }
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
