// Keys while an overlay is open: the view picker, the value and export prompts.

import Losses

/// The views the picker offers: matching the filter, and on the current axis when adding.
func pickerChoices(adding: Bool, filter: String, state: AppState) -> [ViewInfo] {
  let needle = filter.lowercased()
  return Catalog.views.filter { info in
    (needle.isEmpty || info.name.contains(needle) || info.title.lowercased().contains(needle))
      && (!adding || info.axes.contains { $0.name == state.axis.name })
  }
}

func pickerKey(_ key: Key, adding: Bool, filter: String, selection: Int, _ state: inout AppState) -> [Effect] {
  let choices = pickerChoices(adding: adding, filter: filter, state: state)
  switch key {
  case .escape: state.overlay = .none
  case .interrupt: return [.quit]
  case .up: state.overlay = .picker(adding: adding, filter: filter, selection: max(0, selection - 1))
  case .down, .tab:
    state.overlay = .picker(adding: adding, filter: filter, selection: min(max(0, choices.count - 1), selection + 1))
  case .backspace: state.overlay = .picker(adding: adding, filter: String(filter.dropLast()), selection: 0)
  case .char(let c): state.overlay = .picker(adding: adding, filter: filter + String(c), selection: 0)
  case .enter:
    guard choices.indices.contains(selection) else { state.status = "no view matches '\(filter)'"; break }
    state.overlay = .none
    choose(choices[selection], adding: adding, &state)
  default: break
  }
  return []
}

private func choose(_ info: ViewInfo, adding: Bool, _ state: inout AppState) {
  if adding {
    guard let slot = ViewSlot(info: info).onAxis(state.axis.name) else { return }
    state.views.append(slot)
    state.status = "added \(slot.name)"
    return
  }
  let oldAxis = state.axis.name
  state.views[state.active] = ViewSlot(info: info)
  state.selected = 0
  state.sweep = false
  if let same = state.views[state.active].onAxis(oldAxis) {
    state.views[state.active] = same
    state.ghost = state.ghost.flatMap { $0.onAxis(oldAxis) }
  } else {
    moveToAxis(state.axis, &state)
  }
}

func promptKey(_ key: Key, prompt: Prompt, text: String, fresh: Bool, _ state: inout AppState) -> [Effect] {
  switch key {
  case .escape:
    state.overlay = .none
    state.status = "cancelled"
  case .interrupt: return [.quit]
  case .backspace: state.overlay = .prompt(prompt, text: String(text.dropLast()))
  case .char(let c): state.overlay = .prompt(prompt, text: (fresh ? "" : text) + String(c))
  case .enter:
    state.overlay = .none
    return accept(prompt, text: text, &state)
  default: break
  }
  return []
}

private func accept(_ prompt: Prompt, text: String, _ state: inout AppState) -> [Effect] {
  switch prompt {
  case .value(let name):
    guard let spec = state.activeView.parameters.specs.first(where: { $0.name == name }) else { return [] }
    do {
      setParameter(name, try spec.parse(text), &state)
    } catch {
      state.status = error.description
    }
    return []
  case .exportPath:
    let path = text.trimmingCharacters(in: " ")
    guard !path.isEmpty else { state.status = "no file name given: nothing written"; return [] }
    state.status = "writing \(path)"
    return [.writeFile(path: path, contents: exportText(state), overwrite: false)]
  }
}

/// Every visible series as CSV, in `lossscope export`'s format.
func exportText(_ state: AppState) -> String {
  let sink = ByteSink(fd: nil)
  let series = state.visibleSeries.map { ($0.name, $0.slot.info, $0.slot.parameters, $0.slot.view) }
  CSVExport.write(series: series, axis: state.axis, grid: state.sampleGrid, to: sink)
  return sink.text
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s.removeFirst() }
    while s.last == set { s.removeLast() }
    return String(s)
  }
}
