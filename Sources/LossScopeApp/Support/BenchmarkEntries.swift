// The GHM paths `lossscope ghm` and the app take, reachable from the benchmark package without
// making the readers public: each entry runs one path end to end and returns a checksum.

import Losses
import Plot

import LossData
import LossLogs
import LossText

@_spi(Benchmarks) public enum BenchmarkEntries {
  /// A pair of .npy files binned as `ghm` bins them (both cores); returns the number of samples binned.
  public static func ghmNpy(predictions: String, labels: String, bins: Int = 30) throws -> Int {
    let reader = try NpyPredictions(predictions: predictions, labels: labels, norm: GradientNorm(logits: false), skipInvalid: false)
    var accumulator = GHMAccumulator(bins: bins, momentum: 0.75, gamma: 2)
    _ = try reader.bin(into: &accumulator)
    return accumulator.pending
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
    population.tables(bins: bins, momentum: momentum, gamma: gamma, units: ParallelBinning.units)
  }

  /// The app after adding views, a ghost and a sweep until it draws 8 series at `width` x `height`:
  /// each call of the returned closure presses one key (alternately + and -) and draws the frame.
  /// Returns the closure and the number of series drawn.
  public static func keyPress(width: Int, height: Int) -> (press: () -> Int, series: Int) {
    var state = AppState(width: width, height: height)
    for name in ["anchor", "ghmc"] {
      _ = update(&state, .key(.char("a")))
      for c in name { _ = update(&state, .key(.char(c))) }
      _ = update(&state, .key(.enter))
    }
    _ = update(&state, .key(.char("g")))
    _ = update(&state, .key(.char("s")))
    var up = true
    let series = state.curves?.series.count ?? 0
    return ({
      _ = update(&state, .key(.char(up ? "+" : "-")))
      up.toggle()
      return Screen.render(state).width
    }, series)
  }

  /// The GHM explorer's four panels for `population`'s last batch, drawn at `width` x `height`.
  public static func ghmPanels(_ population: Population, width: Int, height: Int) -> Int {
    let rows = population.tables(bins: 30, momentum: 0.75, gamma: 2, units: ParallelBinning.units).last ?? []
    var grid = Plot.Grid(width: width, height: height)
    GHMPicture.render(rows, into: &grid, in: grid.bounds, momentum: 0.75, batches: 10)
    return grid.width
  }
}
