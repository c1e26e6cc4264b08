// Opening the embeddings mode: from the command line's files, or from words (`embeddings temperature=0.5`).

import Losses
import LossData
import LossLogs
import LossText

extension EmbeddingsMode {
  /// `lossscope --embeddings E [--labels L]`: the user's files; `others` when views, a preset or
  /// predictions were given too, which this view does not combine with.
  static func open(_ embeddings: String, labels: [String], others: Bool) throws(CLIError) -> EmbeddingsMode {
    if others { throw CLIError("--embeddings opens the embeddings view alone: leave out views, --preset and --predictions") }
    if labels.count > 1 { throw CLIError("--embeddings takes one --labels file (got \(labels.count))") }
    let input = try reading { () throws(FileError) in try EmbeddingsInput.load(embeddings: embeddings, labels: labels.first) }
    return EmbeddingsMode(input, embeddings: embeddings, labels: labels.first)
  }

  /// The bundled example with `name=value` words applied, as lessons set up their steps.
  static func make(_ words: [String]) throws(CLIError) -> EmbeddingsMode {
    guard var mode = example() else { throw CLIError("the bundled example embeddings could not be read") }
    for word in words {
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let spec = specs.first(where: { $0.name == parts[0] }) else {
        throw CLIError("embeddings takes name=value words of \(specs.map(\.name).joined(separator: ", ")) (got \(word))")
      }
      do {
        _ = try mode.update(spec.name, to: try spec.parse(parts[1]))
      } catch {
        throw CLIError(error.description)
      }
    }
    mode.settle()
    return mode
  }
}
