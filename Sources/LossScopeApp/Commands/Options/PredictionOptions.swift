// The options that name a predictions file and its columns, shared by `ghm` and the app.

import ArgumentParser
import LossData
import LossLogs
import LossText

struct PredictionOptions: ParsableArguments {
  @Option(name: .long, parsing: .singleValue, help: "Predictions: CSV with a header row (- reads it from standard input), or .npy with --labels; several files are batches in order.")
  var predictions: [String] = []

  @Option(name: .long, parsing: .singleValue, help: "Label .npy file(s), one per .npy predictions file, in the same order.")
  var labels: [String] = []

  @Option(name: .customLong("prob-column"), help: "Probability (or, with --logits, logit) column; default prob, p, score, ...")
  var probColumn: String?

  @Option(name: .customLong("label-column"), help: "Label column (0 or 1); default label, y, target.")
  var labelColumn: String?

  @Option(name: .customLong("batch-column"), help: "Batch column: rows of one batch are contiguous, batches in file order.")
  var batchColumn: String?

  @Flag(name: .long, help: "The prediction column holds logits, not probabilities.")
  var logits = false

  @Flag(name: .customLong("skip-invalid"), help: "Skip bad rows (and say how many) instead of stopping.")
  var skipInvalid = false

  var columns: PredictionColumns {
    PredictionColumns(probability: probColumn, label: labelColumn, batch: batchColumn, logits: logits)
  }

  var files: [PredictionFile] {
    get throws(CLIError) { try reading { () throws(FileError) in try PredictionFile.list(predictions: predictions, labels: labels) } }
  }

  /// Every option given, as words that `ghm` (or the app) parses back to the same options: how
  /// the app's export names the file it read. `--name=value` keeps a value that starts with `-`
  /// (a file `-x.csv`) a value.
  var arguments: [String] {
    func option(_ name: String, _ value: String) -> [String] {
      value.hasPrefix("-") && value != "-" ? ["\(name)=\(value)"] : [name, value]
    }
    var words: [String] = []
    for file in predictions { words += option("--predictions", file) }
    for file in labels { words += option("--labels", file) }
    if let probColumn { words += option("--prob-column", probColumn) }
    if let labelColumn { words += option("--label-column", labelColumn) }
    if let batchColumn { words += option("--batch-column", batchColumn) }
    if logits { words.append("--logits") }
    if skipInvalid { words.append("--skip-invalid") }
    return words
  }

  func validate() throws {
    // --labels alone is refused by each command; the app takes it with --embeddings.
    if labelsWithoutPredictions { return }
    do throws(CLIError) { _ = try files } catch { throw ValidationError(error.description) }
  }

  /// --labels without predictions: refused by each command, as the app takes it with --embeddings.
  static let labelsAlone = "--labels goes with .npy predictions; a CSV has its label column"
  var labelsWithoutPredictions: Bool { predictions.isEmpty && !labels.isEmpty }
}
