// The curves mode's answers to the keys: parameters, cursor, zoom, sweep, ghost and added views.

import Losses
import LossText
import LossData
import LossLogs

extension CurvesMode: ModeModel {
  var asMode: Mode { .curves(self) }

  var sweptText: (name: String, text: String)? {
    guard let sweep, let spec = activeView.parameters.specs.first(where: { $0.name == sweep.name }) else { return nil }
    return (sweep.name, sweep.values.map(spec.format).joined(separator: ","))
  }

  mutating func endSweep() {
    sweep = nil
    refresh()
  }

  var title: String {
    var text = activeView.name
    if let (name, values) = sweptText {
      let words = activeView.parameters.active.filter { !$0.spec.isAxis }.map { spec, value in
        "\(spec.name)=" + (spec.name == name ? values : spec.format(value))
      }
      text = ([activeView.info.name] + words).joined(separator: " ")
    }
    if let reference { text += "  vs " + reference.name }
    return text + "  on \(axis.name)"
  }

  var parameters: [(spec: ParameterSpec, value: Double)] { activeView.editable }

  var axisName: String? { axis.name }

  var keys: [Action] {
    [.cursorLeft, .cursorRight, .cursorFarLeft, .cursorFarRight, .toggleLogY, .addView, .nextView, .pinGhost,
     .toggleSweep, .removeSeries, .zoomIn, .zoomOut, .zoomReset, .findCrossing, .findCrossingBack, .findExtremum,
     .togglePanel, .cycleYRange]
  }

  func overrides(_ key: Key) -> Action? { nil }

  /// Sets a parameter of the active view; a swept one moves the whole sweep with it, and a new
  /// axis carries the other views along or drops them.
  mutating func set(_ name: String, to value: Double) throws(ParameterError) -> String? {
    let oldAxis = axis.name
    let old = activeView.editable.first { $0.spec.name == name }
    try views[active].set(name, to: value)
    var status: String?
    // Stepping the swept parameter carries the whole sweep: shifted, or scaled on a log scale.
    if let sweep, sweep.name == name, let (spec, before) = old, spec.isNumeric, before != value {
      let log = spec.scale == .log && before > 0 && value > 0
      let moved = sweep.values.map { v -> Double in
        let w = log ? tidy(v * (value / before)) : snapped(v + value - before, spec)
        return spec.kind == .integer ? w.rounded() : w
      }.filter(spec.contains)
      var unique: [Double] = []
      for v in moved where !unique.contains(v) { unique.append(v) }
      self.sweep = unique.isEmpty ? nil : Sweep(name: name, values: unique)
    }
    if old?.spec.isAxis == true, axis.name != oldAxis { status = moveToAxis(axis) }
    refresh()
    return status
  }

  mutating func perform(_ action: Action, selected: ParameterSpec?) -> ModeReply {
    switch action {
    case .cursorLeft: moveCursor(-1)
    case .cursorRight: moveCursor(1)
    case .cursorFarLeft: moveCursor(-10)
    case .cursorFarRight: moveCursor(10)
    case .toggleLogY: logY.toggle()
    case .zoomIn: return .done(zoom(0.5))
    case .zoomOut: return .done(zoom(2))
    case .zoomReset:
      (from, to) = (axis.from, axis.to)
      cursor = min(max(cursor, from), to)
      refresh()
    case .nextView:
      active = (active + 1) % views.count
      sweep = nil
      refresh()
    case .pinGhost:
      guard series.count < Self.maxSeries else { return .notHere("at most \(Self.maxSeries) series: x removes the last ghost") }
      ghosts.append(activeView)
      refresh()
      return .done("ghost \(ghosts.count) pinned: change a parameter to compare (x removes it)")
    case .findCrossing, .findCrossingBack, .findExtremum:
      return .done(find(action))
    case .togglePanel:
      findOnGrad.toggle()
      return .done("f, F and E now search the \(findOnGrad ? "gradient" : "loss") panel")
    case .cycleYRange:
      switch yRange {
      case .clipped: yRange = .full
      case .full: return .done("type the y range as lo,hi")
      case .fixed: yRange = .clipped
      }
      return .done("y range: \(yRange == .full ? "every value shown" : "clipped to the bulk of the curves")")
    case .removeSeries: return .done(removeSeries())
    case .toggleSweep:
      guard let spec = selected else { return .notHere("no parameter to sweep") }
      return .done(setSweep(spec, sweep == nil ? sweepValues(spec) : nil))
    case .addView:
      return series.count < Self.maxSeries ? .done(nil) : .notHere("at most \(Self.maxSeries) series")
    default: return .notHere("not in this view")
    }
    return .done(nil)
  }

