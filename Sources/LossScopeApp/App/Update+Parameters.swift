// Changing parameters from the keys: steps, exact values, resets, and switching axis.

import Losses

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

/// Sets a parameter of the active view; a new axis carries the other views along or drops them.
func setParameter(_ name: String, _ value: Double, _ state: inout AppState) {
  if state.ghm != nil {
    do { try state.ghm!.set(name, to: value) } catch { state.status = error.description }
    return
  }
  if state.plane != nil {
    do { try state.plane!.parameters.set(name, to: value, view: state.plane!.info.name) } catch { state.status = error.description }
    return
  }
  let oldAxis = state.axis.name
  do {
    try state.views[state.active].set(name, to: value)
  } catch {
    state.status = error.description
    return
  }
  if name == "axis", state.axis.name != oldAxis { moveToAxis(state.axis, &state) }
}

/// Puts every other view, and the ghost, on `axis` where they have it; the rest are removed.
func moveToAxis(_ axis: AxisSpec, _ state: inout AppState) {
  var kept: [ViewSlot] = []
  var dropped: [String] = []
  for (i, slot) in state.views.enumerated() {
    if i == state.active { kept.append(slot); continue }
    if let moved = slot.onAxis(axis.name) { kept.append(moved) } else { dropped.append(slot.info.name) }
  }
  state.active = kept.firstIndex { $0 == state.views[state.active] } ?? 0
  state.views = kept
  state.ghost = state.ghost.flatMap { $0.onAxis(axis.name) }
  state.from = axis.from
  state.to = axis.to
  state.cursor = AppState.defaultCursor(axis)
  if !dropped.isEmpty { state.status = "removed \(dropped.joined(separator: ", ")): not on axis \(axis.name)" }
}

extension ViewSlot {
  /// This view on the named axis, nil when it has no such axis.
  func onAxis(_ name: String) -> ViewSlot? {
    if axis.name == name { return self }
    guard let index = info.axes.firstIndex(where: { $0.name == name }) else { return nil }
    var moved = self
    try? moved.set("axis", to: Double(index))
    return moved
  }
}

/// Moves the cursor by `k` nice steps of about a hundredth of the x range; in a 2-D view, the point.
func moveCursor(_ k: Double, vertical: Bool = false, _ state: inout AppState) {
  if var plane = state.plane {
    let step = plane.span / 100
    if vertical {
      plane.y = min(max((plane.y / step).rounded() * step + k * step, 0), plane.span)
    } else {
      plane.x = min(max((plane.x / step).rounded() * step + k * step, 0), plane.span)
    }
    state.plane = plane
    return
  }
  let stepSize = niceStep((state.to - state.from) / 100)
  let snappedCursor = (state.cursor / stepSize).rounded() * stepSize
  state.cursor = min(max(snappedCursor + k * stepSize, state.from), state.to)
}

/// Scales the x range by `factor` around the cursor, within the axis's default range.
func zoom(_ factor: Double, _ state: inout AppState) {
  let axis = state.axis
  let span = (state.to - state.from) * factor
  guard span > (axis.to - axis.from) * 1e-6 else { state.status = "zoomed in as far as it goes"; return }
  guard span < axis.to - axis.from else {
    state.from = axis.from
    state.to = axis.to
    return
  }
  var lo = state.cursor - span / 2, hi = state.cursor + span / 2
  if lo < axis.from { (lo, hi) = (axis.from, axis.from + span) }
  if hi > axis.to { (lo, hi) = (axis.to - span, axis.to) }
  state.from = max(lo, axis.from)
  state.to = min(hi, axis.to)
}

/// 1, 2 or 5 x 10^k nearest above `raw`.
func niceStep(_ raw: Double) -> Double {
  guard raw > 0, raw.isFinite else { return 1 }
  var magnitude = 1.0
  while magnitude > raw { magnitude /= 10 }
  while magnitude * 10 <= raw { magnitude *= 10 }
  for m in [1.0, 2, 5, 10] where magnitude * m >= raw { return magnitude * m }
  return magnitude * 10
}

func removeSeries(_ state: inout AppState) {
  if state.sweep {
    state.sweep = false
  } else if state.ghost != nil {
    state.ghost = nil
  } else if state.views.count > 1 {
    let victim = state.views.indices.last { $0 != state.active }!
    state.status = "removed \(state.views[victim].name)"
    state.views.remove(at: victim)
    if victim < state.active { state.active -= 1 }
  } else {
    state.status = "nothing to remove: the active view stays"
  }
}
