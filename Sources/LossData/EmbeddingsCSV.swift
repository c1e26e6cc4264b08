// Embeddings from a CSV: a `label` column (integers) and D numeric columns, each bad cell named by line and column.

import LossText

package enum EmbeddingsCSV {
  /// Values row-major, the dimension, and the labels; `#` lines and blank lines are skipped.
  /// At most `maxValues` numbers are kept, so a pipe that never ends cannot exhaust memory.
  package static func read(_ path: String, maxValues: Int = EmbeddingsCSV.maxValues) throws(FileError) -> (values: [Double], dim: Int, labels: [Int64]) {
    let scanner = CSVScanner(file: try InputFile(path: path))
    var values: [Double] = [], labels: [Int64] = []
    var names: [String] = []
    var labelColumn = -1
    var fields: [Range<Int>] = []
    try scanner.forEachLine { row, line throws(FileError) in
      if row.allSatisfy({ $0 == 32 }) || row.first == UInt8(ascii: "#") { return }
      guard CSVScanner.split(row, into: &fields) else {
        throw FileError(file: path, place: .line(line), reason: "a quote is left open (a quoted field must end on its line)")
      }
      if labelColumn < 0 {
        names = fields.map { CSVScanner.text(row, $0) }
        guard let k = names.firstIndex(of: "label") else {
          throw FileError(file: path, place: .line(line), reason: "the header has no `label` column (got: \(names.joined(separator: ",").escapedForTerminal(limit: 80)))")
        }
        guard names.count >= 2 else { throw FileError(file: path, place: .line(line), reason: "the header names no embedding column besides `label`") }
        labelColumn = k
        return
      }
      guard fields.count == names.count else {
        throw FileError(file: path, place: .line(line), reason: "\(fields.count) fields, the header has \(names.count)")
      }
      guard values.count + names.count - 1 <= maxValues else {
        throw FileError(file: path, place: .line(line), reason: "more than \(maxValues) values: too large to analyse in memory")
      }
      for (k, field) in fields.enumerated() {
        if k == labelColumn {
          let cell = CSVScanner.trimmed(row, field)
          guard let label = Int64(String(decoding: UnsafeBufferPointer(rebasing: row[cell]), as: UTF8.self)) else {
            throw FileError(file: path, place: .cell(line: line, column: names[k]),
                            reason: "'\(escapedForTerminal(bytes: row[cell], limit: 40))' is not a whole number")
          }
          labels.append(label)
        } else {
          switch CSVScanner.number(row, field) {
          case .success(let x): values.append(x)
          case .failure(let why):
            throw FileError(file: path, place: .cell(line: line, column: names[k]),
                            reason: "'\(escapedForTerminal(bytes: row[CSVScanner.trimmed(row, field)], limit: 40))' \(why.reason)")
          }
        }
      }
    }
    guard labelColumn >= 0 else { throw FileError(file: path, reason: "empty: expected a header with a `label` column") }
    return (values, names.count - 1, labels)
  }

  /// 2^26 numbers (512 MiB as doubles): 50,000 rows of 1,280 dimensions, past what an all-pairs analysis uses.
  package static let maxValues = 1 << 26
}
