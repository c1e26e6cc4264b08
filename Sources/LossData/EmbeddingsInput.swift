// Loading `--embeddings` (and `--labels`) into an EmbeddingSet, with what the metadata says about them.

import Losses

#if canImport(Glibc)
  import Glibc
#endif

package struct EmbeddingsInput {
  package let set: EmbeddingSet
  /// `E.npy (float32), labels L.npy (int64)` or `E.csv`.
  package let source: String

  package init(set: EmbeddingSet, source: String) {
    self.set = set
    self.source = source
  }

  package static func load(embeddings: String, labels: String?) throws(FileError) -> EmbeddingsInput {
    let values: [Double], dim: Int, ids: [Int64], source: String
    if embeddings.hasSuffix(".npy") || startsWithNpyMagic(embeddings) {
      guard let labels else { throw FileError(file: embeddings, reason: "needs --labels L.npy (one integer label per row)") }
      let matrix = try EmbeddingsNpy.matrix(embeddings)
      ids = try EmbeddingsNpy.labels(labels, count: matrix.n, embeddings: embeddings)
      (values, dim) = (matrix.values, matrix.dim)
      source = "\(embeddings), labels \(labels)"
    } else {
      if labels != nil { throw FileError(file: embeddings, reason: "is a CSV: its labels are its `label` column; leave out --labels") }
      (values, dim, ids) = try EmbeddingsCSV.read(embeddings)
      source = embeddings
    }
    do {
      return EmbeddingsInput(set: try EmbeddingSet(values: consume values, dim: dim, labels: ids), source: source)
    } catch {
      throw FileError(file: embeddings, reason: "\(error.description)")
    }
  }

  /// Whether a regular file starts as a .npy file does, whatever its name (a pipe is not peeked
  /// at: the bytes read would be lost to the CSV reader).
  private static func startsWithNpyMagic(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let file = fopen(path, "rb") else { return false }
    defer { fclose(file) }
    var head = [UInt8](repeating: 0, count: 6)
    return fread(&head, 1, 6, file) == 6 && head == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
  }
}
