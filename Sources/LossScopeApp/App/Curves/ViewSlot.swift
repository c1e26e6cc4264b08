// One view on screen: its parameters and the loss view built from them, rebuilt only when they change.

import Losses
import LossData
import LossLogs
import LossText

struct ViewSlot {
  let info: ViewInfo
  private(set) var parameters: Parameters
  /// Built once per parameter change: GHM-C builds its population here, never per frame.
  private(set) var view: any LossView

  /// A predictions file's population, which the ghmc view weighs with instead of the synthetic one.
  let population: Population?
  /// The ghmc view's own synthetic samples, drawn once per size and mix: a sweep of bins or
  /// momentum (five copies, every frame) then re-bins them instead of drawing 100,000 again.
  private var synthetic: (g: [Double], batchEnds: [Int])?

  init(info: ViewInfo, parameters: Parameters? = nil, population: Population? = nil) {
    self.info = info
    let p = parameters ?? info.defaults
    self.parameters = p
    let ghmc = info.name == GHMC.info.name
    self.population = ghmc ? population : nil
    let drawn = ghmc && population == nil ? Self.draw(p) : nil
    synthetic = drawn
    view = Self.build(info, p, self.population, drawn)
  }

  private static func draw(_ p: Parameters) -> (g: [Double], batchEnds: [Int]) {
    SyntheticPopulation(samples: p.int("samples"), hard: p["hard"]).generate()
  }

  private static func build(
    _ info: ViewInfo, _ p: Parameters, _ population: Population?, _ synthetic: (g: [Double], batchEnds: [Int])?
  ) -> any LossView {
    let logit = p.axis == .logit
    if let population {
      return GHMC(weights: population.weights(bins: p.int("bins"), momentum: p["momentum"]), logitAxis: logit)
    }
    if let synthetic {
      let weights = SyntheticPopulation.weights(
        g: synthetic.g, batchEnds: synthetic.batchEnds, bins: p.int("bins"), momentum: p["momentum"])
      return GHMC(weights: weights, logitAxis: logit)
    }
    return info.make(p)
  }

  var axis: AxisSpec { info.axis(of: parameters) }

  /// `focal gamma=2 alpha=1`, the legend and CSV `series` name.
  var name: String { CSVExport.seriesName(info, parameters) }

  /// The parameters shown in the parameter bar: those that matter on the current axis, the axis
  /// last so that the view's first real parameter is selected at start.
  var editable: [(spec: ParameterSpec, value: Double)] {
    let all = parameters.active
    return all.filter { !$0.spec.isAxis } + all.filter { $0.spec.isAxis }
  }

  mutating func set(_ name: String, to value: Double) throws(ParameterError) {
    try parameters.set(name, to: value, view: info.name)
    if synthetic != nil && (name == "samples" || name == "hard") { synthetic = Self.draw(parameters) }
    view = Self.build(info, parameters, population, synthetic)
  }

  /// Plots this view against its axis number `index` (nothing for a view with one axis).
  mutating func selectAxis(_ index: Int) throws(ParameterError) {
    guard let i = parameters.axisIndex else { return }
    try set(parameters.specs[i].name, to: Double(index))
  }

  func evaluate(_ x: Double) -> LossPoint { view.evaluate(x) }
}

extension ViewSlot: Equatable {
  static func == (a: ViewSlot, b: ViewSlot) -> Bool { a.info.name == b.info.name && a.parameters == b.parameters }
}
