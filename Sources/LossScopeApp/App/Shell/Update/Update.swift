// `update`: the only place the app state changes; it returns the effects the runtime performs.

import Losses
import Plot
import LossData
import LossLogs
import LossText

func update(_ state: inout AppState, _ message: Message) -> [Effect] {
  var effects = apply(message, &state)
  // Long work a change needs goes to the runtime; its result comes back as `.done`.
  effects += state.change { $0.takeWork() }.map(Effect.work)
  // Ctrl-C read as a key quits as SIGINT would: the shell sees status 130, not success.
  if message == .key(.interrupt) && effects.contains(.quit) { state.exitStatus = 130 }
  // A new view or axis may have fewer parameters: keep the selection on one of them.
  state.selected = min(max(0, state.selected), max(0, state.model.parameters.count - 1))
  return effects
}

private func apply(_ message: Message, _ state: inout AppState) -> [Effect] {
  switch message {
  case .resize(let width, let height):
    state.resize(width: width, height: height)
    return []
  case .fileWritten(let path):
    state.status = "wrote \(path)" + (state.exportCommand.map { " (the same as: \($0))" } ?? "")
    state.exportCommand = nil
    return []
  case .writeFailed(let text):
    state.status = text
    return []
  case .fileExists(let path, let contents):
    state.overlay = .confirmOverwrite(path: path, contents: contents)
    return []
  case .key(let key):
    return handle(key, &state)
  case .mouse(let x, let y, let button):
    return mouse(x: x, y: y, button: button, &state)
  case .paste(let text):
    return paste(text, &state)
  case .tick: return tick(&state)
  case .done(let done):
    if let status = state.change({ $0.finished(done.outcome) }) { state.status = status }
    return []
  }
}

private func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
  switch state.overlay {
  case .none: break
  case .help(let filter, let top):
    return Help.key(key, filter: filter, top: top, &state)
  case .picker(let adding, let filter, let selection):
    return state.recording { pickerKey(key, adding: adding, filter: filter, selection: selection, &$0) }
  case .prompt(let prompt, let text, let fresh):
    return state.recording { promptKey(key, prompt: prompt, text: text, fresh: fresh, &$0) }
  case .confirmOverwrite(let path, let contents):
    state.overlay = .none
    if key == .char("y") { return [.writeFile(path: path, contents: contents, overwrite: true, makeFolder: true)] }
    state.status = "not written: \(path) exists"
    return key == .interrupt ? [.quit] : []
  }
  guard let action = state.model.overrides(key) ?? KeyMap.action(for: key) else {
    if case .char(let c) = key { state.status = "no key '\(c)': ? lists the keys" }
    return []
  }
  state.status = ""
  if action == .undo || action == .redo {
    state.travel(back: action == .undo)
    return []
  }
  return state.recording { perform(action, &$0) }
}

/// The shell's own actions; the rest go to the mode.
private func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
  switch action {
  case .quit: return [.quit]
  case .help: state.overlay = .help(filter: "", top: 0)
  case .nextParameter, .previousParameter:
    let count = state.model.parameters.count
    guard count > 0 else { state.status = "no parameters to select"; break }
    let current = min(max(state.selected, 0), count - 1)
    state.selected = (current + (action == .nextParameter ? 1 : count - 1)) % count
  case .stepUp: step(1, &state)
  case .stepDown: step(-1, &state)
  case .coarseUp: step(10, &state)
  case .coarseDown: step(-10, &state)
  case .fineUp: step(0.1, &state)
  case .fineDown: step(-0.1, &state)
  case .typeValue:
    guard let (spec, value) = state.selectedParameter else { state.status = "no parameter to set"; break }
    state.openPrompt(.value(parameter: spec.name), text: spec.format(value), fresh: true)
  case .resetParameter:
    guard let (spec, _) = state.selectedParameter else { state.status = "no parameter to reset"; break }
    setParameter(spec.name, spec.defaultValue, &state)
  case .resetAll:
    for (spec, _) in state.model.parameters where !spec.isAxis { setParameter(spec.name, spec.defaultValue, &state) }
  case .cycleMarker:
    let all = Marker.allCases
    state.marker = all[((all.firstIndex(of: state.marker) ?? 0) + 1) % all.count]
  case .chooseView: state.overlay = .picker(adding: false, filter: "", selection: 0)
  case .addView:
    if forward(action, &state) { state.overlay = .picker(adding: true, filter: "", selection: 0) }
  case .export:
    state.openPrompt(.exportPath, text: "lossscope-\(state.clock().compact).csv")
  case .savePreset:
    state.openPrompt(.presetName, text: "")
  case .lessons: state.nextLesson()
  case .nextStep, .previousStep: state.moveInLesson(by: action == .nextStep ? 1 : -1)
  case .cycleYRange:
    if forward(action, &state), state.status.hasPrefix("type the y range") { state.openPrompt(.yRange, text: "") }
  default: _ = forward(action, &state)
  }
  return []
}

/// Hands an action to the mode; false (with its reason in the status line) when it has no such thing.
private func forward(_ action: Action, _ state: inout AppState) -> Bool {
  let selected = state.selectedParameter?.spec
  switch state.change({ $0.perform(action, selected: selected) }) {
  case .done(let status):
    if let status { state.status = status }
    return true
  case .notHere(let reason):
    state.status = reason
    return false
  }
}
