// Reading NumPy .npy arrays: the header checked against the file's size, then the data in chunks.
//
// Format: "\x93NUMPY", version, header length (2 bytes in v1, 4 in v2/v3), a Python dict literal
// {'descr': '<f4', 'fortran_order': False, 'shape': (N,)}, then N little-endian values and nothing
// after them. Every size is checked before it is trusted: a header may claim any shape.

#if canImport(Glibc)
  import Glibc
#endif

struct NpyArray: Sendable {
  enum DType: String, Sendable {
    case f4 = "<f4", f8 = "<f8", u1 = "|u1", b1 = "|b1", i4 = "<i4", i8 = "<i8"
    var size: Int {
      switch self {
      case .u1, .b1: return 1
      case .f4, .i4: return 4
      case .f8, .i8: return 8
      }
    }
  }

  /// The longest header read; numpy itself writes a few hundred bytes.
  static let headerLimit = 65536

  let file: InputFile
  let dtype: DType
  let count: Int
  /// Byte offset of the first value.
  let offset: Int
  var path: String { file.path }
  var name: String { shown(file.path, limit: 300) }

  /// Reads and checks the header; the data itself is read later, in chunks.
  init(path: String) throws(CLIError) {
    file = try InputFile(path: path)
    let name = shown(path, limit: 300)
    let head = try file.bytes(at: 0, count: 12)
    let n = head.count
    let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    guard n >= 10, Array(head[0..<6]) == magic else { throw CLIError("\(name): not a .npy file (no \\x93NUMPY at byte 0)") }
    let major = head[6]
    let headerLength: Int, start: Int
    if major == 1 {
      headerLength = Int(head[8]) | Int(head[9]) << 8
      start = 10
    } else if (major == 2 || major == 3) && n >= 12 {
      headerLength = Int(head[8]) | Int(head[9]) << 8 | Int(head[10]) << 16 | Int(head[11]) << 24
      start = 12
    } else {
      throw CLIError("\(name): .npy version \(major) is not supported (1, 2 or 3)")
    }
    guard headerLength <= Self.headerLimit else {
      throw CLIError("\(name): header of \(headerLength) bytes (announced at byte 8) is longer than the \(Self.headerLimit) bytes read")
    }
    guard start + headerLength <= file.size else { throw CLIError("\(name): truncated header (\(headerLength) bytes announced at byte 8)") }
    let bytes = try file.bytes(at: start, count: headerLength)
    let header = String(decoding: bytes, as: UTF8.self)
    guard let descr = Self.value(of: "descr", in: header).map({ $0.filter { $0 != "'" && $0 != "\"" } }) else {
      throw CLIError("\(name): header has no descr: \(shown(header))")
    }
    let normalized = descr == "<u1" || descr == "u1" ? "|u1" : descr == "<b1" || descr == "?" ? "|b1" : descr
    guard let dtype = DType(rawValue: normalized) else {
      let why = descr.hasPrefix(">") ? " (big-endian)" : ""
      throw CLIError("\(name): dtype '\(shown(descr))'\(why) is not supported: use float32/float64 predictions and bool/uint8/int32/int64/float labels, little-endian")
    }
    guard let shapeText = Self.value(of: "shape", in: header) else { throw CLIError("\(name): header has no shape") }
    count = try Self.length(shapeText, name)
    self.dtype = dtype
    offset = start + headerLength
    let (bytesNeeded, overflow) = count.multipliedReportingOverflow(by: dtype.size)
    guard !overflow, bytesNeeded <= file.size - offset else {
      let need = overflow ? "more bytes than a file can hold" : "\(bytesNeeded) bytes of data"
      throw CLIError("\(name): truncated or corrupt: shape \(shown(shapeText)) of \(dtype.rawValue) needs \(need), "
        + "the file has \(file.size - offset) after its header (data ends at byte offset \(file.size))")
    }
    guard offset + bytesNeeded == file.size else {
      throw CLIError("\(name): \(file.size - offset - bytesNeeded) bytes after the data, which ends at byte offset \(offset + bytesNeeded) "
        + "(shape \(shown(shapeText)) of \(dtype.rawValue))")
    }
  }

  /// N of a shape `(N,)` or `(N, 1)`: plain decimal integers only, as numpy writes them.
  static func length(_ shape: String, _ name: String) throws(CLIError) -> Int {
    let refused = CLIError("\(name): shape \(shown(shape)) is not one-dimensional (N,) or (N, 1) with whole numbers")
    guard shape.first == "(", shape.last == ")" else { throw refused }
    var parts = shape.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.filter { $0 != " " } }
    if parts.count > 1 && parts.last == "" { parts.removeLast() }
    guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }) else { throw refused }
    guard parts.count == 1 || (parts.count == 2 && parts[1] == "1") else { throw refused }
    guard let n = Int(parts[0]) else { throw CLIError("\(name): shape \(shown(shape)) is larger than any file can hold") }
    return n
  }

  /// The text after `'key':` up to the next top-level comma or closing brace.
  static func value(of key: String, in header: String) -> String? {
    let chars = Array(header)
    let pattern = Array("'\(key)':")
    guard chars.count >= pattern.count,
          let at = (0...(chars.count - pattern.count)).first(where: { chars[$0..<($0 + pattern.count)].elementsEqual(pattern) })
    else { return nil }
    var depth = 0
    var result = ""
    for c in chars[(at + pattern.count)...] {
      if c == "(" { depth += 1 }
      if c == ")" { depth -= 1 }
      if (c == "," && depth == 0) || c == "}" { break }
      result.append(c)
    }
    return String(result.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

/// A value type of .npy data, read little-endian from raw bytes and widened to Double.
protocol NpyScalar {
  static var size: Int { get }
  static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double
}

extension Float: NpyScalar {
  static var size: Int { 4 }
  @inline(__always) static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double {
    Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))))
  }
}

extension Double: NpyScalar {
  static var size: Int { 8 }
  @inline(__always) static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double {
    Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
  }
}

extension UInt8: NpyScalar {
  static var size: Int { 1 }
  @inline(__always) static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double { Double(raw.load(fromByteOffset: i, as: UInt8.self)) }
}

extension Int32: NpyScalar {
  static var size: Int { 4 }
  @inline(__always) static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double {
    Double(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
  }
}

extension Int64: NpyScalar {
  static var size: Int { 8 }
  @inline(__always) static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double {
    Double(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)))
  }
}

extension NpyArray.DType {
  var scalar: any NpyScalar.Type {
    switch self {
    case .f4: return Float.self
    case .f8: return Double.self
    case .u1, .b1: return UInt8.self
    case .i4: return Int32.self
    case .i8: return Int64.self
    }
  }
}
