// `lossscope ghm`: GHM-C's bins, weights and reweighted gradients for a population, as CSV or a picture.

import ArgumentParser
import Dispatch
import Losses
import Plot

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
      as mmdetection's GHMC. Without --predictions the built-in synthetic population is used. \
      .npy predictions (float32/float64) come with --labels (bool, uint8, int32, int64 or float), \
      little-endian, one-dimensional, read in chunks.
      """)

  @Option(name: .long, parsing: .singleValue, help: "CSV file(s) with a header row; several files are batches in order.")
  var predictions: [String] = []

  @Option(name: .long, parsing: .singleValue, help: "Label .npy file(s), one per --predictions .npy file, in the same order.")
  var labels: [String] = []

  @Option(name: .customLong("prob-column"), help: "Probability (or, with --logits, logit) column; default prob, p, score, ...")
  var probColumn: String?

  @Option(name: .customLong("label-column"), help: "Label column (0 or 1); default label, y, target.")
  var labelColumn: String?

  @Option(name: .customLong("batch-column"), help: "Batch column: rows of one batch are contiguous, batches in file order.")
  var batchColumn: String?

  @Flag(name: .long, help: "The prediction column holds logits, not probabilities.")
  var logits = false

  @Option(name: .long, parsing: .unconditional, help: "Number of bins M (1 to 1000, default 30).")
  var bins = 30

  @Option(name: .long, parsing: .unconditional, help: "Momentum mu (0 to 0.99, default 0.75).")
  var momentum = 0.75

  @Option(name: .long, parsing: .unconditional, help: "Focal gamma for focal_norm and focal_total (0 to 10, default 2).")
  var gamma = 2.0

  @Flag(name: .customLong("skip-invalid"), help: "Skip bad rows (and say how many) instead of stopping.")
  var skipInvalid = false

  @Option(name: [.customShort("o"), .long], help: "Write the CSV to this file (atomically) instead of stdout.")
  var output: String?

  @Flag(name: .long, help: "Print the panels (histogram, weights, reweighted norms, totals) instead of CSV.")
  var plot = false

  func validate() throws {
    guard (1...1000).contains(bins) else { throw ValidationError("--bins must be between 1 and 1000 (got \(bins))") }
    guard momentum.isFinite, (0...0.99).contains(momentum) else { throw ValidationError("--momentum must be in [0, 0.99]") }
    guard gamma.isFinite, (0...10).contains(gamma) else { throw ValidationError("--gamma must be in [0, 10]") }
    let npy = predictions.filter { $0.hasSuffix(".npy") }
    if !npy.isEmpty {
      guard npy.count == predictions.count else { throw ValidationError("give either .npy or CSV predictions, not both") }
      guard labels.count == npy.count else {
        throw ValidationError("each .npy predictions file needs its labels: --labels FILE (\(npy.count) needed, \(labels.count) given)")
      }
    } else if !labels.isEmpty {
      throw ValidationError("--labels goes with .npy predictions; a CSV has its label column")
    }
  }

  func run() throws {
    let (batches, source, skipped) = try collect()
    if skipped > 0 { printError("skipped \(skipped) invalid row\(skipped == 1 ? "" : "s")") }
    if plot {
      try GHMPicture.print(batches.last?.rows ?? [], width: TerminalInfo.size(1)?.width ?? 100, height: 30)
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
    var accumulator = GHMAccumulator(bins: bins, momentum: momentum, gamma: gamma)
    var batches: [(rows: [GHMBinRow], n: Int)] = []
    func close() {
      let n = accumulator.pending
      guard n > 0 else { return }
      batches.append((accumulator.endBatch(), n))
    }
    guard !predictions.isEmpty else {
      let population = SyntheticPopulation()
      let (g, ends) = population.generate()
      var start = 0
      for end in ends {
        for value in g[start..<end] { accumulator.add(g: value) }
        close()
        start = end
      }
      return (batches, "built-in synthetic population (\(population.samples) samples, hard \(population.hard), \(ends.count) batches)", 0)
    }
    var skipped = 0
    let columns = PredictionColumns(probability: probColumn, label: labelColumn, batch: batchColumn, logits: logits)
    for (k, file) in predictions.enumerated() {
      if file.hasSuffix(".npy") {
        var reader = try NpyPredictions(predictions: file, labels: labels[k], logits: logits, skipInvalid: skipInvalid)
        try reader.read { gs in accumulator.merge(binnedOnAllCores(gs, accumulator)) }
        skipped += reader.skipped
      } else {
        var reader = PredictionsReader(path: file, columns: columns, skipInvalid: skipInvalid)
        try reader.read(sample: { accumulator.add(g: $0) }, batchEnded: close)
        skipped += reader.skipped
      }
      close()
    }
    if batches.isEmpty { throw CLIError("no valid samples in \(predictions.joined(separator: ", "))") }
    return (batches, predictions.joined(separator: " "), skipped)
  }

  /// Bins a chunk in two halves on two cores and adds them up in order (the sums then do not
  /// depend on timing): a hundred million float32 predictions in well under two seconds.
  private func binnedOnAllCores(_ gs: UnsafeBufferPointer<Double>, _ accumulator: GHMAccumulator) -> GHMAccumulator.Partial {
    let half = gs.count / 2
    nonisolated(unsafe) var parts = [GHMAccumulator.Partial?](repeating: nil, count: 2)
    let a = UnsafeBufferPointer(rebasing: gs[0..<half]), b = UnsafeBufferPointer(rebasing: gs[half...])
    nonisolated(unsafe) let halves = [a, b]
    parts.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      DispatchQueue.concurrentPerform(iterations: 2) { k in out[k] = accumulator.partial(halves[k]) }
    }
    var total = parts[0]!
    let second = parts[1]!
    for i in total.counts.indices {
      total.counts[i] += second.counts[i]
      total.sumG[i] += second.sumG[i]
      total.sumFocal[i] += second.sumFocal[i]
    }
    return total
  }

  private func csv(_ batches: [(rows: [GHMBinRow], n: Int)], source: String) -> String {
    var parameters = Parameters([GHMC.info.ownParameters[0], GHMC.info.ownParameters[1], Focal.gammaSpec])
    try? parameters.set("bins", to: Double(bins))
    try? parameters.set("momentum", to: momentum)
    try? parameters.set("gamma", to: gamma)
    return GHMTableText.csv(batches.map(\.rows), source: source, parameters: parameters)
  }
}
