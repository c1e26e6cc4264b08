// Keys while an overlay is open: the view picker, the value and export prompts.

import Losses
import LossData
import LossLogs
import LossText

/// One entry of the view picker: a curve view or a 2-D view.
enum PickerChoice {
  case curve(ViewInfo)
  case plane(PlaneInfo)
  case ghm
  case embeddings

  var name: String {
    switch self {
    case .curve(let info): return info.name
    case .plane(let info): return info.name
    case .ghm: return "ghm"
    case .embeddings: return "embeddings"
    }
  }

  var line: String {
    switch self {
    case .curve(let info): return "\(info.name.padded(12)) \(info.title)  (\(info.axes.map(\.name).joined(separator: "|")))"
    case .plane(let info): return "\(info.name.padded(12)) \(info.title)  (2-D)"
    case .ghm: return "\("ghm".padded(12)) GHM explorer: gradient density, weights, reweighted norms  (panels)"
    case .embeddings: return "\("embeddings".padded(12)) embeddings through the metric losses: the bundled example  (panels)"
    }
  }
}

/// The views the picker offers: matching the filter, and on the current axis when adding.
func pickerChoices(adding: Bool, filter: String, state: AppState) -> [PickerChoice] {
  let needle = filter.lowercased()
  func matches(_ name: String, _ title: String) -> Bool {
    needle.isEmpty || name.contains(needle) || title.lowercased().contains(needle)
  }
  let axis = state.model.axisName
  let curves = Catalog.views.filter { info in
    matches(info.name, info.title) && (!adding || info.axes.contains { $0.name == axis })
  }.map(PickerChoice.curve)
  let planes = adding ? [] : PlaneInfo.all.filter { matches($0.name, $0.title) }.map(PickerChoice.plane)
    + (adding || !matches("ghm", "GHM explorer gradient density") ? [] : [PickerChoice.ghm])
    + (adding || !matches("embeddings", "embeddings metric losses") ? [] : [PickerChoice.embeddings])
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
  case .char(let c) where filter.count < 40: state.overlay = .picker(adding: adding, filter: filter + String(c), selection: 0)
  case .enter:
    guard choices.indices.contains(selection) else { state.status = "no view matches '\(filter)'"; break }
    state.overlay = .none
    choose(choices[selection], adding: adding, &state)
  default: break
  }
  return []
}

/// A picked view: the mode takes a curve view if it can; otherwise the picked view opens its own mode.
private func choose(_ choice: PickerChoice, adding: Bool, _ state: inout AppState) {
  // A lesson's text speaks of its own setup: choosing another view leaves the lesson.
  let left = adding ? nil : state.lesson?.lesson.name
  if left != nil { state.lesson = nil }
  defer { if let left { state.status = "left the lesson \(left) (t starts the lessons again)" } }
  func open(_ request: Mode.Request, ghmInput: GHMInput?) {
    do throws(CLIError) { state.open(try Mode.open(request, ghmInput: ghmInput)) } catch { state.status = error.description }
  }
  switch choice {
  case .ghm: open(.ghm(state.model.ghmInput), ghmInput: nil)
  case .embeddings: open(.exampleEmbeddings, ghmInput: nil)
  case .plane(let info): open(.plane(info), ghmInput: nil)
  case .curve(let info):
    // Only the curves mode takes a view beside or instead of its own; elsewhere the view opens alone.
    let reply = state.changeCurves { $0.choose(info, adding: adding) } ?? .notHere("this screen shows no curves to add a view beside: pick it without adding")
    switch reply {
    case .done(let status):
      state.selected = adding ? state.selected : 0
      if let status { state.status = status }
    case .notHere(let reason):
      if adding {
        state.status = reason
      } else {
        open(.curve(info), ghmInput: state.model.ghmInput)
      }
    }
  }
}

func promptKey(_ key: Key, prompt: Prompt, text: String, fresh: Bool, _ state: inout AppState) -> [Effect] {
  switch key {
  case .escape:
    state.overlay = .none
    state.status = "cancelled"
  case .interrupt: return [.quit]
  case .enter:
    state.overlay = .none
    state.remember(text, for: prompt)
    state.promptCaret = nil
    state.promptHistoryIndex = nil
    return accept(prompt, text: text, &state)
  default: _ = state.edit(key, prompt: prompt, text: text, fresh: fresh)
  }
  return []
}

private func accept(_ prompt: Prompt, text: String, _ state: inout AppState) -> [Effect] {
  switch prompt {
  case .value(let name):
    let spec = state.model.parameters.first(where: { $0.spec.name == name })?.spec
    if SweepText.isList(text) {
      switch state.change({ $0.typedList(spec, text) }) {
      case .done(let status): state.status = status ?? ""
      case .notHere(let reason): state.status = reason
      }
      return []
    }
    guard let spec else { return [] }
    do {
      let value = try spec.parse(text)
      // One value typed for the swept parameter is that value: the sweep ends.
      if state.mode.curves?.sweptText?.name == name { state.changeCurves { $0.endSweep() } }
      setParameter(name, value, &state)
    } catch {
      state.status = error.description
    }
    return []
  case .exportPath:
    let path = text.trimmingCharacters(in: " ")
    guard !path.isEmpty else { state.status = "no file name given: nothing written"; return [] }
    let export = state.model.export()
    state.exportCommand = export.command
    state.status = "writing \(path)"
    return [.writeFile(path: path, contents: export.contents, overwrite: false)]
  case .yRange:
    switch state.change({ $0.typedYRange(text) }) {
    case .done(let status): state.status = status ?? ""
    case .notHere(let reason): state.status = reason
    }
    return []
  case .presetName:
    let name = text.trimmingCharacters(in: " ")
    guard PresetWriter.isValidName(name) else {
      state.status = "a preset name uses letters, digits, - and _ only: nothing saved"
      return []
    }
    let path = "\(state.userPresetFolder)/\(name).toml"
    state.exportCommand = nil
    do {
      return [.writeFile(path: path, contents: try PresetWriter.text(state.model.preset(name: name)), overwrite: false, makeFolder: true)]
    } catch {
      state.status = error.description + ": nothing saved"
      return []
    }
  }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s.removeFirst() }
    while s.last == set { s.removeLast() }
    return String(s)
  }
}
