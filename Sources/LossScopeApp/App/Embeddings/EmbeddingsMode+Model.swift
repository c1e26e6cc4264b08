// The embeddings mode's answers to the shell: parameters, keys, export and preset.

import Losses
import Plot
import LossText
import LossData
import LossLogs

extension EmbeddingsMode: ModeModel {
  var asMode: Mode { .embeddings(self) }
  var title: String { "embeddings \(input.source)  N=\(input.set.count) D=\(input.set.dim) \(input.set.classes) classes" }
  var parameters: [(spec: ParameterSpec, value: Double)] { settings.active }
  var undoKey: String { "embeddings " + settings.summary }

  /// The columns a change recomputed, so the status line shows that the rest was kept.
  mutating func set(_ name: String, to value: Double) throws(ParameterError) -> String? {
    let parts = try update(name, to: value)
    let names: [(EmbeddingParts, String)] = [
      (.pairs, "alignment, uniformity, histograms"), (.circle, "circle_loss"), (.ms, "ms_loss"),
      (.supcon, "supcon_loss"), (.triplets, "triplet_active"), (.mining, "ms mining shares"),
    ]
    let changed = names.filter { parts.contains($0.0) }.map(\.1)
    return changed.isEmpty ? nil : "recomputed only " + changed.joined(separator: ", ")
  }

  var keys: [Action] {
    [.cursorLeft, .cursorRight, .cursorFarLeft, .cursorFarRight, .pointUp, .pointDown, .pointUpFast, .pointDownFast,
     .nextAnchor, .previousAnchor]
  }

  /// Arrows move the cursor on the plane (Up and Down instead of stepping the parameter).
  func overrides(_ key: Key) -> Action? {
    KeyMap.pointAction(for: key)
  }

  mutating func perform(_ action: Action, selected: ParameterSpec?) -> ModeReply {
    switch action {
    case .cursorLeft: move(dx: -0.01, dy: 0)
    case .cursorRight: move(dx: 0.01, dy: 0)
    case .cursorFarLeft: move(dx: -0.1, dy: 0)
    case .cursorFarRight: move(dx: 0.1, dy: 0)
    case .pointUp: move(dx: 0, dy: 0.01)
    case .pointDown: move(dx: 0, dy: -0.01)
    case .pointUpFast: move(dx: 0, dy: 0.1)
    case .pointDownFast: move(dx: 0, dy: -0.1)
    case .nextAnchor, .previousAnchor:
      guard !order.isEmpty else { return .notHere("no anchors: every row needs a positive and a negative") }
      let target = rank + (action == .nextAnchor ? 1 : -1)
      guard order.indices.contains(target) else {
        return .done(target < 0 ? "this is the hardest anchor" : "this is the easiest anchor")
      }
      select(rank: target)
    default: return .notHere("the embeddings view has no \(action.noun): v chooses a curve view")
    }
    return .done(nil)
  }

  mutating func takeWork() -> [Work] { takePlan() }

  mutating func finished(_ outcome: WorkOutcome) -> String? {
    guard case .embeddings(let result, let request) = outcome else { return nil }
    _ = apply(result, request: request)
    return nil
  }

  mutating func resize(width: Int) {}

  /// `=` with `sn,sp` puts the cursor there and selects the nearest anchor.
  mutating func typedList(_ spec: ParameterSpec?, _ text: String) -> ModeReply {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { DecimalText.value(String($0).trimmingSpaces) }
    guard parts.count == 2, let x = parts[0], let y = parts[1], (-1...1).contains(x), (-1...1).contains(y) else {
      return .notHere("type the cursor as sn,sp, two numbers in [-1, 1]")
    }
    place(sn: x, sp: y)
    return .done(nil)
  }

  /// `lossscope embeddings` on the same files with the parameters that differ from the defaults.
  func command(table: String) -> String {
    var words = ["lossscope", "embeddings", "--embeddings", embeddingsPath]
    if let labelsPath { words += ["--labels", labelsPath] }
    if case .anchors(let k, let seed) = sampling { words += ["--anchors", String(k), "--seed", String(seed)] }
    for (spec, value) in settings.active where value != spec.defaultValue {
      words += ["--" + spec.name, spec.kind == .integer ? String(Int(value)) : NumberText.shortest(value)]
    }
    words += ["--table", table]
    return words.map(CSVExport.shellQuoted).joined(separator: " ")
  }

  /// The anchors table, as the command writes it.
  func export() -> ModeExport {
    var command = command(table: "anchors")
    let text = EmbeddingsTables.csv(.anchors, report, input: input, parameters: values)
    if isExample { command += "  (from the repository's root: the bundled example is its examples/ folder)" }
    return ModeExport(contents: CSVExport.withCommand(text, command), command: command)
  }

  /// Presets describe loss views: the closest one is the circle plane at the same margin and
  /// scale; the embeddings themselves are not part of a preset, and the file says so.
  func preset(name: String) -> PresetFile {
    var file = PresetFile.saved(name: name, description: "circle plane of " + title)
    file.comments += ["not supported for embeddings: a preset holds no data; this is the circle plane at the same m and gamma.",
                      "The embeddings view itself: \(command(table: "summary"))"]
    file.views = [PresetFile.View(view: CirclePlane.info.name, parameters: [
      PresetFile.Parameter(name: "margin", value: .number(values.circleMargin)),
      PresetFile.Parameter(name: "scale", value: .number(values.circleScale)),
    ])]
    return file
  }
}

extension AppState {
  /// The embeddings on screen, nil in another mode: what the embeddings lesson asks about.
  var embeddings: EmbeddingsMode? {
    if case .embeddings(let e) = mode { return e }
    return nil
  }
}
