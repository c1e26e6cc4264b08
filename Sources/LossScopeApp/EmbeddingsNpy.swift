// An (N, D) embedding matrix and its (N,) labels from .npy files, every value checked with its byte offset.

#if canImport(Glibc)
  import Glibc
#endif

enum EmbeddingsNpy {
  /// float32 or float64, little-endian, C order, shape (N, D); values as Double, row-major.
  static func matrix(_ path: String) throws(CLIError) -> (values: [Double], n: Int, dim: Int) {
    let header = try NpyHeader(path: path)
    let size: Int
    switch header.descr {
    case "<f4", "=f4": size = 4
    case "<f8", "=f8": size = 8
    case let d where d.hasPrefix(">"):
      throw CLIError("\(path): dtype '\(escaped(d))' is big-endian: save the embeddings as little-endian float32 or float64")
    default: throw CLIError("\(path): dtype '\(escaped(header.descr))' is not supported: embeddings must be float32 or float64")
    }
    guard !header.fortranOrder else {
      throw CLIError("\(path): fortran_order is True: save a C-ordered array (numpy.ascontiguousarray)")
    }
    guard header.shape.count == 2 else { throw CLIError("\(path): shape \(header.shapeText) is not two-dimensional (N, D)") }
    let (n, dim) = (header.shape[0], header.shape[1])
    guard dim >= 1 else { throw CLIError("\(path): shape \(header.shapeText) has no columns") }
    _ = try header.dataBytes(elementSize: size)
    var values = [Double](repeating: 0, count: n * dim)
    try read(header, size: size, count: n * dim) { bytes, first, count throws(CLIError) in
      for k in 0..<count {
        let x = size == 4
          ? Double(Float(bitPattern: bytes.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self).littleEndian))
          : Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self).littleEndian)
        guard x.isFinite else {
          let e = first + k
          throw CLIError("\(path): row \(e / dim), column \(e % dim) (byte offset \(header.dataOffset + e * size)) is \(x), not a finite number")
        }
        values[first + k] = x
      }
    }
    return (values, n, dim)
  }

  /// Integer or bool labels, shape (N,) or (N, 1), as Int64.
  static func labels(_ path: String, count n: Int, embeddings: String) throws(CLIError) -> [Int64] {
    let header = try NpyHeader(path: path)
    let d = header.descr
    let kinds: [String: (size: Int, signed: Bool)] = [
      "b1": (1, false), "?": (1, false), "u1": (1, false), "i1": (1, true), "u2": (2, false), "i2": (2, true),
      "u4": (4, false), "i4": (4, true), "u8": (8, false), "i8": (8, true),
    ]
    let body = d.first.map { "<|=".contains($0) } == true ? String(d.dropFirst()) : d
    guard let kind = kinds[body], d.first != ">" || kind.size == 1 else {
      let why = d.hasPrefix(">") ? " (big-endian)" : d.contains("f") ? " (floating point)" : ""
      throw CLIError("\(path): dtype '\(escaped(d))'\(why) is not supported: labels must be integers or bool, little-endian")
    }
    guard !header.fortranOrder || header.shape.count == 1 else { throw CLIError("\(path): fortran_order is True: save a C-ordered array") }
    guard header.shape.count == 1 || (header.shape.count == 2 && header.shape[1] == 1) else {
      throw CLIError("\(path): shape \(header.shapeText) is not one-dimensional (N,)")
    }
    guard header.shape[0] == n else {
      throw CLIError("\(path) has \(header.shape[0]) labels but \(embeddings) has \(n) rows")
    }
    _ = try header.dataBytes(elementSize: kind.size)
    var labels = [Int64](repeating: 0, count: n)
    try read(header, size: kind.size, count: n) { bytes, first, count throws(CLIError) in
      for k in 0..<count {
        let value: Int64
        switch (kind.size, kind.signed) {
        case (1, false): value = Int64(bytes[k])
        case (1, true): value = Int64(Int8(bitPattern: bytes[k]))
        case (2, false): value = Int64(bytes.loadUnaligned(fromByteOffset: 2 * k, as: UInt16.self).littleEndian)
        case (2, true): value = Int64(bytes.loadUnaligned(fromByteOffset: 2 * k, as: Int16.self).littleEndian)
        case (4, false): value = Int64(bytes.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self).littleEndian)
        case (4, true): value = Int64(bytes.loadUnaligned(fromByteOffset: 4 * k, as: Int32.self).littleEndian)
        case (8, false):
          let raw = bytes.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self).littleEndian
          guard raw <= UInt64(Int64.max) else {
            throw CLIError("\(path): element \(first + k) (byte offset \(header.dataOffset + (first + k) * 8)): label \(raw) is beyond int64")
          }
          value = Int64(raw)
        default: value = bytes.loadUnaligned(fromByteOffset: 8 * k, as: Int64.self).littleEndian
        }
        if body == "b1" || body == "?", value > 1 {
          throw CLIError("\(path): element \(first + k) (byte offset \(header.dataOffset + first + k)): bool byte \(value) is not 0 or 1")
        }
        labels[first + k] = value
      }
    }
    return labels
  }

  /// Calls `body` with successive chunks of raw data: (bytes, index of the first value, values in the chunk).
  private static func read(_ header: NpyHeader, size: Int, count: Int,
                           _ body: (UnsafeRawBufferPointer, Int, Int) throws(CLIError) -> Void) throws(CLIError) {
    guard let file = fopen(header.path, "rb") else { throw CLIError("cannot read \(header.path): \(errorText(errno))") }
    defer { fclose(file) }
    fseek(file, header.dataOffset, SEEK_SET)
    let per = (1 << 20) / size
    var raw = [UInt8](repeating: 0, count: per * size)
    var first = 0
    while first < count {
      let want = min(per, count - first)
      let got = fread(&raw, size, want, file)
      guard got == want else {
        throw CLIError("\(header.path): truncated at byte offset \(header.dataOffset + (first + got) * size)")
      }
      // withUnsafeBytes rethrows untyped errors: carry the typed one out by hand.
      var failure: CLIError?
      raw.withUnsafeBytes { bytes in
        do throws(CLIError) { try body(bytes, first, want) } catch { failure = error }
      }
      if let failure { throw failure }
      first += want
    }
  }

  /// `text` with control characters and backslashes escaped, for one-line messages.
  static func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 32 || scalar.value == 127 || (scalar.value >= 0x80 && scalar.value < 0xA0) {
          out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
