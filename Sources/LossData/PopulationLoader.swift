// Loading a predictions file into memory for the app's GHM explorer (the CLI streams instead).

import Losses
import LossText

package enum PopulationLoader {
  /// Gradient norms of every valid sample in float64, as `ghm` reads them, with batch ends: a
  /// batch column, or one batch per file.
  package static func load(predictions: [String], labels: [String], columns: PredictionColumns, skipInvalid: Bool) throws(FileError) -> Population {
    var g: [Double] = []
    var ends: [Int] = []
    func close() { if ends.last != g.count && !g.isEmpty { ends.append(g.count) } }
    let files = try PredictionFile.list(predictions: predictions, labels: labels)
    _ = try PredictionFile.read(
      files, columns: columns, norm: GradientNorm(logits: columns.logits), skipInvalid: skipInvalid,
      npy: { reader throws(FileError) in
        g.reserveCapacity(g.count + reader.predictions.count)
        return try reader.scan(0..<reader.predictions.count) { g.append(contentsOf: $0) }
      },
      sample: { g.append($0) }, batchEnded: close)
    guard !g.isEmpty else { throw FileError("no valid samples in \(PredictionFile.source(predictions).escapedForTerminal(limit: 300))") }
    return Population(g: g, batchEnds: ends, source: PredictionFile.source(predictions))
  }
}
