// The predictions files of a command: the one place a file's suffix picks its reader.

import Losses

package enum PredictionFile {
  case csv(String)
  case npy(predictions: String, labels: String)

  /// Pairs each .npy predictions file with its labels; CSV files carry their own label column.
  package static func list(predictions: [String], labels: [String]) throws(FileError) -> [PredictionFile] {
    let npy = predictions.filter { $0.hasSuffix(".npy") }
    guard !npy.isEmpty else {
      guard labels.isEmpty else { throw FileError("--labels goes with .npy predictions; a CSV has its label column") }
      return predictions.map { .csv($0) }
    }
    guard npy.count == predictions.count else { throw FileError("give either .npy or CSV predictions, not both") }
    guard labels.count == npy.count else {
      throw FileError("each .npy predictions file needs its labels: --labels FILE (\(npy.count) needed, \(labels.count) given)")
    }
    return zip(predictions, labels).map { .npy(predictions: $0, labels: $1) }
  }

  /// How a table's metadata names the files: their names, in order.
  package static func source(_ predictions: [String]) -> String { predictions.joined(separator: " ") }

  /// Reads the files in order: a CSV sample by sample (with its batch column), a pair of .npy
  /// files through `npy`, which returns how many samples it skipped. Each file ends a batch.
  /// Returns how many rows or values were skipped in all.
  package static func read(
    _ files: [PredictionFile], columns: PredictionColumns, norm: GradientNorm, skipInvalid: Bool,
    npy: (NpyPredictions) throws(FileError) -> Int, sample: (Double) -> Void, batchEnded: () -> Void
  ) throws(FileError) -> Int {
    var skipped = 0
    for file in files {
      switch file {
      case .csv(let path):
        var reader = PredictionsReader(path: path, columns: columns, norm: norm, skipInvalid: skipInvalid)
        try reader.read(sample: sample, batchEnded: batchEnded)
        skipped += reader.skipped
      case .npy(let predictions, let labels):
        skipped += try npy(NpyPredictions(predictions: predictions, labels: labels, norm: norm, skipInvalid: skipInvalid))
      }
      batchEnded()
    }
    return skipped
  }
}