  /// Nice values around the current one: on a log scale the 1-2-5 values two either side; on a
  /// linear one the two 1-2-5 values below, one above, and 0 where allowed (gamma 2 sweeps
  /// 0, 0.5, 1, 2, 5: focal's Fig. 1); every option of a choice.
  func sweepValues(_ spec: ParameterSpec) -> [Double] {
    guard let current = parameters.first(where: { $0.spec.name == spec.name })?.value else { return [] }
    if !spec.isNumeric { return (0..<spec.options.count).map(Double.init) }
    var values: [Double]
    if current > 0 {
      let ladder = Ladder.values(Ladder.coarse, from: current / 1000, to: current * 1000)
      let below = ladder.filter { $0 < current * (1 - 1e-12) }.suffix(2)
      let above = ladder.filter { $0 > current * (1 + 1e-12) }.prefix(spec.scale == .log || !spec.contains(0) ? 2 : 1)
      values = Array(below) + [current] + Array(above)
      if spec.scale == .linear && spec.contains(0) { values.insert(0, at: 0) }
      values = values.map { spec.kind == .integer ? $0.rounded() : $0 }.filter(spec.contains)
    } else {
      values = (-2...2).map { snapped(current + Double($0) * spec.step, spec) }.filter(spec.contains)
    }
    var unique: [Double] = []
    for v in values.sorted() where !unique.contains(v) { unique.append(v) }
    return unique
  }

  /// `lo,hi` typed after `Y`: the loss panel's y range.
  mutating func typedYRange(_ text: String) -> ModeReply {
    let parts = text.split(separator: ",").map { DecimalText.value(String($0).trimmingSpaces) }
    guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo.isFinite, hi.isFinite, lo < hi else {
      return .notHere("type the y range as lo,hi with lo < hi")
    }
    if logY && lo <= 0 { return .notHere("a log axis needs lo > 0") }
    yRange = .fixed(lo, hi)
    return .done("y range \(NumberText.shortest(lo)) to \(NumberText.shortest(hi)) (Y: back to clipped)")
  }

  /// A list typed at `=` for the selected parameter: it becomes the sweep.
  mutating func typedList(_ spec: ParameterSpec?, _ text: String) -> ModeReply {
    guard let spec else { return .notHere("no parameter to sweep") }
    do throws(CLIError) {
      let values = try SweepText.parse(text, spec, limit: Self.maxSeries)
      return .done(setSweep(spec, values) ?? "sweeping \(spec.name) at \(values.map(spec.format).joined(separator: ", "))")
    } catch {
      return .notHere(error.description)
    }
  }

  /// Sweeps `spec` at `values`, or stops sweeping when `values` is nil.
  mutating func setSweep(_ spec: ParameterSpec, _ values: [Double]?) -> String? {
    sweep = values.map { Sweep(name: spec.name, values: $0) }
    refresh()
    let wanted = wantedSeries
    return wanted > Self.maxSeries ? "showing \(Self.maxSeries) of \(wanted) series: x removes some" : nil
  }

  /// Replaces the active view (keeping the axis when the new view has it), or adds one beside it.
  mutating func choose(_ info: ViewInfo, adding: Bool) -> ModeReply {
    if adding {
      guard series.count < Self.maxSeries else { return .notHere("at most \(Self.maxSeries) series") }
      guard let slot = ViewSlot(info: info, population: population).onAxis(axis.name) else {
        return .notHere("\(info.name) has no axis \(axis.name)")
      }
      guard slot.axis.contains(from) && slot.axis.contains(to) else {
        return .notHere("\(info.name) is defined for \(axis.name) in \(slot.axis.domainText): zoom into it first (z)")
      }
      views.append(slot)
      refresh()
      return .done("added \(slot.name)")
    }
    let oldAxis = axis.name
    views[active] = ViewSlot(info: info, population: population)
    sweep = nil
    var status: String?
    if let same = views[active].onAxis(oldAxis) {
      views[active] = same
      ghosts = ghosts.compactMap { $0.onAxis(oldAxis) }
    } else {
      status = moveToAxis(axis)
    }
    refresh()
    return .done(status)
  }

