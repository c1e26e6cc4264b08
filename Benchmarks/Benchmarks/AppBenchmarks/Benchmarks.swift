// The app and the GHM paths of the command, in process: a key press (update + view) with 8
// series, a .npy pair, a CSV, re-binning a population and drawing its panels.

import Benchmark
import BenchSupport
import Losses
@_spi(Benchmarks) import LossScopeApp

#if canImport(Glibc)
  import Glibc
#endif

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(3))
  let data = BenchData.folder()

  Benchmark("key press: update + view of the whole screen, 200x60, 8 series") { benchmark in
    let (press, series) = BenchmarkEntries.keyPress(width: 200, height: 60)
    precondition(series == 8)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(press()) }
  }

  Benchmark("ghm: 1,000,000 samples re-binned and the four panels drawn at 160x48") { benchmark in
    var population = Population(SyntheticPopulation(samples: 1_000_000, hard: 0.02))
    population.prepareFocal(gamma: 2)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(BenchmarkEntries.ghmPanels(population, width: 160, height: 48)) }
  }

  Benchmark("ghm: 10,000,000 float32 predictions + uint8 labels (.npy) read and binned on both cores",
            configuration: .init(maxIterations: 10)) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try BenchmarkEntries.ghmNpy(predictions: data + "/p10m.npy", labels: data + "/y10m.npy"))
    }
  }

  Benchmark("ghm: 2,000,000-row predictions CSV streamed and binned", configuration: .init(maxIterations: 10)) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try BenchmarkEntries.ghmCSV(data + "/p.csv"))
    }
  }

  Benchmark("ghm: 1,000,000 samples re-binned (GHM-C with momentum, focal totals cached)") { benchmark in
    var population = Population(SyntheticPopulation(samples: 1_000_000, hard: 0.02))
    population.prepareFocal(gamma: 2)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(BenchmarkEntries.rebin(population, bins: 30, momentum: 0.75, gamma: 2))
    }
  }

  Benchmark("ghm: a new gamma: every focal norm of 1,000,000 samples, then binned") { benchmark in
    let base = Population(SyntheticPopulation(samples: 1_000_000, hard: 0.02))
    var gamma = 1.0
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      var population = base
      gamma = gamma == 1 ? 2 : 1
      population.prepareFocal(gamma: gamma)
      blackHole(BenchmarkEntries.rebin(population, bins: 30, momentum: 0.75, gamma: gamma))
    }
  }
}
