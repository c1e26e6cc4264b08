// `lossscope ghm`: GHM-C's bins, weights and reweighted gradients for a population, as CSV or a picture.

import ArgumentParser
import Losses
import Plot
import LossText
import LossData
import LossLogs

struct GHMCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ghm",
    abstract: "GHM-C statistics per gradient-norm bin, from your predictions or the built-in population.",
    discussion: """
      Columns: bin, lo, hi, count, density (count / (N x bin width)), weight (beta of the bin's \
      samples), ce_norm, focal_norm, ghm_norm (reweighted gradient norm at the bin centre), \
      ce_total, focal_total, ghm_total (sums over the bin's samples). With batches (a batch \
      column, or several files, or the built-in population's 10 batches) a leading `batch` \
      column gives one block per batch, with the weights after that batch's momentum update, \
      as mmdetection's GHMC. Without --predictions the built-in synthetic population is used \
      (--samples and --hard set its size and its fraction of hard outliers). \
      .npy predictions (float32/float64) come with --labels (bool, uint8, int32, int64 or float), \
      little-endian, one-dimensional, read in chunks. Bin edges: --edges exact (default) uses \
      float64 edges i/M and g = |p - y| in float64; --edges mmdet reproduces mmdetection's GHMC, \
      float32 edges arange(M+1).float() / M with 1e-6 added to the last, and g computed and \
      compared in float32, so a sample on an edge lands in the bin mmdetection puts it in \
      (p = 0.9, y = 1, M = 10: g = 0.1 is bin 0 in float64, bin 1 in float32).
      """)

  @OptionGroup var input: PredictionOptions

  @Option(name: .long, parsing: .unconditional, help: "Number of bins M (1 to 1000, default 30).")
  var bins = 30

  @Option(name: .long, parsing: .unconditional, help: "Momentum mu (0 to 0.99, default 0.75).")
  var momentum = 0.75

  @Option(name: .long, parsing: .unconditional, help: "Focal gamma for focal_norm and focal_total (0 to 10, default 2).")
  var gamma = 2.0

  @Option(name: .long, parsing: .unconditional, help: "Size of the built-in population, without --predictions (1000 to 10000000, default 100000).")
  var samples: Int?

  @Option(name: .long, parsing: .unconditional, help: "Fraction of hard outliers in the built-in population, without --predictions (0 to 0.5, default 0.02).")
  var hard: Double?

  @Option(name: .long, help: "Bin edges: exact (float64 i/M, the default) or mmdet (mmdetection's float32 edges and g).")
  var edges: GHMEdges = .exact

  @Option(name: [.customShort("o"), .long], help: "Write the CSV to this file (atomically) instead of stdout.")
  var output: String?

  @Flag(name: .long, help: "Print the panels (histogram, weights, reweighted norms, totals) instead of CSV.")
  var plot = false

  func validate() throws {
    if input.labelsWithoutPredictions { throw ValidationError(PredictionOptions.labelsAlone) }
    guard (1...1000).contains(bins) else { throw ValidationError("--bins must be between 1 and 1000 (got \(bins))") }
    guard momentum.isFinite, (0...0.99).contains(momentum) else { throw ValidationError("--momentum must be in [0, 0.99]") }
    guard gamma.isFinite, (0...10).contains(gamma) else { throw ValidationError("--gamma must be in [0, 10]") }
    if !input.predictions.isEmpty && (samples != nil || hard != nil) {
      throw ValidationError("--samples and --hard shape the built-in population; a predictions file has its own")
    }
    if let samples, !(1000...10_000_000).contains(samples) { throw ValidationError("--samples must be between 1000 and 10000000 (got \(samples))") }
    if let hard, !(hard.isFinite && (0...0.5).contains(hard)) { throw ValidationError("--hard must be in [0, 0.5]") }
  }

  /// The built-in population these options ask for.
  private var synthetic: SyntheticPopulation {
    let defaults = SyntheticPopulation()
    return SyntheticPopulation(samples: samples ?? defaults.samples, hard: hard ?? defaults.hard)
  }

  func run() throws {
    let (batches, source, skipped) = try collect()
    if skipped > 0 { printError("skipped \(skipped) invalid row\(skipped == 1 ? "" : "s")") }
    if plot {
      try GHMPicture.print(batches.last?.rows ?? [], width: TerminalInfo.size(1)?.width ?? 100, height: 30, momentum: momentum, batches: batches.count)
      return
    }
    let text = csv(batches, source: source)
    if let output, output != "-" {
      try AtomicFile.write(to: output) { sink throws(CLIError) in sink.append(text) }
    } else {
      try emit(text)
    }
  }

  /// Every batch's table, the population's description, and how many rows were skipped.
  private func collect() throws(CLIError) -> ([(rows: [GHMBinRow], n: Int)], String, Int) {
    var accumulator = GHMAccumulator(bins: bins, momentum: momentum, gamma: gamma, edges: edges)
    var batches: [(rows: [GHMBinRow], n: Int)] = []
    func close() {
      let rows = accumulator.endBatch()
      let n = rows.reduce(0) { $0 + $1.count }
      if n > 0 { batches.append((rows, n)) }
    }
    let predictions = input.predictions
    guard !predictions.isEmpty else {
      let population = synthetic
      var (g, ends) = population.generate()
      if edges == .mmdet { g = g.map { Double(Float($0)) } }
      g.withUnsafeBufferPointer { all in
        var start = 0
        for end in ends {
          accumulator.add(UnsafeBufferPointer(rebasing: all[start..<end]))
          close()
          start = end
        }
      }
      return (batches, population.description, 0)
    }
    let files = try input.files
    let skipped = try reading { () throws(FileError) in try PredictionFile.read(
      files, columns: input.columns, norm: GradientNorm(logits: input.logits, edges: edges), skipInvalid: input.skipInvalid,
      npy: { reader throws(FileError) in try reader.bin(into: &accumulator) },
      sample: { accumulator.add(g: $0) }, batchEnded: close) }
    if batches.isEmpty { throw CLIError("no valid samples in \((predictions.joined(separator: ", ")).escapedForTerminal(limit: 300))") }
    return (batches, PredictionFile.source(predictions) + (edges == .mmdet ? " (mmdet edges)" : ""), skipped)
  }

  /// The table with its metadata; its `# command:` line is these options in the form the app writes.
  private func csv(_ batches: [(rows: [GHMBinRow], n: Int)], source: String) -> String {
    let settings = GHMTableSettings(
      input: input.arguments, builtIn: input.predictions.isEmpty ? synthetic : nil,
      bins: bins, momentum: momentum, gamma: gamma, edges: edges)
    return GHMTableText.csv(batches.map(\.rows), source: source, settings: settings)
  }
}

extension GHMEdges: ExpressibleByArgument {}
