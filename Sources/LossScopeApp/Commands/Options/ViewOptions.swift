// The options `export` and `plot` share: the views with their parameters, the x grid, a preset.

import ArgumentParser
import Losses
import LossData
import LossLogs
import LossText

struct ViewOptions: ParsableArguments {
  @Argument(help: ArgumentHelp("The view and its parameters: VIEW [name=value ...] [+ VIEW ...]", valueName: "view"),
            completion: Completions.viewKind)
  var spec: [String] = []

  @Option(name: .long, parsing: .unconditional, help: "First x (default: the axis's default range).", transform: ArgumentChecks.real)
  var from: Double?

  @Option(name: .long, parsing: .unconditional, help: "Last x.", transform: ArgumentChecks.real)
  var to: Double?

  @Option(name: .long, parsing: .unconditional, help: "Number of x values, at least 2 (export: 201, plot: 400).", transform: ArgumentChecks.integer)
  var points: Int?

  @Option(name: .long, help: "Start from a preset (NAME or PATH); name=value arguments override it.", completion: Completions.presetKind)
  var preset: String?

  /// The views (or 2-D view) asked for, with the preset's values where the command line gives none.
  func selection() throws(CLIError) -> Selection { try Selection(spec: spec, preset: preset) }

  /// A 2-D view has no x grid: --from, --to and --points are refused rather than ignored.
  func refuseRange(for plane: PlaneRequest, instead: String) throws(CLIError) {
    try Sampling.refuseRange(for: plane.info.name, from: from, to: to, points: points, instead: instead)
  }

  /// The shared axis of `selection`'s views and the grid on it (the preset's range, then the axis's).
  func grid(_ selection: Selection, defaultPoints: Int) throws(CLIError) -> (AxisSpec, SampleGrid) {
    let axis = try Sampling.sharedAxis(selection.views)
    if let preset = selection.preset { try checkAgainst(preset, axis: axis) }
    let grid = try Sampling.grid(
      axis: axis, from: from ?? selection.preset?.from, to: to ?? selection.preset?.to, points: points ?? defaultPoints)
    try Sampling.checkDomains(selection.views, from: grid.from, to: grid.to)
    return (axis, grid)
  }

  /// One end of the range from the command line and the other from the preset: a refusal names
  /// the preset's file and line (a preset alone was checked when it was read).
  private func checkAgainst(_ preset: Preset, axis: AxisSpec) throws(CLIError) {
    let shown = NumberText.shortest
    if let from, to == nil, let presetTo = preset.to, !(from < presetTo) {
      throw CLIError("\(preset.place(of: "to")): the preset's to (\(shown(presetTo))) must be more than --from (\(shown(from)))")
    }
    if let to, from == nil, let presetFrom = preset.from, !(presetFrom < to) {
      throw CLIError("\(preset.place(of: "from")): the preset's from (\(shown(presetFrom))) must be less than --to (\(shown(to)))")
    }
  }
}
