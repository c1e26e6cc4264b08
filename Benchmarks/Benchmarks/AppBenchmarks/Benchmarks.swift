// The interactive app's cost per key press, and a million-row CSV export, measured on its own sources.

import Benchmark
import Losses
import Plot

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal], maxDuration: .seconds(3))

  Benchmark("key press: update + view of the whole screen, 200x60, 8 series") { benchmark in
    var state = AppState(views: [], width: 200, height: 60)
    for name in ["anchor", "ghmc"] {
      _ = update(&state, .key(.char("a")))
      for c in name { _ = update(&state, .key(.char(c))) }
      _ = update(&state, .key(.enter))
    }
    _ = update(&state, .key(.char("g")))
    _ = update(&state, .key(.char("s")))
    precondition(state.visibleSeries.count == 8)
    var up = true
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      _ = update(&state, .key(.char(up ? "+" : "-")))
      up.toggle()
      blackHole(Screen.render(state))
    }
  }

  Benchmark("ghm: 1,000,000 samples binned (GHM-C with momentum, focal totals) and the four panels drawn at 160x48") { benchmark in
    // As the app re-bins after a change of bins or momentum: focal norms cached for this gamma.
    var population = Population(SyntheticPopulation(samples: 1_000_000, hard: 0.02))
    population.prepareFocal(gamma: 2)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let tables = population.tables(bins: 30, momentum: 0.75, gamma: 2, binner: ParallelBinning.population)
      var grid = Grid(width: 160, height: 48)
      GHMPicture.render(tables.last!, into: &grid, in: grid.bounds)
      blackHole(grid)
    }
  }

  Benchmark("ghm: a new gamma: every focal norm of 1,000,000 samples, then binned and drawn") { benchmark in
    let base = Population(SyntheticPopulation(samples: 1_000_000, hard: 0.02))
    var gamma = 1.0
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      var population = base
      gamma = gamma == 1 ? 2 : 1
      population.prepareFocal(gamma: gamma)
      let tables = population.tables(bins: 30, momentum: 0.75, gamma: gamma, binner: ParallelBinning.population)
      var grid = Grid(width: 160, height: 48)
      GHMPicture.render(tables.last!, into: &grid, in: grid.bounds)
      blackHole(grid)
    }
  }

  Benchmark("export: 1,000,000 points of focal as CSV, in memory", configuration: .init(maxIterations: 5)) { benchmark in
    let requests = try! ViewArguments.parse(["focal", "gamma=2"])
    let grid = SampleGrid(from: 0.001, to: 0.999, count: 1_000_000)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let sink = ByteSink(fd: nil)
      CSVExport.write(requests, grid: grid, to: sink)
      blackHole(sink)
    }
  }
}
