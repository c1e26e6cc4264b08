// Loading a predictions file into memory for the app's GHM explorer (the CLI streams instead).

import Losses

enum PopulationLoader {
  /// Gradient norms of every valid sample, with batch ends: a batch column, or one batch per file.
  static func load(predictions: [String], labels: [String], columns: PredictionColumns, skipInvalid: Bool) throws(CLIError) -> Population {
    var g: [Float] = []
    var ends: [Int] = []
    func close() { if ends.last != g.count && !g.isEmpty { ends.append(g.count) } }
    for (k, file) in predictions.enumerated() {
      if file.hasSuffix(".npy") {
        guard k < labels.count else { throw CLIError("\(file) needs its labels: --labels FILE") }
        var reader = try NpyPredictions(predictions: file, labels: labels[k], logits: columns.logits, skipInvalid: skipInvalid)
        try reader.read { chunk in g.append(contentsOf: chunk.lazy.map(Float.init)) }
      } else {
        var reader = PredictionsReader(path: file, columns: columns, skipInvalid: skipInvalid)
        try reader.read(sample: { g.append(Float($0)) }, batchEnded: close)
      }
      close()
    }
    guard !g.isEmpty else { throw CLIError("no valid samples in \(predictions.joined(separator: ", "))") }
    return Population(g: g, batchEnds: ends, source: predictions.joined(separator: " "))
  }
}
