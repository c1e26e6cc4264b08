// The pieces of a predictions CSV row: column positions from the header, numbers, and batch ids.

#if canImport(Glibc)
  import Glibc
#endif

/// Where the probability, label and (optional, -1 without) batch columns are, and how many there are.
struct CSVLayout {
  let prob: Int, label: Int, batch: Int, count: Int
  let probName: String, labelName: String

  /// Column positions from the header; a missing column lists what the file has.
  init(header: UnsafeBufferPointer<UInt8>, columns: PredictionColumns, path: String, line: Int) throws(CLIError) {
    var names: [String] = []
    var start = 0, quoted = false
    for i in 0...header.count {
      let b = i < header.count ? header[i] : 44
      if b == 34 { quoted.toggle() } else if b == 44 && (!quoted || i == header.count) {
        let name = String(decoding: header[start..<i], as: UTF8.self)
        names.append(String(name.drop { $0 == " " || $0 == "\"" }.reversed().drop { $0 == " " || $0 == "\"" }.reversed()).lowercased())
        start = i + 1
      }
    }
    func find(_ wanted: String?, _ defaults: [String], _ what: String, _ flag: String) throws(CLIError) -> Int {
      let candidates = wanted.map { [$0.lowercased()] } ?? defaults
      for c in candidates { if let i = names.firstIndex(of: c) { return i } }
      throw CLIError("\(shown(path, limit: 300)):\(line): no \(what) column (\(shown(candidates.joined(separator: ", ")))); "
        + "the header has \(shown(names.joined(separator: ", "), limit: 120)); choose one with \(flag)")
    }
    prob = try find(columns.probability, columns.logits ? PredictionColumns.logitNames : PredictionColumns.probabilityNames,
                    columns.logits ? "logit" : "probability", "--prob-column")
    label = try find(columns.label, PredictionColumns.labelNames, "label", "--label-column")
    batch = try columns.batch.map { b throws(CLIError) in try find(b, [], "batch", "--batch-column") } ?? -1
    count = names.count
    probName = names[prob]
    labelName = names[label]
  }
}

/// The field as a Double, nil when it is not entirely a number (spaces and quotes around it are
/// allowed). The bytes after the field must not continue a number: the row's next byte is a comma,
/// a quote, a line end or the buffer's 0.
func parseNumber(_ row: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
  var lo = range.lowerBound, hi = range.upperBound
  while lo < hi && (row[lo] == 32 || row[lo] == 34) { lo += 1 }
  while hi > lo && (row[hi - 1] == 32 || row[hi - 1] == 34) { hi -= 1 }
  guard lo < hi, let base = row.baseAddress else { return nil }
  if let fast = plainDecimal(row, lo, hi) { return fast }
  var end: UnsafeMutablePointer<CChar>? = nil
  let start = UnsafeRawPointer(base.advanced(by: lo)).assumingMemoryBound(to: CChar.self)
  let value = strtod(start, &end)
  guard let end, UnsafePointer(end) - start == hi - lo else { return nil }
  return value.isNaN ? nil : value
}

private let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

#if arch(x86_64)
  private let widePowersOfTen: [Float80] = (0...27).map { k in (0..<k).reduce(Float80(1)) { r, _ in r * 10 } }
#endif

/// `[-]digits[.digits]` as the same Double strtod gives, without strtod: up to 15 significant
/// digits it is one correctly rounded division of two exact doubles (Clinger's fast path); up to
/// 19 (what Python's repr writes) a division in 64-bit Float80, whose rounding to Double is the
/// correct one unless the quotient sits within an ulp of a halfway point. nil for anything else.
@inline(__always)
private func plainDecimal(_ row: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Double? {
  var i = lo
  let negative = row[i] == 45
  if negative || row[i] == 43 { i += 1 }
  var mantissa: UInt64 = 0, digits = 0, significant = 0, fraction = 0, dot = false
  while i < hi {
    let b = row[i]
    if b == 46 {
      if dot { return nil }
      dot = true
    } else {
      let d = b &- 48
      guard d < 10 else { return nil }
      digits += 1
      if mantissa > 0 || d > 0 { significant += 1 }
      guard significant <= 19 else { return nil }
      mantissa = mantissa &* 10 &+ UInt64(d)
      if dot { fraction += 1 }
    }
    i += 1
  }
  guard digits > 0 else { return nil }
  let value: Double
  if significant <= 15 && fraction <= 22 {
    value = Double(mantissa) / powersOfTen[fraction]
  } else {
    #if arch(x86_64)
      guard fraction <= 27 else { return nil }
      let wide = Float80(mantissa) / widePowersOfTen[fraction]
      let extra = Int(wide.significandBitPattern & 0x7FF)
      guard abs(extra - 0x400) > 1 else { return nil }
      value = Double(wide)
    #else
      return nil
    #endif
  }
  return negative ? -value : value
}

/// Batch ids seen so far: rows of one batch are contiguous, so an id that returns is a mistake.
struct BatchTracker {
  enum Seen { case same, new, again([UInt8]) }
  private var last: [UInt8]?
  private var earlier: Set<[UInt8]> = []

  mutating func see(_ key: UnsafeBufferPointer<UInt8>) -> Seen {
    if let last, last.elementsEqual(key) { return .same }
    let id = Array(key)
    if earlier.contains(id) { return .again(id) }
    if let last { earlier.insert(last) }
    let wasFirst = last == nil
    last = id
    return wasFirst ? .same : .new
  }
}
