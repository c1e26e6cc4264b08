// Reading NumPy .npy arrays in chunks: predictions (float32/64) and labels (bool, uint8, int32/64, float).
//
// Format: "\x93NUMPY", version, header length (2 bytes in v1, 4 in v2/v3), a Python dict literal
// {'descr': '<f4', 'fortran_order': False, 'shape': (N,)}, then N little-endian values.

import Losses

#if canImport(Glibc)
  import Glibc
#endif

struct NpyArray {
  enum DType: String {
    case f4 = "<f4", f8 = "<f8", u1 = "|u1", b1 = "|b1", i4 = "<i4", i8 = "<i8"
    var size: Int {
      switch self {
      case .u1, .b1: return 1
      case .f4, .i4: return 4
      case .f8, .i8: return 8
      }
    }
  }

  let path: String
  let dtype: DType
  let count: Int
  let offset: Int

  /// Reads and checks the header; the data itself is read later, in chunks.
  init(path: String) throws(CLIError) {
    self.path = path
    guard let file = fopen(path, "rb") else { throw CLIError("cannot read \(path): \(errorText(errno))") }
    defer { fclose(file) }
    var head = [UInt8](repeating: 0, count: 65536 + 12)
    let n = fread(&head, 1, head.count, file)
    let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    guard n >= 10, Array(head[0..<6]) == magic else { throw CLIError("\(path): not a .npy file (no \\x93NUMPY at byte 0)") }
    let major = head[6]
    let headerLength: Int, start: Int
    if major == 1 {
      headerLength = Int(head[8]) | Int(head[9]) << 8
      start = 10
    } else if major == 2 || major == 3 {
      headerLength = Int(head[8]) | Int(head[9]) << 8 | Int(head[10]) << 16 | Int(head[11]) << 24
      start = 12
    } else {
      throw CLIError("\(path): .npy version \(major) is not supported (1, 2 or 3)")
    }
    guard start + headerLength <= n else { throw CLIError("\(path): truncated header (\(headerLength) bytes announced at byte 8)") }
    let header = String(decoding: head[start..<(start + headerLength)], as: UTF8.self)
    guard let descr = Self.value(of: "descr", in: header)?.trimmingCharacters(in: "'") else {
      throw CLIError("\(path): header has no descr: \(header)")
    }
    let normalized = descr == "<u1" || descr == "u1" ? "|u1" : descr == "<b1" || descr == "?" ? "|b1" : descr
    guard let dtype = DType(rawValue: normalized) else {
      let why = descr.hasPrefix(">") ? " (big-endian)" : ""
      throw CLIError("\(path): dtype '\(descr)'\(why) is not supported: use float32/float64 predictions and bool/uint8/int32/int64/float labels, little-endian")
    }
    guard let shapeText = Self.value(of: "shape", in: header) else { throw CLIError("\(path): header has no shape") }
    let dims = shapeText.filter { "0123456789,".contains($0) }.split(separator: ",").compactMap { Int($0) }
    guard !dims.isEmpty, dims.count == 1 || (dims.count == 2 && dims[1] == 1) else {
      throw CLIError("\(path): shape \(shapeText) is not one-dimensional (N,) or (N, 1)")
    }
    self.dtype = dtype
    count = dims[0]
    offset = start + headerLength
    var info = stat()
    guard stat(path, &info) == 0 else { throw CLIError("cannot read \(path): \(errorText(errno))") }
    let needed = offset + count * dtype.size
    guard Int(info.st_size) >= needed else {
      throw CLIError("\(path): truncated: \(count) values need \(needed) bytes, the file has \(info.st_size) (data ends at byte offset \(info.st_size))")
    }
  }

  /// The text after `'key':` up to the next top-level comma or closing brace.
  static func value(of key: String, in header: String) -> String? {
    guard let range = header.range(of: "'\(key)':") else { return nil }
    var depth = 0
    var result = ""
    for c in header[range.upperBound...] {
      if c == "(" { depth += 1 }
      if c == ")" { depth -= 1 }
      if (c == "," && depth == 0) || c == "}" { break }
      result.append(c)
    }
    return result.trimmingCharacters(in: " ")
  }

  /// Opens the data for sequential reading.
  func stream() throws(CLIError) -> NpyStream { try NpyStream(self) }
}

/// Sequential reads of an .npy array's values as Double, a chunk at a time.
final class NpyStream {
  let array: NpyArray
  private let file: UnsafeMutablePointer<FILE>
  private var raw: [UInt8] = []
  private(set) var position = 0

  init(_ array: NpyArray) throws(CLIError) {
    self.array = array
    guard let file = fopen(array.path, "rb") else { throw CLIError("cannot read \(array.path): \(errorText(errno))") }
    self.file = file
    fseek(file, array.offset, SEEK_SET)
  }

