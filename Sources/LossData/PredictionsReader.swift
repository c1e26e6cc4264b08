// Streaming a CSV of predictions into gradient norms g = |p - y|, batch by batch, with the line of every bad row.
//
// On the one CSV scanner rather than a CSV library, which builds a String per field: here a row is
// one pass over its bytes in a reused buffer, and a plain decimal costs one exact division.

import Losses
import LossText

#if canImport(Glibc)
  import Glibc
#endif

package struct PredictionColumns {
  package var probability: String?
  package var label: String?
  package var batch: String?
  package var logits = false

  package init(probability: String? = nil, label: String? = nil, batch: String? = nil, logits: Bool = false) {
    self.probability = probability
    self.label = label
    self.batch = batch
    self.logits = logits
  }

  package static let probabilityNames = ["prob", "p", "probability", "score", "pred", "prediction"]
  package static let logitNames = ["logit", "logits", "z", "score"]
  package static let labelNames = ["label", "y", "target", "labels", "gt"]
}

package struct PredictionsReader {
  package let path: String
  package let columns: PredictionColumns
  package let norm: GradientNorm
  package let skipInvalid: Bool
  package private(set) var skipped = 0
  package private(set) var rows = 0

  /// The longest line (the header included) this reads: a file without newlines is refused, not swallowed.
  package static let lineLimit = 1 << 20

  package init(path: String, columns: PredictionColumns, norm: GradientNorm, skipInvalid: Bool) {
    self.path = path
    self.columns = columns
    self.norm = norm
    self.skipInvalid = skipInvalid
  }

  /// Reads the file, calling `sample(g)` for each valid row and `batchEnded()` when the batch
  /// column changes. Memory stays constant: the one CSV scanner reads it into one buffer.
  package mutating func read(sample: (Double) -> Void, batchEnded: () -> Void) throws(FileError) {
    let scanner = CSVScanner(file: try InputFile(path: path), lineLimit: Self.lineLimit)
    var layout: CSVLayout?
    var batches = BatchTracker()
    var fields: [Range<Int>] = []
    try scanner.forEachLine { row, line throws(FileError) in
      guard let at = layout else {
        layout = try CSVLayout(header: row, columns: columns, path: path, line: line)
        return
      }
      try take(row, at, line, &fields, &batches, sample, batchEnded)
    }
    if layout == nil { throw FileError(file: path, reason: "empty file (a header row is needed)") }
  }

  /// One data row: its fields checked, its g passed on.
  private mutating func take(_ row: UnsafeBufferPointer<UInt8>, _ at: CSVLayout, _ line: Int, _ fields: inout [Range<Int>],
                             _ batches: inout BatchTracker, _ sample: (Double) -> Void, _ batchEnded: () -> Void) throws(FileError) {
    guard CSVScanner.split(row, into: &fields) else {
      return try reject(FileError(file: path, place: .line(line), reason: "a quote is left open"))
    }
    guard fields.count == at.count else {
      return try reject(FileError(file: path, place: .line(line), reason: "\(fields.count) fields where the header has \(at.count)"))
    }
    if at.batch >= 0 {
      switch batches.see(UnsafeBufferPointer(rebasing: row[CSVScanner.trimmed(row, fields[at.batch])])) {
      case .same: break
      case .new: batchEnded()
      case .again(let key):
        throw FileError(file: path, place: .line(line), reason: "batch \(escapedForTerminal(bytes: key, limit: 40)) appears again after other batches; "
          + "the rows of one batch must be contiguous")
      }
    }
    let x: Double, y: Double
    switch CSVScanner.number(row, fields[at.prob]) {
    case .success(let v): x = v
    case .failure(let why): return try notANumber(row, fields[at.prob], at.probName, line, why)
    }
    switch CSVScanner.number(row, fields[at.label]) {
    case .success(let v): y = v
    case .failure(let why): return try notANumber(row, fields[at.label], at.labelName, line, why)
    }
    let g = norm(x, y)
    guard !g.isNaN else {
      return try reject(FileError(file: path, place: .line(line), reason: norm.problem(x, y) ?? "invalid row"))
    }
    rows += 1
    sample(g)
  }

  private mutating func notANumber(_ row: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, _ column: String, _ line: Int,
                                   _ why: DecimalText.Refusal) throws(FileError) {
    let cell = CSVScanner.trimmed(row, field)
    try reject(FileError(file: path, place: .cell(line: line, column: column),
                         reason: "'\(escapedForTerminal(bytes: row[cell], limit: 40))' \(why.reason)"))
  }

  private mutating func reject(_ error: FileError) throws(FileError) {
    guard skipInvalid else {
      throw FileError(file: error.file, place: error.place, reason: error.reason + " (--skip-invalid skips such rows)")
    }
    skipped += 1
  }
}
