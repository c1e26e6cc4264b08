// The one .npy header reader, as strict as numpy: magic, version, the dict literal, dtype, order, shape.
//
// Format: "\x93NUMPY", major and minor version bytes, the header length (2 bytes little-endian in
// version 1, 4 in versions 2 and 3), then a Python dict literal such as
// {'descr': '<f4', 'fortran_order': False, 'shape': (3000, 8), } padded with spaces and ended by
// a newline; the data follows. Every refusal names the file and a byte offset. What numpy's
// `read_array_header` refuses is refused here too: other keys, a non-bool fortran_order, an
// unquoted descr, a shape that is not a tuple of whole numbers, bytes outside printable ASCII,
// a header longer than numpy's 10,000-byte limit.

import LossText

package struct NpyHeader: Sendable {
  package let path: String
  /// The descr string as written ('<f4', '|u1', ...).
  package let descr: String
  package let fortranOrder: Bool
  package let shape: [Int]
  /// Byte offset of the first data byte.
  package let dataOffset: Int
  /// Size of the whole file.
  package let fileSize: Int

  /// numpy's own `max_header_size` (10,000 bytes): numpy refuses a longer header as unsafe.
  package static let maxLength = 10_000

  /// Reads and checks the header of `file`; the data is read later, by whoever knows its dtype.
  package init(file: InputFile) throws(FileError) {
    let path = file.path
    self.path = path
    fileSize = file.size
    let head = try file.bytes(at: 0, count: 12)
    let got = head.count
    let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    guard got >= 6, Array(head[0..<6]) == magic else {
      throw FileError(file: path, place: .offset(0), reason: "not a .npy file (no \\x93NUMPY magic)")
    }
    guard got >= 10 else { throw FileError(file: path, place: .offset(got), reason: "truncated header") }
    let major = head[6]
    let length: Int, start: Int
    switch major {
    case 1: (length, start) = (Int(head[8]) | Int(head[9]) << 8, 10)
    case 2, 3:
      guard got >= 12 else { throw FileError(file: path, place: .offset(got), reason: "truncated header") }
      (length, start) = (Int(head[8]) | Int(head[9]) << 8 | Int(head[10]) << 16 | Int(head[11]) << 24, 12)
    default: throw FileError(file: path, place: .offset(6), reason: ".npy version \(major) is not supported (1, 2 or 3)")
    }
    guard length <= Self.maxLength else {
      throw FileError(file: path, place: .offset(8), reason: "header length \(length) is more than numpy's limit of \(Self.maxLength) bytes")
    }
    guard start + length <= fileSize else {
      throw FileError(file: path, place: .offset(8), reason: "truncated header: \(length) bytes announced, the file has \(fileSize)")
    }
    let text = try file.bytes(at: start, count: length)
    var parser = DictParser(bytes: text, base: start, path: path)
    let dict = try parser.parse()
    guard Set(dict.keys) == ["descr", "fortran_order", "shape"] else {
      let extra = dict.keys.sorted().joined(separator: ", ")
      throw parser.fail("the header's keys are \(extra); numpy writes exactly descr, fortran_order and shape", at: 0)
    }
    guard case .string(let descr)? = dict["descr"] else { throw parser.fail("'descr' is not a quoted string", at: 0) }
    guard case .bool(let fortran)? = dict["fortran_order"] else { throw parser.fail("'fortran_order' is not True or False", at: 0) }
    guard case .tuple(let shape)? = dict["shape"] else { throw parser.fail("'shape' is not a tuple of whole numbers", at: 0) }
    self.descr = descr
    fortranOrder = fortran
    self.shape = shape
    dataOffset = start + length
  }

  /// Bytes the data needs for `elementSize`-byte values, checked against the file's size: a
  /// header may claim any shape, so nothing is trusted before this.
  package func dataBytes(elementSize: Int) throws(FileError) -> Int {
    var total = elementSize
    for dim in shape {
      let (product, overflow) = total.multipliedReportingOverflow(by: dim)
      guard !overflow, product <= 1 << 40 else {
        throw FileError(file: path, reason: "shape \(shapeText) is absurd (more than a terabyte of data)")
      }
      total = product
    }
    let end = dataOffset + total
    if end > fileSize {
      throw FileError(file: path, place: .offset(dataOffset),
                      reason: "truncated: shape \(shapeText) of \(descr.escapedForTerminal(limit: 20)) needs \(total) bytes, the file ends at byte offset \(fileSize)")
    }
    if end < fileSize { throw FileError(file: path, place: .offset(end), reason: "\(fileSize - end) trailing bytes after the data") }
    return total
  }

  package var shapeText: String { shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")" }
}

