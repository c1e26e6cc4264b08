// `update`: the only place the app state changes; it returns the effects the runtime performs.

import Losses
import Plot

func update(_ state: inout AppState, _ message: Message) -> [Effect] {
  switch message {
  case .resize(let width, let height):
    state.width = width
    state.height = height
    return []
  case .fileWritten(let path):
    state.status = "wrote \(path)"
    return []
  case .writeFailed(let text):
    state.status = text
    return []
  case .fileExists(let path, let contents):
    state.overlay = .confirmOverwrite(path: path, contents: contents)
    return []
  case .key(let key):
    return handle(key, &state)
  case .paste(let text):
    return paste(text, &state)
  }
}

private func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
  switch state.overlay {
  case .none: break
  case .help:
    if key == .escape || key == .char("?") || key == .char("q") { state.overlay = .none }
    return key == .interrupt ? [.quit] : []
  case .picker(let adding, let filter, let selection):
    return pickerKey(key, adding: adding, filter: filter, selection: selection, &state)
  case .prompt(let prompt, let text, let fresh):
    return promptKey(key, prompt: prompt, text: text, fresh: fresh, &state)
  case .confirmOverwrite(let path, let contents):
    state.overlay = .none
    if key == .char("y") { return [.writeFile(path: path, contents: contents, overwrite: true, makeFolder: true)] }
    state.status = "not written: \(path) exists"
    return key == .interrupt ? [.quit] : []
  }
  // In a 2-D view the vertical arrows move the point instead of stepping the parameter.
  if state.plane != nil, state.ghm == nil, key == .up || key == .down {
    moveCursor(key == .up ? 1 : -1, vertical: true, &state)
    return []
  }
  guard let action = KeyMap.action(for: key) else {
    if case .char(let c) = key { state.status = "no key '\(c)': ? lists the keys" }
    return []
  }
  state.status = ""
  // A preset's exact sweep lasts until the user touches the sweep or the parameters.
  if ![.cursorLeft, .cursorRight, .cursorFarLeft, .cursorFarRight, .toggleLogY, .cycleMarker, .help, .export].contains(action) {
    state.presetSweep = nil
  }
  return perform(action, &state)
}

private func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
  // Zoom, sweeps, ghosts and added views belong to curves; the GHM panels have no cursor either.
  let curvesOnly: [Action] = [.zoomIn, .zoomOut, .zoomReset, .nextView, .removeSeries, .toggleSweep, .addView, .pinGhost]
  let cursorKeys: [Action] = [.cursorLeft, .cursorRight, .cursorFarLeft, .cursorFarRight]
  if (state.plane != nil || state.ghm != nil) && curvesOnly.contains(action) || state.ghm != nil && cursorKeys.contains(action) {
    state.status = "not in this view: v chooses a curve view"
    return []
  }
  switch action {
  case .quit: return [.quit]
  case .help: state.overlay = .help
  case .nextParameter, .previousParameter:
    let count = state.editable.count
    guard count > 0 else { state.status = "no parameters to select"; break }
    state.selected = (state.selected + (action == .nextParameter ? 1 : count - 1)) % count
  case .stepUp: step(1, &state)
  case .stepDown: step(-1, &state)
  case .coarseUp: step(10, &state)
  case .coarseDown: step(-10, &state)
  case .fineUp: step(0.1, &state)
  case .fineDown: step(-0.1, &state)
  case .typeValue:
    guard let (spec, value) = state.selectedParameter else { state.status = "no parameter to set"; break }
    state.overlay = .prompt(.value(parameter: spec.name), text: spec.format(value), fresh: true)
  case .resetParameter:
    guard let (spec, _) = state.selectedParameter else { break }
    setParameter(spec.name, spec.defaultValue, &state)
  case .resetAll:
    for (spec, _) in state.editable where spec.name != "axis" { setParameter(spec.name, spec.defaultValue, &state) }
  case .cursorLeft: moveCursor(-1, &state)
  case .cursorRight: moveCursor(1, &state)
  case .cursorFarLeft: moveCursor(-10, &state)
  case .cursorFarRight: moveCursor(10, &state)
  case .toggleLogY: state.logY.toggle()
  case .cycleMarker:
    let all = Marker.allCases
    state.marker = all[(all.firstIndex(of: state.marker)! + 1) % all.count]
  case .chooseView: state.overlay = .picker(adding: false, filter: "", selection: 0)
  case .addView:
    guard state.plane == nil else { state.status = "a 2-D view stands alone: v chooses a curve view"; break }
    guard state.visibleSeries.count < AppState.maxSeries else { state.status = "at most 8 series"; break }
    state.overlay = .picker(adding: true, filter: "", selection: 0)
  case .nextView:
    state.active = (state.active + 1) % state.views.count
    state.selected = 0
  case .pinGhost:
    guard state.plane == nil else { state.status = "a 2-D view has no ghost"; break }
    if state.ghost == nil {
      state.ghost = state.activeView
      state.status = "ghost pinned: change a parameter to compare"
    } else {
      state.ghost = nil
    }
  case .toggleSweep:
    guard state.plane == nil else { state.status = "a 2-D view has no sweep"; break }
    guard state.selectedParameter != nil else { state.status = "no parameter to sweep"; break }
    state.sweep.toggle()
    let wanted = (state.sweep ? state.sweepValues(state.selectedParameter!.spec).count : 1)
      + state.views.count - 1 + (state.ghost == nil ? 0 : 1)
    if wanted > AppState.maxSeries { state.status = "showing \(AppState.maxSeries) of \(wanted) series: x removes some" }
  case .removeSeries: removeSeries(&state)
  case .zoomIn: zoom(0.5, &state)
  case .zoomOut: zoom(2, &state)
  case .zoomReset:
    state.from = state.axis.from
    state.to = state.axis.to
    state.cursor = min(max(state.cursor, state.from), state.to)
  case .export:
    state.overlay = .prompt(.exportPath, text: "lossscope-\(state.clock().compact).csv")
  case .savePreset:
    state.overlay = .prompt(.presetName, text: "")
  case .lessons:
    let next = state.lesson.flatMap { p in Lessons.all.firstIndex { $0.name == p.lesson.name } }.map { $0 + 1 } ?? 0
    if next < Lessons.all.count {
      state.start(LessonProgress(lesson: Lessons.all[next]))
    } else {
      state.lesson = nil
      state.status = "lessons off"
    }
  case .nextStep, .previousStep:
    guard var progress = state.lesson else { state.status = "no lesson running: t starts one"; break }
    let target = progress.step + (action == .nextStep ? 1 : -1)
    guard progress.lesson.steps.indices.contains(target) else {
      state.status = target < 0 ? "this is the first step" : "end of the lesson: t for the next topic"
      break
    }
    progress.step = target
    state.start(progress)
  }
  return []
}
