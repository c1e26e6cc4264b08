// The GHM paths `lossscope ghm` and the app take, reachable from the benchmark package without
// making the readers public: each entry runs one path end to end and returns a checksum.

import Losses

@_spi(Benchmarks) public enum BenchmarkEntries {
  /// A pair of .npy files binned as `ghm` bins them (both cores); returns the number of samples binned.
  public static func ghmNpy(predictions: String, labels: String, bins: Int = 30) throws -> Int {
    let reader = try NpyPredictions(predictions: predictions, labels: labels, norm: GradientNorm(logits: false), skipInvalid: false)
    let (partial, _) = try reader.binned(GHMAccumulator(bins: bins, momentum: 0.75, gamma: 2))
    return partial.counts.reduce(0, +)
  }

  /// A predictions CSV streamed and binned as `ghm` does; returns the number of samples binned.
  public static func ghmCSV(_ path: String, bins: Int = 30) throws -> Int {
    var accumulator = GHMAccumulator(bins: bins, momentum: 0.75, gamma: 2)
    var reader = PredictionsReader(path: path, columns: PredictionColumns(), norm: GradientNorm(logits: false), skipInvalid: false)
    try reader.read(sample: { accumulator.add(g: $0) }, batchEnded: {})
    return accumulator.pending
  }

  /// A population re-binned as the app's GHM explorer does after a change (both cores).
  public static func rebin(_ population: Population, bins: Int, momentum: Double, gamma: Double) -> [[GHMBinRow]] {
    population.tables(bins: bins, momentum: momentum, gamma: gamma, binner: ParallelBinning.population)
  }
}
