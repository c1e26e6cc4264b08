// Streaming a CSV of predictions into gradient norms g = |p - y|, batch by batch, with the line of every bad row.
//
// Written by hand rather than with a CSV library, which builds a String per field: here a row is
// one pass over its bytes in a reused buffer, and a plain decimal costs one exact division.

import Losses

#if canImport(Glibc)
  import Glibc
#endif

struct PredictionColumns {
  var probability: String?
  var label: String?
  var batch: String?
  var logits = false

  static let probabilityNames = ["prob", "p", "probability", "score", "pred", "prediction"]
  static let logitNames = ["logit", "logits", "z", "score"]
  static let labelNames = ["label", "y", "target", "labels", "gt"]
}

struct PredictionsReader {
  let path: String
  let columns: PredictionColumns
  let norm: GradientNorm
  let skipInvalid: Bool
  private(set) var skipped = 0
  private(set) var rows = 0

  /// The longest line (the header included) this reads: a file without newlines is refused, not swallowed.
  static let lineLimit = 1 << 20

  init(path: String, columns: PredictionColumns, norm: GradientNorm, skipInvalid: Bool) {
    self.path = path
    self.columns = columns
    self.norm = norm
    self.skipInvalid = skipInvalid
  }

  /// Reads the file, calling `sample(g)` for each valid row and `batchEnded()` when the batch
  /// column changes. Memory stays constant: the file is read in 1 MiB pieces into one buffer.
  mutating func read(sample: (Double) -> Void, batchEnded: () -> Void) throws(CLIError) {
    let file = try InputFile(path: path)
    let capacity = Self.lineLimit
    // One byte more than is ever read: a 0 after the data stops strtod at the end of the last field.
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 1)
    defer { buffer.deallocate() }
    var filled = 0, offset = 0, line = 0
    var layout: CSVLayout?
    var batches = BatchTracker()
    var atEOF = false
    while !atEOF {
      let n = try file.read(at: offset, into: UnsafeMutableRawBufferPointer(start: buffer + filled, count: capacity - filled))
      atEOF = n < capacity - filled
      offset += n
      filled += n
      buffer[filled] = 0
      var start = 0
      if offset == n, filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }  // a UTF-8 BOM
      while start < filled {
        let newline = memchr(buffer + start, 10, filled - start).map { $0.assumingMemoryBound(to: UInt8.self) - buffer }
        guard let end = newline ?? (atEOF ? filled : nil) else { break }
        line += 1
        var stop = end
        if stop > start && buffer[stop - 1] == 13 { stop -= 1 }
        let from = start
        start = end + 1
        if stop == from { continue }  // blank line
        let row = UnsafeBufferPointer(start: buffer + from, count: stop - from)
        guard let at = layout else {
          layout = try CSVLayout(header: row, columns: columns, path: path, line: line)
          continue
        }
        try take(row, at, line, &batches, sample, batchEnded)
      }
      let rest = max(0, filled - start)
      if rest > 0 && start > 0 { memmove(buffer, buffer + start, rest) }
      filled = rest
      if filled == capacity { throw CLIError("\(shown(path, limit: 300)):\(line + 1): line longer than \(capacity) bytes") }
    }
    if layout == nil { throw CLIError("\(shown(path, limit: 300)): empty file (a header row is needed)") }
  }

  /// One data row: its fields checked, its g passed on.
  private mutating func take(_ row: UnsafeBufferPointer<UInt8>, _ at: CSVLayout, _ line: Int, _ batches: inout BatchTracker,
                             _ sample: (Double) -> Void, _ batchEnded: () -> Void) throws(CLIError) {
    var fields = (prob: 0..<0, label: 0..<0, batch: 0..<0)
    var index = 0, start = 0, quoted = false
    for i in 0...row.count {
      let b = i < row.count ? row[i] : 44
      if b == 34 { quoted.toggle(); continue }
      guard b == 44 && (!quoted || i == row.count) else { continue }
      if index == at.prob { fields.prob = start..<i }
      if index == at.label { fields.label = start..<i }
      if index == at.batch { fields.batch = start..<i }
      index += 1
      start = i + 1
    }
    guard index == at.count else {
      try reject("\(shown(path, limit: 300)):\(line): \(index) fields where the header has \(at.count)")
      return
    }
    if at.batch >= 0 {
      switch batches.see(UnsafeBufferPointer(rebasing: row[fields.batch])) {
      case .same: break
      case .new: batchEnded()
      case .again(let key):
        throw CLIError("\(shown(path, limit: 300)):\(line): batch \(shown(bytes: key, limit: 40)) appears again after other batches; "
          + "the rows of one batch must be contiguous")
      }
    }
    guard let x = parseNumber(row, fields.prob) else { return try notANumber(row, fields.prob, at.probName, line) }
    guard let y = parseNumber(row, fields.label) else { return try notANumber(row, fields.label, at.labelName, line) }
    let g = norm(x, y)
    guard !g.isNaN else {
      try reject("\(shown(path, limit: 300)):\(line): \(norm.problem(x, y) ?? "invalid row")")
      return
    }
    rows += 1
    sample(g)
  }

  private mutating func notANumber(_ row: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, _ column: String, _ line: Int) throws(CLIError) {
    try reject("\(shown(path, limit: 300)):\(line): column \(shown(column, limit: 40)): '\(shown(bytes: row[field], limit: 40))' is not a number")
  }

  private mutating func reject(_ message: String) throws(CLIError) {
    guard skipInvalid else { throw CLIError(message + " (--skip-invalid skips such rows)") }
    skipped += 1
  }
}