/// A parser for the header's dict literal: string keys; string, True/False or int-tuple values.
private struct DictParser {
  package enum Value { case string(String), bool(Bool), tuple([Int]) }
  package let bytes: [UInt8]
  package let base: Int
  package let path: String
  package var i = 0

  package init(bytes: [UInt8], base: Int, path: String) {
    self.bytes = bytes
    self.base = base
    self.path = path
  }

  package func fail(_ why: String, at position: Int) -> FileError {
    FileError(file: path, place: .offset(base + position), reason: "bad header: \(why)")
  }

  package mutating func skipSpace() { while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 9 { i += 1 } }

  package mutating func expect(_ c: UInt8) throws(FileError) {
    skipSpace()
    guard i < bytes.count, bytes[i] == c else { throw fail("expected '\(Character(Unicode.Scalar(c)))'", at: i) }
    i += 1
  }

  package mutating func parse() throws(FileError) -> [String: Value] {
    try expect(UInt8(ascii: "{"))
    var dict: [String: Value] = [:]
    while true {
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; break }
      let key = try string()
      try expect(UInt8(ascii: ":"))
      skipSpace()
      dict[key] = try value()
      skipSpace()
      guard i < bytes.count else { throw fail("the dict is not closed", at: i) }
      if bytes[i] == UInt8(ascii: ",") { i += 1 } else if bytes[i] != UInt8(ascii: "}") { throw fail("expected ',' or '}'", at: i) }
    }
    skipSpace()
    guard i == bytes.count else { throw fail("unexpected text after the dict", at: i) }
    return dict
  }

  package mutating func string() throws(FileError) -> String {
    skipSpace()
    guard i < bytes.count, bytes[i] == 39 || bytes[i] == 34 else { throw fail("expected a quoted key or string", at: i) }
    let quote = bytes[i], start = i + 1
    i += 1
    while i < bytes.count, bytes[i] != quote {
      guard bytes[i] >= 32 && bytes[i] < 127 else { throw fail("unexpected byte \(bytes[i]) in a string", at: i) }
      i += 1
    }
    guard i < bytes.count else { throw fail("unterminated string", at: start - 1) }
    i += 1
    return String(decoding: bytes[start..<(i - 1)], as: UTF8.self)
  }

  package mutating func value() throws(FileError) -> Value {
    guard i < bytes.count else { throw fail("missing value", at: i) }
    if bytes[i] == 39 || bytes[i] == 34 { return .string(try string()) }
    for (word, value) in [("True", true), ("False", false)] where bytes[i...].starts(with: word.utf8) {
      i += word.utf8.count
      return .bool(value)
    }
    guard bytes[i] == UInt8(ascii: "(") else { throw fail("expected a string, True, False or a tuple", at: i) }
    i += 1
    var dims: [Int] = []
    while true {
      skipSpace()
      guard i < bytes.count else { throw fail("the shape tuple is not closed", at: i) }
      if bytes[i] == UInt8(ascii: ")") { i += 1; return .tuple(dims) }
      let start = i
      var dim = 0
      while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 {
        let (next, overflow) = dim.multipliedReportingOverflow(by: 10)
        guard !overflow, next <= Int(Int32.max) * 1024 else { throw fail("absurd dimension in the shape", at: start) }
        dim = next + Int(bytes[i] - 48)
        i += 1
      }
      guard i > start else { throw fail("expected a dimension (a whole number)", at: i) }
      if i < bytes.count, bytes[i] == UInt8(ascii: "L") { i += 1 }  // Python 2 longs
      dims.append(dim)
      skipSpace()
      guard i < bytes.count else { throw fail("the shape tuple is not closed", at: i) }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] != UInt8(ascii: ")") {
        throw fail("expected ',' or ')' in the shape", at: i)
      } else if dims.count == 1 && !(i > 0 && bytes[i - 1] == UInt8(ascii: ",")) {
        // (5) is an int in Python, not a tuple: numpy writes (5,).
        throw fail("a one-dimensional shape is written (N,), with its comma", at: i)
      }
    }
  }
}
