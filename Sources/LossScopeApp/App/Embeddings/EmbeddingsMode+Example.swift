// The bundled example embeddings (examples/ in the repository, carried in the binary) as an input.

import Foundation
import Losses
import LossData
import LossLogs
import LossText

enum EmbeddingsModeExample {
  /// How the metadata and the export's command name the example: the repository's files.
  static let embeddingsPath = "examples/embeddings-8d.npy"
  static let labelsPath = "examples/labels.npy"

  /// The decoded example; nil only if the embedded text were damaged (a test checks it is not).
  static let input: EmbeddingsInput? = {
    guard let e = bytes(EmbeddingsModeExampleData.embeddings), let l = bytes(EmbeddingsModeExampleData.labels),
      let matrix = npy(e, type: "<f4", size: 4), let labels = npy(l, type: "<i8", size: 8),
      matrix.shape.count == 2, labels.shape == [matrix.shape[0]]
    else { return nil }
    let values = stride(from: 0, to: matrix.payload.count, by: 4).map { k in
      Double(Float(bitPattern: UInt32(truncatingIfNeeded: word(matrix.payload, k, 4))))
    }
    let ids = stride(from: 0, to: labels.payload.count, by: 8).map { Int64(bitPattern: word(labels.payload, $0, 8)) }
    guard let set = try? EmbeddingSet(values: values, dim: matrix.shape[1], labels: ids) else { return nil }
    return EmbeddingsInput(set: set, source: "\(embeddingsPath), labels \(labelsPath)")
  }()

  /// The file's bytes from the embedded base64 text.
  static func bytes(_ text: String) -> [UInt8]? {
    Data(base64Encoded: text, options: .ignoreUnknownCharacters).map { [UInt8]($0) }
  }

  /// A version 1 .npy file of one little-endian type in C order: its shape and data bytes.
  private static func npy(_ b: [UInt8], type: String, size: Int) -> (shape: [Int], payload: ArraySlice<UInt8>)? {
    guard b.count >= 10, b[0] == 0x93, b[6] == 1 else { return nil }
    let start = 10 + Int(b[8]) + Int(b[9]) << 8
    guard start <= b.count, let header = String(bytes: b[10..<start], encoding: .ascii),
      header.contains("'descr': '\(type)'"), header.contains("'fortran_order': False"),
      let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")")
    else { return nil }
    let shape = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    let payload = b[start...]
    guard payload.count == shape.reduce(size, *) else { return nil }
    return (shape, payload)
  }

  /// The little-endian unsigned integer of `size` bytes at offset `k` of `bytes`.
  private static func word(_ bytes: ArraySlice<UInt8>, _ k: Int, _ size: Int) -> UInt64 {
    let base = bytes.startIndex + k
    return (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[base + $1]) << (8 * UInt64($1)) }
  }
}
