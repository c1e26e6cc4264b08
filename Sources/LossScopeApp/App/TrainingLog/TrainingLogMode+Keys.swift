// The training-log mode's answers to the keys and to the clock: smoothing, cursor, zoom, log-y, new points.

import Losses
import LossData
import LossLogs
import LossText

extension TrainingLogMode: ModeModel {
  var asMode: Mode { .log(self) }

  var title: String {
    let files = paths.count == 1 ? Self.shown(paths[0]) : "\(paths.count) files"
    return "log \(files)  \(smoother.summary)" + (follow ? (problem == nil ? "  following" : "  stopped") : "")
  }

  var parameters: [(spec: ParameterSpec, value: Double)] { settings.active }

  var keys: [Action] { [.cursorLeft, .cursorRight, .cursorFarLeft, .cursorFarRight, .toggleLogY, .zoomIn, .zoomOut, .zoomReset] }

  var axisName: String? { axis.rawValue }

  // Reading the files is I/O: each tick asks the runtime to read, and the runs come back as a
  // message (`finished`), so the model holds values only and no key ever reads.
  var wantsTicks: Bool { follow && problem == nil }

  func tick() -> [Effect] { wantsTicks ? [.work(.readLogs(paths: paths, axis: axis))] : [] }

  mutating func finished(_ outcome: WorkOutcome) -> String? { received(outcome) }

  /// A new weight, window or smoother: smoothed values and diagnoses again, the runs as they are.
  mutating func set(_ name: String, to value: Double) throws(ParameterError) -> String? {
    try settings.set(name, to: value, view: "log")
    resmooth()
    if name == "smooth", settings.choice("smoother") != "ema" { return "the weight smooths with ema: set smoother to ema" }
    if name == "window", settings.choice("smoother") == "none", window != nil { return "window sets the diagnosis's points (and ma's)" }
    return nil
  }

  func overrides(_ key: Key) -> Action? { nil }

  mutating func perform(_ action: Action, selected: ParameterSpec?) -> ModeReply {
    switch action {
    case .cursorLeft: moveCursor(-1)
    case .cursorRight: moveCursor(1)
    case .cursorFarLeft: moveCursor(-10)
    case .cursorFarRight: moveCursor(10)
    case .toggleLogY:
      logYChoice = !logY
      redraw()
    case .zoomIn: return .done(zoom(0.5))
    case .zoomOut: return .done(zoom(2))
    case .zoomReset:
      range = nil
      redraw()
    default: return .notHere("a training log has no \(action.noun)")
    }
    return .done(nil)
  }

  /// Moves the cursor by `k` nice steps of about a hundredth of the range shown, onto the
  /// nearest logged step of the first series (at least one step on); reaching the latest step
  /// puts it back there, where following keeps it.
  mutating func moveCursor(_ k: Double) {
    let (from, to) = shown
    let size = niceStep((to - from) / 100)
    var moved = min(max((cursorX / size).rounded() * size + k * size, from), to)
    if let s = panels.first?.series.first, let i = Self.index(s, atOrBefore: moved) {
      let near = i + 1 < s.count && abs(s.xs[i + 1] - moved) < abs(s.xs[i] - moved) ? i + 1 : i
      var j = near
      if s.xs[j] == cursorX { j = min(max(0, j + (k > 0 ? 1 : -1)), s.count - 1) }
      if s.xs[j].isFinite && s.xs[j] >= from && s.xs[j] <= to { moved = s.xs[j] }
    }
    cursor = moved >= extent.to ? nil : moved
  }

  /// Scales the range shown by `factor` around the cursor; as wide as the data (or wider) unzooms.
  private mutating func zoom(_ factor: Double) -> String? {
    let (from, to) = shown
    let span = (to - from) * factor, full = extent.to - extent.from
    guard span >= full * 1e-6, span >= 1e-9 * max(1, abs(cursorX)) else { return "zoomed in as far as it goes" }
    if span >= full {
      range = nil
    } else {
      var lo = cursorX - span / 2, hi = cursorX + span / 2
      if lo < extent.from { (lo, hi) = (extent.from, extent.from + span) }
      if hi > extent.to { (lo, hi) = (extent.to - span, extent.to) }
      range = (lo, hi)
    }
    redraw()
    return nil
  }

  mutating func resize(width: Int) {
    guard width != plotWidth else { return }
    plotWidth = width
    redraw()
  }
}

/// A tick of the clock while the mode follows files: read what was appended (see `wantsTicks`).
func tick(_ state: inout AppState) -> [Effect] {
  guard state.model.wantsTicks else { return [] }
  return state.model.tick()
}
