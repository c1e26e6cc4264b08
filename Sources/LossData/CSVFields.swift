// The pieces of a predictions CSV: column positions from the header, and batch ids.

import LossText


/// Where the probability, label and (optional, -1 without) batch columns are, and how many there are.
package struct CSVLayout {
  package let prob: Int, label: Int, batch: Int, count: Int
  package let probName: String, labelName: String

  /// Column positions from the header; a missing column lists what the file has.
  package init(header: UnsafeBufferPointer<UInt8>, columns: PredictionColumns, path: String, line: Int) throws(FileError) {
    let names = CSVScanner.names(header).map { $0.lowercased() }
    func find(_ wanted: String?, _ defaults: [String], _ what: String, _ flag: String) throws(FileError) -> Int {
      let candidates = wanted.map { [$0.lowercased()] } ?? defaults
      for c in candidates { if let i = names.firstIndex(of: c) { return i } }
      throw FileError(file: path, place: .line(line), reason: "no \(what) column (\((candidates.joined(separator: ", ")).escapedForTerminal(limit: 60))); "
        + "the header has \((names.joined(separator: ", ")).escapedForTerminal(limit: 120)); choose one with \(flag)")
    }
    prob = try find(columns.probability, columns.logits ? PredictionColumns.logitNames : PredictionColumns.probabilityNames,
                    columns.logits ? "logit" : "probability", "--prob-column")
    label = try find(columns.label, PredictionColumns.labelNames, "label", "--label-column")
    batch = try columns.batch.map { b throws(FileError) in try find(b, [], "batch", "--batch-column") } ?? -1
    count = names.count
    probName = names[prob]
    labelName = names[label]
  }
}

/// Batch ids seen so far: rows of one batch are contiguous, so an id that returns is a mistake.
package struct BatchTracker {
  package enum Seen { case same, new, again([UInt8]) }
  private var last: [UInt8]?
  private var earlier: Set<[UInt8]> = []

  package mutating func see(_ key: UnsafeBufferPointer<UInt8>) -> Seen {
    if let last, last.elementsEqual(key) { return .same }
    let id = Array(key)
    if earlier.contains(id) { return .again(id) }
    if let last { earlier.insert(last) }
    let wasFirst = last == nil
    last = id
    return wasFirst ? .same : .new
  }
}