  deinit { fclose(file) }

  /// The next `n` values (fewer at the end) into `values`; returns how many.
  func read(_ n: Int, into values: inout [Double]) throws(CLIError) -> Int {
    let size = array.dtype.size
    let wanted = min(n, array.count - position)
    guard wanted > 0 else { return 0 }
    if raw.count < wanted * size { raw = [UInt8](repeating: 0, count: wanted * size) }
    if values.count < wanted { values = [Double](repeating: 0, count: wanted) }
    let got = fread(&raw, size, wanted, file)
    guard got == wanted else {
      throw CLIError("\(array.path): truncated at byte offset \(array.offset + (position + got) * size)")
    }
    let dtype = array.dtype
    // One loop per dtype: the switch stays outside the hundred-million-element loop.
    raw.withUnsafeBytes { bytes in
      values.withUnsafeMutableBufferPointer { out in
        switch dtype {
        case .f4: for i in 0..<wanted { out[i] = Double(Float(bitPattern: bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
        case .f8: for i in 0..<wanted { out[i] = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) }
        case .u1, .b1: for i in 0..<wanted { out[i] = Double(bytes[i]) }
        case .i4: for i in 0..<wanted { out[i] = Double(bytes.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)) }
        case .i8: for i in 0..<wanted { out[i] = Double(bytes.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)) }
        }
      }
    }
    position += wanted
    return wanted
  }
}

/// Predictions and labels from two .npy files, read in step; bad values named by index and offset.
struct NpyPredictions {
  let predictions: NpyArray
  let labels: NpyArray
  let logits: Bool
  let skipInvalid: Bool
  private(set) var skipped = 0

  init(predictions: String, labels: String, logits: Bool, skipInvalid: Bool) throws(CLIError) {
    self.predictions = try NpyArray(path: predictions)
    self.labels = try NpyArray(path: labels)
    guard self.predictions.count == self.labels.count else {
      throw CLIError("\(predictions) has \(self.predictions.count) values but \(labels) has \(self.labels.count)")
    }
    guard self.predictions.dtype == .f4 || self.predictions.dtype == .f8 else {
      throw CLIError("\(predictions): predictions must be float32 or float64, not \(self.predictions.dtype.rawValue)")
    }
    self.logits = logits
    self.skipInvalid = skipInvalid
  }

  /// Calls `chunk` with the gradient norms of successive runs of valid samples, in file order.
  mutating func read(chunk: (UnsafeBufferPointer<Double>) -> Void) throws(CLIError) {
    let p = try predictions.stream(), y = try labels.stream()
    var ps: [Double] = [], ys: [Double] = []
    var gs = [Double](repeating: 0, count: 1 << 20)
    let size = 1 << 20
    while true {
      let first = p.position
      let n = try p.read(size, into: &ps)
      guard n > 0 else { break }
      _ = try y.read(size, into: &ys)
      // The common case, every value valid, runs over raw buffers; the first bad value (if any)
      // is then found again, in order, by the checked loop below.
      let firstBad = ps.withUnsafeBufferPointer { p in
        ys.withUnsafeBufferPointer { y in
          gs.withUnsafeMutableBufferPointer { out -> Int? in
            for i in 0..<n {
              let x = p[i], label = y[i]
              guard label == 0 || label == 1 else { return i }
              if logits {
                guard x.isFinite else { return i }
                out[i] = label == 1 ? sigmoid(-x) : sigmoid(x)
              } else {
                guard x >= 0 && x <= 1 else { return i }
                out[i] = abs(x - label)
              }
            }
            return nil
          }
        }
      }
      var k = n
      if let bad = firstBad {
        k = bad
        for i in bad..<n {
          let x = ps[i], label = ys[i]
          guard label == 0 || label == 1 else {
            try reject("\(labels.path): element \(first + i) (byte offset \(labels.offset + (first + i) * labels.dtype.size)): label \(label) is not 0 or 1")
            continue
          }
          if logits {
            guard x.isFinite else { try reject(where_(first + i) + "logit is not finite"); continue }
            gs[k] = label == 1 ? sigmoid(-x) : sigmoid(x)
          } else {
            guard x >= 0 && x <= 1 else { try reject(where_(first + i) + "probability \(x) is outside [0, 1]"); continue }
            gs[k] = abs(x - label)
          }
          k += 1
        }
      }
      gs.withUnsafeBufferPointer { chunk(UnsafeBufferPointer(rebasing: $0[0..<k])) }
    }
  }

  private func where_(_ i: Int) -> String {
    "\(predictions.path): element \(i) (byte offset \(predictions.offset + i * predictions.dtype.size)): "
  }

  private mutating func reject(_ message: String) throws(CLIError) {
    guard skipInvalid else { throw CLIError(message + " (--skip-invalid skips such values)") }
    skipped += 1
  }
}
