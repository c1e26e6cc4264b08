// The GHM explorer mode: a population (a file's, or the synthetic one) binned live, in four panels.

import Losses
import Plot
import LossText
import LossData
import LossLogs

struct GHMMode {
  /// The predictions file's population; nil for the synthetic one, whose size and mix are parameters.
  let file: Population?
  private(set) var settings: Parameters
  private(set) var binned: Population
  /// Derived: one table per batch, rebuilt when a parameter changes.
  private(set) var tables: [[GHMBinRow]] = []

  init(file: Population?) {
    self.file = file
    let own = GHMC.info.ownParameters
    var specs = own.filter { $0.name == "bins" || $0.name == "momentum" } + [Focal.gammaSpec]
    if file == nil { specs += own.filter { $0.name == "samples" || $0.name == "hard" } }
    settings = Parameters(specs)
    binned = file ?? Population(SyntheticPopulation())
    rebuild(populationChanged: false)
  }

  /// Re-bins after a parameter change; a new synthetic size or mix draws the population again.
  private mutating func rebuild(populationChanged: Bool) {
    if populationChanged, file == nil {
      binned = Population(SyntheticPopulation(samples: settings.int("samples"), hard: settings["hard"]))
    }
    binned.prepareFocal(gamma: settings["gamma"])
    tables = binned.tables(
      bins: settings.int("bins"), momentum: settings["momentum"], gamma: settings["gamma"],
      binner: ParallelBinning.population)
  }

  var last: [GHMBinRow] { tables.last ?? [] }
}

extension GHMMode: ModeModel {
  var asMode: Mode { .ghm(self) }
  var title: String { "ghm " + settings.summary }
  var population: Population? { binned }
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

  /// `lossscope ghm` with the same options; a synthetic population of another size or mix has
  /// no command-line form, and the metadata says so.
  var undoKey: String { "ghm " + settings.summary }

  func export() -> ModeExport {
    var words = ["lossscope", "ghm"]
    if let file { words += ["--predictions", file.source] }
    words += ["--bins", String(settings.int("bins")), "--momentum", NumberText.shortest(settings["momentum"]),
              "--gamma", NumberText.shortest(settings["gamma"])]
    var command = words.map(CSVExport.shellQuoted).joined(separator: " ")
    if file == nil, settings.index(of: "samples") != nil, binned.source != Population(SyntheticPopulation()).source {
      command += "  (the command uses the default synthetic population, not \(binned.source))"
    }
    let text = GHMTableText.csv(tables, source: binned.source, parameters: settings)
    return ModeExport(contents: CSVExport.withCommand(text, command), command: command)
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
