// The GHM explorer mode: a population (a file's, or the synthetic one) binned live, in four panels.

import Losses
import Plot
import LossText
import LossData
import LossLogs

struct GHMMode {
  /// The predictions file's population and options; nil for the synthetic one, whose size and
  /// mix are parameters.
  let file: GHMInput?
  private(set) var settings: Parameters
  private(set) var binned: Population
  /// Derived: one table per batch, rebuilt when a parameter changes.
  private(set) var tables: [[GHMBinRow]] = []

  /// The explorer on `input` when it is a file's; on the built-in population otherwise.
  init(_ input: GHMInput?) {
    file = input?.isFile == true ? input : nil
    settings = Parameters(GHMTableSettings.specs(builtIn: file == nil))
    binned = file?.population ?? Population(SyntheticPopulation())
    rebuild(populationChanged: false)
  }

  private var synthetic: SyntheticPopulation { SyntheticPopulation(samples: settings.int("samples"), hard: settings["hard"]) }

  /// Re-bins after a parameter change; a new synthetic size or mix draws the population again.
  private mutating func rebuild(populationChanged: Bool) {
    if populationChanged, file == nil { binned = Population(synthetic) }
    binned.prepareFocal(gamma: settings["gamma"])
    tables = binned.tables(bins: settings.int("bins"), momentum: settings["momentum"], gamma: settings["gamma"], units: ParallelBinning.units)
  }

  var last: [GHMBinRow] { tables.last ?? [] }
}

extension GHMMode: ModeModel {
  var asMode: Mode { .ghm(self) }
  var title: String { "ghm " + settings.summary }
  var ghmInput: GHMInput? { file ?? .builtIn(binned) }
  var keys: [Action] { [] }
  var parameters: [(spec: ParameterSpec, value: Double)] { settings.active }

  mutating func set(_ name: String, to value: Double) throws(ParameterError) -> String? {
    try settings.set(name, to: value, view: "ghm")
    rebuild(populationChanged: name == "samples" || name == "hard")
    return nil
  }

  func overrides(_ key: Key) -> Action? { nil }

  mutating func perform(_ action: Action, selected: ParameterSpec?) -> ModeReply {
    .notHere("not in the GHM explorer: v chooses a curve view")
  }

  mutating func resize(width: Int) {}

  func render(into grid: inout Grid, in rect: Rect, marker: Marker) {
    GHMPicture.render(last, into: &grid, in: rect, momentum: settings["momentum"], batches: tables.count)
  }

  /// The population, then GHM's point: how flat each loss's total weight per bin is, and what
  /// momentum does to the weights.
  func readout(marker: Marker) -> String {
    let rows = last
    let n = rows.reduce(0) { $0 + $1.count }
    let note = GHMPicture.momentumNote(momentum: settings["momentum"], batches: tables.count)
    return "\(binned.source), N=\(n) | " + GHMPicture.spreadText(rows) + (note.isEmpty ? "" : " | " + note)
  }

  var undoKey: String { "ghm " + settings.summary }

  /// The table as `lossscope ghm` takes it: the file's options as the app was given them, or the
  /// built-in population's size and mix, and the parameters.
  var tableSettings: GHMTableSettings {
    GHMTableSettings(input: file?.fileOptions ?? [], builtIn: file == nil ? synthetic : nil,
                     bins: settings.int("bins"), momentum: settings["momentum"], gamma: settings["gamma"])
  }

  /// What the `lossscope ghm` of its `# command:` line writes, byte for byte.
  func export() -> ModeExport {
    let table = tableSettings
    return ModeExport(contents: GHMTableText.csv(tables, source: binned.source, settings: table), command: table.commandLine)
  }

  func preset(name: String) -> PresetFile {
    var file = PresetFile.saved(name: name, description: title)
    file.views = [PresetFile.View(view: GHMC.info.name, parameters: [
      PresetFile.Parameter(name: "bins", value: .number(settings["bins"])),
      PresetFile.Parameter(name: "momentum", value: .number(settings["momentum"])),
    ])]
    return file
  }
}
