// Every binding of the key table, pressed as a user would, changes the state as its help says.
// The switch over actions has no default: a new action does not compile without its check here.

import Plot
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct BindingTests {
  typealias Check = (_ before: AppState, _ after: AppState, _ effects: [Effect]) -> Bool

  static let circle: [Key] = [.char("v")] + typed("circle-plane") + [.enter]

  /// Keys that set up the state the action is pressed in, and what must then be true.
  static func expectation(_ action: Action) -> (setup: [Key], check: Check) {
    func gamma(_ s: AppState) -> Double { s.activeView.parameters["gamma"] }
    switch action {
    case .quit: return ([], { _, _, e in e == [.quit] })
    case .help: return ([], { _, a, _ in a.overlay == .help(filter: "", top: 0) })
    case .nextParameter: return ([], { _, a, _ in a.selectedParameter?.spec.name == "alpha" })
    case .previousParameter: return ([], { _, a, _ in a.selectedParameter?.spec.name == "axis" })
    case .stepUp: return ([], { _, a, _ in gamma(a) == 2.5 })
    case .stepDown: return ([], { _, a, _ in gamma(a) == 1.5 })
    case .coarseUp: return ([], { _, a, _ in gamma(a) == 7 })
    case .coarseDown: return ([.char("+"), .char("+")], { _, a, _ in gamma(a) == 0 })
    case .fineUp: return ([], { _, a, _ in gamma(a) == 2.05 })
    case .fineDown: return ([], { _, a, _ in gamma(a) == 1.95 })
    case .typeValue: return ([], { _, a, _ in a.overlay == .prompt(.value(parameter: "gamma"), text: "2", fresh: true) })
    case .resetParameter: return ([.char("+"), .char("+")], { _, a, _ in gamma(a) == 2 })
    case .resetAll:
      return ([.char("+"), .tab, .char("-")], { _, a, _ in gamma(a) == 2 && a.activeView.parameters["alpha"] == 1 })
    case .cursorLeft: return ([], { _, a, _ in abs(a.cursor - 0.89) < 1e-12 })
    case .cursorRight: return ([], { _, a, _ in abs(a.cursor - 0.91) < 1e-12 })
    case .cursorFarLeft: return ([], { _, a, _ in abs(a.cursor - 0.8) < 1e-12 })
    case .cursorFarRight: return ([], { _, a, _ in a.cursor == a.to })
    case .toggleLogY: return ([], { b, a, _ in a.logY != b.logY })
    case .cycleMarker: return ([], { b, a, _ in a.marker != b.marker })
    case .chooseView: return ([], { _, a, _ in a.overlay == .picker(adding: false, filter: "", selection: 0) })
    case .addView: return ([], { _, a, _ in a.overlay == .picker(adding: true, filter: "", selection: 0) })
    case .nextView: return ([], { _, a, _ in a.activeView.info.name == "ce" })
    case .pinGhost: return ([], { _, a, _ in a.shownCurves.ghosts.count == 1 })
    case .toggleSweep: return ([], { _, a, _ in a.shownCurves.sweep?.values == [0, 0.5, 1, 2, 5] })
    case .removeSeries: return ([], { _, a, _ in a.views.map(\.info.name) == ["focal"] })
    case .zoomIn: return ([], { b, a, _ in abs((a.to - a.from) - (b.to - b.from) / 2) < 1e-12 })
    case .zoomOut: return ([.char("z")], { _, a, _ in a.from == 0.001 && a.to == 0.999 })
    case .zoomReset: return ([.char("z"), .char("z")], { _, a, _ in a.from == 0.001 && a.to == 0.999 })
    case .export: return ([], { _, a, _ in a.overlay == .prompt(.exportPath, text: "lossscope-20261122-174502.csv") })
    case .savePreset: return ([], { _, a, _ in a.overlay == .prompt(.presetName, text: "") })
    case .nextStep: return ([.char("t")], { _, a, _ in a.lesson?.step == 1 })
    case .previousStep: return ([.char("t"), .char("n")], { _, a, _ in a.lesson?.step == 0 })
    case .lessons: return ([], { _, a, _ in a.lesson?.lesson.name == "ce-focal-ghm" })
    case .pointUp: return (circle, { b, a, _ in (a.plane?.y ?? 0) > (b.plane?.y ?? 1) })
    case .pointDown: return (circle, { b, a, _ in (a.plane?.y ?? 1) < (b.plane?.y ?? 0) })
    case .pointUpFast: return (circle, { b, a, _ in abs((a.plane?.y ?? 0) - (b.plane?.y ?? 0) - 0.1) < 1e-9 })
    case .pointDownFast: return (circle, { b, a, _ in abs((b.plane?.y ?? 0) - (a.plane?.y ?? 0) - 0.1) < 1e-9 })
    case .undo: return ([.char("+")], { _, a, _ in gamma(a) == 2 })
    case .redo: return ([.char("+"), .char("u")], { _, a, _ in gamma(a) == 2.5 })
    case .findCrossing, .findCrossingBack:
      return ([.char("d")], { _, a, _ in abs(a.cursor - 0.29764) < 1e-4 })
    case .findExtremum: return ([.char("d")], { _, a, _ in abs(a.cursor - 0.0578) < 1e-3 })
    case .togglePanel: return ([], { b, a, _ in a.shownCurves.findOnGrad != b.shownCurves.findOnGrad })
    case .cycleYRange: return ([], { _, a, _ in a.shownCurves.yRange == .full })
    case .nextAnchor, .previousAnchor:
      // The embeddings mode's own tests step anchors on its data (EmbeddingsModeTests); here, that
      // the key is refused where there are no anchors.
      return ([], { _, a, _ in a.status == "not in this view" })
    }
  }

  /// The keys that reach each action: its binding's, or a mode's own for the plane's point.
  static func keys(_ binding: Binding) -> [Key] {
    if !binding.keys.isEmpty { return binding.keys }
    switch binding.action {
    case .pointUp: return [.up]
    case .pointUpFast: return [.pageUp, .shiftUp]
    default: return []
    }
  }

  @Test func everyBindingDoesWhatItsHelpSays() {
    var checked = 0
    for binding in KeyMap.bindings {
      let (setup, check) = Self.expectation(binding.action)
      for key in Self.keys(binding) {
        var s = fresh()
        _ = press(setup, &s)
        let before = s
        let effects = press([key], &s)
        let ok = check(before, s, effects)
        #expect(ok, "\(binding.label) (\(key)): \(binding.help); status: \(s.status)")
        checked += 1
      }
    }
    #expect(checked >= KeyMap.bindings.count)
  }

  @Test func theDownKeysOfThePlane() {
    for (key, action) in [(Key.down, Action.pointDown), (.pageDown, .pointDownFast), (.shiftDown, .pointDownFast)] {
      let (setup, check) = Self.expectation(action)
      var s = fresh()
      _ = press(setup, &s)
      let before = s
      let effects = press([key], &s)
      let ok = check(before, s, effects)
      #expect(ok, "\(key)")
    }
  }
}

@Suite struct YZoomTests {
  /// After a typed y range, `z` halves it around the active view's loss at the cursor.
  @Test func zoomTakesATypedYRangeAlong() {
    var s = fresh()
    _ = press([.char("Y"), .char("Y")] + typed("0,4") + [.enter], &s)
    #expect(s.shownCurves.yRange == .fixed(0, 4))
    _ = press([.char("z")], &s)
    guard case .fixed(let lo, let hi) = s.shownCurves.yRange else { Issue.record("no typed range"); return }
    #expect(abs((hi - lo) - 2) < 1e-9)
    #expect(lo <= s.activeView.evaluate(s.cursor).loss && s.activeView.evaluate(s.cursor).loss <= hi)
    _ = press([.char("Y")], &s)
    #expect(s.shownCurves.yRange == .clipped)
  }
}
