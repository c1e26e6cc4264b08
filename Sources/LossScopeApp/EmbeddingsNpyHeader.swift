// The header of a .npy file parsed strictly: magic, version, the dict literal, dtype, order, shape.
//
// Format: "\x93NUMPY", major and minor version bytes, the header length (2 bytes little-endian in
// version 1, 4 in versions 2 and 3), then a Python dict literal such as
// {'descr': '<f4', 'fortran_order': False, 'shape': (3000, 8), } padded with spaces and ended by
// a newline; the data follows. Every refusal names the file and a byte offset.

#if canImport(Glibc)
  import Glibc
#endif

struct NpyHeader {
  let path: String
  /// The descr string as written ('<f4', '|u1', ...).
  let descr: String
  let fortranOrder: Bool
  let shape: [Int]
  /// Byte offset of the first data byte.
  let dataOffset: Int
  /// Size of the whole file.
  let fileSize: Int

  init(path: String) throws(CLIError) {
    self.path = path
    guard let file = fopen(path, "rb") else { throw CLIError("cannot read \(path): \(errorText(errno))") }
    defer { fclose(file) }
    var info = stat()
    guard fstat(fileno(file), &info) == 0 else { throw CLIError("cannot read \(path): \(errorText(errno))") }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw CLIError("\(path): not a regular file") }
    fileSize = Int(info.st_size)
    var head = [UInt8](repeating: 0, count: 12)
    let got = fread(&head, 1, 12, file)
    let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    guard got >= 6, Array(head[0..<6]) == magic else { throw CLIError("\(path): not a .npy file (no \\x93NUMPY magic at byte offset 0)") }
    guard got >= 10 else { throw CLIError("\(path): truncated header at byte offset \(got)") }
    let major = head[6]
    let length: Int, start: Int
    switch major {
    case 1: (length, start) = (Int(head[8]) | Int(head[9]) << 8, 10)
    case 2, 3:
      guard got >= 12 else { throw CLIError("\(path): truncated header at byte offset \(got)") }
      (length, start) = (Int(head[8]) | Int(head[9]) << 8 | Int(head[10]) << 16 | Int(head[11]) << 24, 12)
    default: throw CLIError("\(path): .npy version \(major) at byte offset 6 is not supported (1, 2 or 3)")
    }
    guard length <= 1 << 20 else { throw CLIError("\(path): header length \(length) at byte offset 8 is absurd (at most 1 MiB)") }
    guard start + length <= fileSize else {
      throw CLIError("\(path): truncated header: \(length) bytes announced at byte offset 8, the file has \(fileSize)")
    }
    var text = [UInt8](repeating: 0, count: length)
    fseek(file, start, SEEK_SET)
    guard fread(&text, 1, length, file) == length else { throw CLIError("\(path): cannot read the header: \(errorText(errno))") }
    var parser = DictParser(bytes: text, base: start, path: path)
    let dict = try parser.parse()
    guard case .string(let descr)? = dict["descr"] else { throw parser.fail("the header has no 'descr' string", at: 0) }
    guard case .bool(let fortran)? = dict["fortran_order"] else { throw parser.fail("the header has no 'fortran_order' True/False", at: 0) }
    guard case .tuple(let shape)? = dict["shape"] else { throw parser.fail("the header has no 'shape' tuple", at: 0) }
    self.descr = descr
    fortranOrder = fortran
    self.shape = shape
    dataOffset = start + length
  }

  /// Bytes the data needs for `elementSize`-byte values, or a refusal for a shape too big to be real.
  func dataBytes(elementSize: Int) throws(CLIError) -> Int {
    var total = elementSize
    for dim in shape {
      let (product, overflow) = total.multipliedReportingOverflow(by: dim)
      guard !overflow, product <= 1 << 40 else {
        throw CLIError("\(path): shape \(shapeText) is absurd (more than a terabyte of data)")
      }
      total = product
    }
    let end = dataOffset + total
    if end > fileSize {
      throw CLIError("\(path): truncated: shape \(shapeText) of \(descr) needs \(total) bytes from byte offset \(dataOffset), the file ends at byte offset \(fileSize)")
    }
    if end < fileSize { throw CLIError("\(path): \(fileSize - end) trailing bytes after the data, from byte offset \(end)") }
    return total
  }

  var shapeText: String { shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")" }
}

/// A parser for the header's dict literal: string keys; string, True/False or int-tuple values.
private struct DictParser {
  enum Value { case string(String), bool(Bool), tuple([Int]) }
  let bytes: [UInt8]
  let base: Int
  let path: String
  var i = 0

  init(bytes: [UInt8], base: Int, path: String) {
    self.bytes = bytes
    self.base = base
    self.path = path
  }

  func fail(_ why: String, at position: Int) -> CLIError {
    CLIError("\(path): bad header at byte offset \(base + position): \(why)")
  }

  mutating func skipSpace() { while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 9 { i += 1 } }

  mutating func expect(_ c: UInt8) throws(CLIError) {
    skipSpace()
    guard i < bytes.count, bytes[i] == c else { throw fail("expected '\(Character(Unicode.Scalar(c)))'", at: i) }
    i += 1
  }

  mutating func parse() throws(CLIError) -> [String: Value] {
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

  mutating func string() throws(CLIError) -> String {
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

  mutating func value() throws(CLIError) -> Value {
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
      if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1 }
    }
  }
}