  // MARK: - Moves

  /// Moves the cursor by `k` nice steps of about a hundredth of the x range.
  mutating func moveCursor(_ k: Double) {
    let stepSize = niceStep((to - from) / 100)
    let snappedCursor = (cursor / stepSize).rounded() * stepSize
    cursor = min(max(snappedCursor + k * stepSize, from), to)
  }

  /// Puts the cursor at `x`, kept inside the shown range.
  mutating func place(cursor x: Double) {
    guard x.isFinite else { return }
    cursor = min(max(x, from), to)
  }

  /// Shows `lo...hi` (kept inside the axis's default range) with the cursor inside it.
  mutating func show(from lo: Double, to hi: Double) {
    guard lo.isFinite, hi.isFinite, lo < hi else { return }
    from = max(lo, axis.from)
    to = min(hi, axis.to)
    if from >= to { (from, to) = (axis.from, axis.to) }
    cursor = min(max(cursor, from), to)
    refresh()
  }

  /// Scales the x range by `factor` around the cursor, within the axis's default range.
  private mutating func zoom(_ factor: Double) -> String? {
    zoomY(factor)
    let span = (to - from) * factor
    guard span > (axis.to - axis.from) * 1e-6 else { return "zoomed in as far as it goes" }
    guard span < axis.to - axis.from else {
      show(from: axis.from, to: axis.to)
      return nil
    }
    var lo = cursor - span / 2, hi = cursor + span / 2
    if lo < axis.from { (lo, hi) = (axis.from, axis.from + span) }
    if hi > axis.to { (lo, hi) = (axis.to - span, axis.to) }
    show(from: lo, to: hi)
    return nil
  }

  /// With a typed y range (the user asked for y), `z` and `Z` zoom it too, around the active
  /// view's loss at the cursor; the clipped and full ranges follow the curves by themselves.
  private mutating func zoomY(_ factor: Double) {
    guard case .fixed(let lo, let hi) = yRange else { return }
    let centre = min(max(activeView.evaluate(cursor).loss, lo), hi)
    var half = (hi - lo) * factor / 2
    if logY { half = min(half, centre * 0.999) }
    guard half > 0, half.isFinite, (centre - half) < (centre + half) else { return }
    yRange = .fixed(tidy(centre - half), tidy(centre + half))
  }

  /// Puts every other view, and the ghost, on `axis` where they have it; the rest are removed.
  private mutating func moveToAxis(_ axis: AxisSpec) -> String? {
    var kept: [ViewSlot] = [], dropped: [String] = []
    let current = views[active]
    for (i, slot) in views.enumerated() {
      if i == active { kept.append(slot); continue }
      if let moved = slot.onAxis(axis.name) { kept.append(moved) } else { dropped.append(slot.info.name) }
    }
    active = kept.firstIndex { $0 == current } ?? 0
    views = kept
    ghosts = ghosts.compactMap { $0.onAxis(axis.name) }
    (from, to) = (axis.from, axis.to)
    cursor = Self.defaultCursor(axis)
    return dropped.isEmpty ? nil : "removed \(dropped.joined(separator: ", ")): not on axis \(axis.name)"
  }

  /// The sweep, then the ghost, then the last added view; the active view always stays.
  private mutating func removeSeries() -> String? {
    defer { refresh() }
    if sweep != nil { sweep = nil; return "sweep off" }
    if !ghosts.isEmpty { ghosts.removeLast(); return "ghost removed" }
    guard let victim = views.indices.last(where: { $0 != active }) else {
      return "nothing to remove: the active view stays"
    }
    let name = views[victim].name
    views.remove(at: victim)
    if victim < active { active -= 1 }
    return "removed \(name)"
  }
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

extension ViewSlot {
  /// This view on the named axis, nil when it has no such axis.
  func onAxis(_ name: String) -> ViewSlot? {
    if axis.name == name { return self }
    guard let index = info.axes.firstIndex(where: { $0.name == name }) else { return nil }
    var moved = self
    try? moved.selectAxis(index)
    return moved
  }
}
