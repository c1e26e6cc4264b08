// The GHM explorer on screen: a population (a file's, or the synthetic one) and its live parameters.

import Losses

struct GHMSlot {
  /// The predictions file's population; nil for the synthetic one, whose size and mix are parameters.
  let file: Population?
  var parameters: Parameters
  private(set) var population: Population
  private(set) var tables: [[GHMBinRow]] = []

  init(file: Population?) {
    self.file = file
    var specs = [GHMC.info.ownParameters[0], GHMC.info.ownParameters[1], Focal.gammaSpec]
    if file == nil { specs += [GHMC.info.ownParameters[2], GHMC.info.ownParameters[3]] }
    parameters = Parameters(specs)
    population = file ?? Population(SyntheticPopulation())
    rebuild(populationChanged: false)
  }

  /// Re-bins after a parameter change; a new synthetic size or mix draws the population again.
  mutating func rebuild(populationChanged: Bool) {
    if populationChanged, file == nil {
      population = Population(SyntheticPopulation(samples: parameters.int("samples"), hard: parameters["hard"]))
    }
    population.prepareFocal(gamma: parameters["gamma"])
    tables = population.tables(
      bins: parameters.int("bins"), momentum: parameters["momentum"], gamma: parameters["gamma"],
      binner: ParallelBinning.population)
  }

  mutating func set(_ name: String, to value: Double) throws(ParameterError) {
    try parameters.set(name, to: value, view: "ghm")
    rebuild(populationChanged: name == "samples" || name == "hard")
  }

  var last: [GHMBinRow] { tables.last ?? [] }

  var readout: String {
    let rows = last
    let n = rows.reduce(0) { $0 + $1.count }
    let filled = rows.filter { $0.count > 0 }
    let spread: (KeyPath<GHMBinRow, Double>) -> String = { key in
      let values = filled.map { $0[keyPath: key] }.filter { $0 > 0 }
      guard let lo = values.min(), let hi = values.max() else { return "-" }
      return significant(hi / lo) + "x"
    }
    return "\(population.source) | batch \(tables.count) of \(tables.count): N=\(n), \(filled.count) non-empty bins"
      + " | total per bin spans CE \(spread(\.ceTotal)), focal \(spread(\.focalTotal)), GHM-C \(spread(\.ghmTotal))"
  }
}
