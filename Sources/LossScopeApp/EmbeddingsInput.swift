// Loading `--embeddings` (and `--labels`) into an EmbeddingSet, with what the metadata says about them.

import Losses

struct EmbeddingsInput {
  let set: EmbeddingSet
  /// `E.npy (float32), labels L.npy (int64)` or `E.csv`.
  let source: String

  static func load(embeddings: String, labels: String?) throws(CLIError) -> EmbeddingsInput {
    let values: [Double], dim: Int, ids: [Int64], source: String
    if embeddings.hasSuffix(".npy") {
      guard let labels else { throw CLIError("\(embeddings) needs --labels L.npy (one integer label per row)") }
      let matrix = try EmbeddingsNpy.matrix(embeddings)
      ids = try EmbeddingsNpy.labels(labels, count: matrix.n, embeddings: embeddings)
      (values, dim) = (matrix.values, matrix.dim)
      source = "\(embeddings), labels \(labels)"
    } else {
      if labels != nil { throw CLIError("\(embeddings) is a CSV: its labels are its `label` column; leave out --labels") }
      (values, dim, ids) = try EmbeddingsCSV.read(embeddings)
      source = embeddings
    }
    do {
      return EmbeddingsInput(set: try EmbeddingSet(values: values, dim: dim, labels: ids), source: source)
    } catch {
      throw CLIError("\(embeddings): \(error.description)")
    }
  }
}
