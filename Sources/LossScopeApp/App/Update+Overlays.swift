// Keys while an overlay is open: the view picker, the value and export prompts.

import Losses

/// One entry of the view picker: a curve view or a 2-D view.
enum PickerChoice {
  case curve(ViewInfo)
  case plane(PlaneInfo)
  case ghm

  var name: String {
    switch self {
    case .curve(let info): return info.name
    case .plane(let info): return info.name
    case .ghm: return "ghm"
    }
  }

  var line: String {
    switch self {
    case .curve(let info): return "\(info.name.padded(12)) \(info.title)  (\(info.axes.map(\.name).joined(separator: "|")))"
    case .plane(let info): return "\(info.name.padded(12)) \(info.title)  (2-D)"
    case .ghm: return "\("ghm".padded(12)) GHM explorer: gradient density, weights, reweighted norms  (panels)"
    }
  }
}

/// The views the picker offers: matching the filter, and on the current axis when adding.
func pickerChoices(adding: Bool, filter: String, state: AppState) -> [PickerChoice] {
  let needle = filter.lowercased()
  func matches(_ name: String, _ title: String) -> Bool {
    needle.isEmpty || name.contains(needle) || title.lowercased().contains(needle)
  }
  let curves = Catalog.views.filter { info in
    matches(info.name, info.title) && (!adding || info.axes.contains { $0.name == state.axis.name })
  }.map(PickerChoice.curve)
  let planes = adding ? [] : PlaneInfo.all.filter { matches($0.name, $0.title) }.map(PickerChoice.plane)
    + (adding || !matches("ghm", "GHM explorer gradient density") ? [] : [PickerChoice.ghm])
  // Exact names, then names starting with the filter, then the rest: `ce` picks ce, `marg` margins.
  func rank(_ c: PickerChoice) -> Int { c.name == needle ? 0 : c.name.hasPrefix(needle) ? 1 : c.name.contains(needle) ? 2 : 3 }
  return (curves + planes).enumerated().sorted { (rank($0.1), $0.0) < (rank($1.1), $1.0) }.map(\.1)
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

private func choose(_ choice: PickerChoice, adding: Bool, _ state: inout AppState) {
  state.selected = 0
  if case .ghm = choice {
    state.plane = nil
    if state.ghm == nil { state.ghm = GHMSlot(file: state.population) }
    return
  }
  // A ghmc view chosen after the explorer weighs with the explorer's population.
  let population = state.currentPopulation
  state.ghm = nil
  guard case .curve(let info) = choice else {
    if case .plane(let info) = choice { state.plane = PlaneSlot(info: info) }
    return
  }
  state.plane = nil
  if adding {
    guard let slot = ViewSlot(info: info, population: population).onAxis(state.axis.name) else { return }
    state.views.append(slot)
    state.status = "added \(slot.name)"
    return
  }
  let oldAxis = state.axis.name
  state.views[state.active] = ViewSlot(info: info, population: population)
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
    guard let spec = state.editable.first(where: { $0.spec.name == name })?.spec else { return [] }
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
  case .presetName:
    let name = text.trimmingCharacters(in: " ")
    guard PresetWriter.isValidName(name) else {
      state.status = "a preset name uses letters, digits, - and _ only: nothing saved"
      return []
    }
    let path = "\(state.userPresetFolder)/\(name).toml"
    return [.writeFile(path: path, contents: PresetWriter.toml(state, name: name), overwrite: false, makeFolder: true)]
  }
}

/// Every visible series as CSV, in `lossscope export`'s format; a 2-D view's boundary points.
func exportText(_ state: AppState) -> String {
  let sink = ByteSink(fd: nil)
  if let plane = state.plane {
    try? plane.request.writeCSV(grid: nil, to: sink)
    return sink.text
  }
  if let ghm = state.ghm {
    sink.append(GHMTableText.csv(ghm.tables, source: ghm.population.source, parameters: ghm.parameters))
    return sink.text
  }
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
