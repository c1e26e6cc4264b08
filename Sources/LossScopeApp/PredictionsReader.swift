// Streaming a CSV of predictions into gradient norms g = |p - y|, batch by batch, with the line of every bad row.
//
// Written by hand rather than with CSV.swift: that library builds a String per field, which is
// far from the 2 million rows a second this needs; here a row costs two strtod calls.

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
  let skipInvalid: Bool
  private(set) var skipped = 0
  private(set) var rows = 0

  init(path: String, columns: PredictionColumns, skipInvalid: Bool) {
    self.path = path
    self.columns = columns
    self.skipInvalid = skipInvalid
  }

  /// Reads the file, calling `sample(g)` for each valid row and `batchEnded()` when the batch
  /// column changes. Memory stays constant: the file is read in 1 MiB chunks.
  mutating func read(sample: (Double) -> Void, batchEnded: () -> Void) throws(CLIError) {
    guard let file = fopen(path, "r") else { throw CLIError("cannot read \(path): \(errorText(errno))") }
    defer { fclose(file) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var carry: [UInt8] = []
    var line = 0
    var layout: (prob: Int, label: Int, batch: Int?, count: Int)?
    var lastBatch: [UInt8]?
    while true {
      let n = fread(&chunk, 1, chunk.count, file)
      var bytes = carry
      bytes.append(contentsOf: chunk[0..<n])
      carry.removeAll(keepingCapacity: true)
      var start = 0
      let end = bytes.count
      let atEOF = n < chunk.count
      while start < end {
        guard let newline = bytes[start..<end].firstIndex(of: 10) ?? (atEOF ? end : nil) else {
          carry.append(contentsOf: bytes[start..<end])
          break
        }
        line += 1
        var stop = newline
        if stop > start && bytes[stop - 1] == 13 { stop -= 1 }
        let lineStart = start
        start = newline + 1
        if stop == lineStart { continue }  // blank line
        let fields = split(bytes[lineStart..<stop])
        guard let columnsAt = layout else {
          layout = try header(fields.map { String(decoding: bytes[$0], as: UTF8.self) }, line: line)
          continue
        }
        guard fields.count == columnsAt.count else {
          try reject("\(path):\(line): \(fields.count) fields where the header has \(columnsAt.count)")
          continue
        }
        if let b = columnsAt.batch {
          let key = Array(bytes[fields[b]])
          if let last = lastBatch, last != key { batchEnded() }
          lastBatch = key
        }
        guard let x = number(bytes, fields[columnsAt.prob]), let y = number(bytes, fields[columnsAt.label]) else {
          try reject("\(path):\(line): not a number")
          continue
        }
        guard y == 0 || y == 1 else {
          try reject("\(path):\(line): label \(formatNumber(y)) is not 0 or 1")
          continue
        }
        let g: Double
        if columns.logits {
          guard x.isFinite else { try reject("\(path):\(line): logit is not finite"); continue }
          g = y == 1 ? sigmoid(-x) : sigmoid(x)
        } else {
          guard x >= 0 && x <= 1 else {
            try reject("\(path):\(line): probability \(x.isNaN ? "nan" : formatNumber(x)) is outside [0, 1]")
            continue
          }
          g = abs(x - y)
        }
        rows += 1
        sample(g)
      }
      if atEOF { break }
    }
    if layout == nil { throw CLIError("\(path): empty file (a header row is needed)") }
  }

  private mutating func reject(_ message: String) throws(CLIError) {
    guard skipInvalid else { throw CLIError(message + " (--skip-invalid skips such rows)") }
    skipped += 1
  }

  /// Column positions from the header; a missing column lists what the file has.
  private func header(_ names: [String], line: Int) throws(CLIError) -> (prob: Int, label: Int, batch: Int?, count: Int) {
    let trimmed = names.map { $0.trimmingCharacters(in: " ").trimmingCharacters(in: "\"").lowercased() }
    func find(_ wanted: String?, _ defaults: [String], _ what: String, _ flag: String) throws(CLIError) -> Int {
      let candidates = wanted.map { [$0.lowercased()] } ?? defaults
      for c in candidates { if let i = trimmed.firstIndex(of: c) { return i } }
      throw CLIError("\(path):\(line): no \(what) column (\(candidates.joined(separator: ", "))); "
        + "the header has \(trimmed.joined(separator: ", ")); choose one with \(flag)")
    }
    let prob = try find(columns.probability, columns.logits ? PredictionColumns.logitNames : PredictionColumns.probabilityNames,
                        columns.logits ? "logit" : "probability", "--prob-column")
    let label = try find(columns.label, PredictionColumns.labelNames, "label", "--label-column")
    let batch = try columns.batch.map { b throws(CLIError) in try find(b, [], "batch", "--batch-column") }
    return (prob, label, batch, trimmed.count)
  }

  /// Field ranges of one line, split at commas (fields in double quotes may hold commas).
  private func split(_ line: ArraySlice<UInt8>) -> [Range<Int>] {
    var fields: [Range<Int>] = []
    var start = line.startIndex
    var quoted = false
    for i in line.indices {
      let b = line[i]
      if b == 34 { quoted.toggle() } else if b == 44 && !quoted {
        fields.append(start..<i)
        start = i + 1
      }
    }
    fields.append(start..<line.endIndex)
    return fields
  }

  /// The field as a Double (strtod over the exact bytes); nil when it is not entirely a number.
  private func number(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
    var lo = range.lowerBound, hi = range.upperBound
    while lo < hi && (bytes[lo] == 32 || bytes[lo] == 34) { lo += 1 }
    while hi > lo && (bytes[hi - 1] == 32 || bytes[hi - 1] == 34) { hi -= 1 }
    let count = hi - lo
    guard count > 0 && count < 64 else { return nil }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
      for k in 0..<count { buffer[k] = CChar(bitPattern: bytes[lo + k]) }
      buffer[count] = 0
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtod(buffer.baseAddress!, &end)
      guard let end, end - buffer.baseAddress! == count else { return nil }
      return value.isNaN ? nil : value
    }
  }
}
