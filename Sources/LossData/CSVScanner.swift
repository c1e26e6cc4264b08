// The one CSV scanner: lines in bounded memory with their numbers, a UTF-8 BOM and CRLF dropped,
// fields split as RFC 4180 quotes them, cells read by the one decimal grammar.
//
// Quoted fields may hold commas and doubled quotes (`"a,""b"""`); a quoted line break is refused
// with its line, since no table this reads has one and a stray quote would otherwise swallow the
// file. Readers get each line as bytes in a reused buffer: no String per row or field.

import LossText

#if canImport(Glibc)
  import Glibc
#endif

package struct CSVScanner {
  package let file: InputFile
  /// The longest line (the header included): a file without newlines is refused, not swallowed.
  package let lineLimit: Int

  package init(file: InputFile, lineLimit: Int = 1 << 20) {
    self.file = file
    self.lineLimit = lineLimit
  }

  /// Calls `body` with every line that is not blank, its CR removed, and its number (from 1).
  /// Memory is one buffer of `lineLimit` bytes whatever the file's size.
  package func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws(FileError) -> Void) throws(FileError) {
    let capacity = lineLimit
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 1)
    defer { buffer.deallocate() }
    var filled = 0, offset = 0, line = 0
    var atEOF = false
    while !atEOF {
      let n = try file.read(at: offset, into: UnsafeMutableRawBufferPointer(start: buffer + filled, count: capacity - filled))
      atEOF = n < capacity - filled
      offset += n
      filled += n
      buffer[filled] = 0
      var start = 0
      if offset == n, filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
      while start < filled {
        let newline = memchr(buffer + start, 10, filled - start).map { $0.assumingMemoryBound(to: UInt8.self) - buffer }
        guard let end = newline ?? (atEOF ? filled : nil) else { break }
        line += 1
        var stop = end
        if stop > start && buffer[stop - 1] == 13 { stop -= 1 }
        let from = start
        start = end + 1
        if stop == from { continue }
        try body(UnsafeBufferPointer(start: buffer + from, count: stop - from), line)
      }
      let rest = max(0, filled - start)
      if rest > 0 && start > 0 { memmove(buffer, buffer + start, rest) }
      filled = rest
      if filled == capacity { throw FileError(file: file.path, place: .line(line + 1), reason: "line longer than \(capacity) bytes") }
    }
  }

  /// The fields of `row` as byte ranges (quotes included), into `fields`; false when a quote is
  /// left open, which callers refuse with the line.
  @inline(__always)
  package static func split(_ row: UnsafeBufferPointer<UInt8>, into fields: inout [Range<Int>]) -> Bool {
    fields.removeAll(keepingCapacity: true)
    var start = 0, quoted = false
    for i in 0..<row.count {
      let b = row[i]
      if b == 34 { quoted.toggle() } else if b == 44 && !quoted {
        fields.append(start..<i)
        start = i + 1
      }
    }
    fields.append(start..<row.count)
    return !quoted
  }

  /// The range without spaces around it and without one pair of enclosing quotes.
  @inline(__always)
  package static func trimmed(_ row: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound, hi = range.upperBound
    while lo < hi && row[lo] == 32 { lo += 1 }
    while hi > lo && row[hi - 1] == 32 { hi -= 1 }
    if hi - lo >= 2 && row[lo] == 34 && row[hi - 1] == 34 {
      lo += 1
      hi -= 1
      while lo < hi && row[lo] == 32 { lo += 1 }
      while hi > lo && row[hi - 1] == 32 { hi -= 1 }
    }
    return lo..<hi
  }

  /// A cell as a number by the one decimal grammar, spaces and quotes around it allowed.
  @inline(__always)
  package static func number(_ row: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                             nonFinite: DecimalText.NonFinite = .refused) -> Result<Double, DecimalText.Refusal> {
    let cell = trimmed(row, range)
    if !cell.isEmpty, let fast = DecimalText.fastValue(row, cell.lowerBound, cell.upperBound) { return .success(fast) }
    return DecimalText.parse(row, cell.lowerBound, cell.upperBound, nonFinite: nonFinite)
  }

  /// A cell as text: trimmed, its enclosing quotes removed and doubled quotes made single.
  package static func text(_ row: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    let cell = trimmed(row, range)
    var bytes = Array(row[cell])
    if range.count != cell.count, bytes.contains(34) {
      var out: [UInt8] = []
      var i = 0
      while i < bytes.count {
        out.append(bytes[i])
        i += bytes[i] == 34 && i + 1 < bytes.count && bytes[i + 1] == 34 ? 2 : 1
      }
      bytes = out
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The fields of a header row as names.
  package static func names(_ row: UnsafeBufferPointer<UInt8>) -> [String] {
    var fields: [Range<Int>] = []
    _ = split(row, into: &fields)
    return fields.map { text(row, $0) }
  }
}
