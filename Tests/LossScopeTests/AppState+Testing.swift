// Read-only views of the mode on screen, so that tests read as the user sees the app.

import Losses

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

extension AppState {
  /// The curves mode; a test that asks for it expects it to be on screen.
  var shownCurves: CurvesMode {
    guard let curves else { preconditionFailure("the curves mode is not on screen") }
    return curves
  }
  var ghm: GHMMode? {
    if case .ghm(let g) = mode { return g }
    return nil
  }
  var activeView: ViewSlot { shownCurves.activeView }
  var reference: ViewSlot? { shownCurves.reference }
  var views: [ViewSlot] { shownCurves.views }
  var ghost: ViewSlot? { shownCurves.ghosts.last }
  var cursor: Double { shownCurves.cursor }
  var from: Double { shownCurves.from }
  var to: Double { shownCurves.to }
  var axis: AxisSpec { shownCurves.axis }
  var logY: Bool { shownCurves.logY }
  var sweep: Bool { shownCurves.sweep != nil }
  var visibleSeries: [VisibleSeries] { shownCurves.series }
  var editable: [(spec: ParameterSpec, value: Double)] { model.parameters }
}

/// `update`, then what the runtime does with its work effects (reading followed files), the
/// results fed back in as messages; returns the other effects.
@discardableResult
func send(_ state: inout AppState, _ message: Message) -> [Effect] {
  let performer = WorkPerformer()
  var queue = [message], others: [Effect] = []
  while !queue.isEmpty {
    for effect in update(&state, queue.removeFirst()) {
      if case .work(let work) = effect { queue.append(performer.perform(work)) } else { others.append(effect) }
    }
  }
  return others
}
