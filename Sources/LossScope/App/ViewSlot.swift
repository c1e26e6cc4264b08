// One view on screen: its parameters and the loss view built from them, rebuilt only when they change.

import Losses

struct ViewSlot {
  let info: ViewInfo
  private(set) var parameters: Parameters
  /// Built once per parameter change: GHM-C builds its population here, never per frame.
  private(set) var view: any LossView

  /// A predictions file's population, which the ghmc view weighs with instead of the synthetic one.
  let population: Population?

  init(info: ViewInfo, parameters: Parameters? = nil, population: Population? = nil) {
    self.info = info
    let p = parameters ?? info.defaults
    self.parameters = p
    self.population = info.name == GHMC.info.name ? population : nil
    self.view = Self.build(info, p, self.population)
  }

  private static func build(_ info: ViewInfo, _ p: Parameters, _ population: Population?) -> any LossView {
    guard let population else { return info.make(p) }
    return GHMC(weights: population.weights(bins: p.int("bins"), momentum: p["momentum"]),
                logitAxis: p.choice("axis") == "logit")
  }

  var axis: AxisSpec { info.axis(of: parameters) }

  /// `focal gamma=2 alpha=1`, the legend and CSV `series` name.
  var name: String { CSVExport.seriesName(info, parameters) }

  /// The parameters shown in the parameter bar: those that matter on the current axis, the axis
  /// last so that the view's first real parameter is selected at start.
  var editable: [(spec: ParameterSpec, value: Double)] {
    let all = parameters.active
    return all.filter { $0.spec.name != "axis" } + all.filter { $0.spec.name == "axis" }
  }

  mutating func set(_ name: String, to value: Double) throws(ParameterError) {
    try parameters.set(name, to: value, view: info.name)
    view = Self.build(info, parameters, population)
  }

  func evaluate(_ x: Double) -> LossPoint { view.evaluate(x) }
}

extension ViewSlot: Equatable {
  static func == (a: ViewSlot, b: ViewSlot) -> Bool { a.info.name == b.info.name && a.parameters == b.parameters }
}
