// An (N, D) embedding matrix and its (N,) labels from .npy files, every value checked with its byte offset.

import LossText

package enum EmbeddingsNpy {
  /// float32 or float64, little-endian, C order, shape (N, D); values as Double, row-major.
  package static func matrix(_ path: String) throws(FileError) -> (values: [Double], n: Int, dim: Int) {
    let file = try InputFile(path: path)
    let header = try NpyHeader(file: file)
    let size: Int
    switch header.descr {
    case "<f4", "=f4": size = 4
    case "<f8", "=f8": size = 8
    case let d where d.hasPrefix(">"):
      throw FileError(file: path, reason: "dtype '\(d.escapedForTerminal(limit: 40))' is big-endian: save the embeddings as little-endian float32 or float64")
    default: throw FileError(file: path, reason: "dtype '\(header.descr.escapedForTerminal(limit: 40))' is not supported: embeddings must be float32 or float64")
    }
    guard !header.fortranOrder else {
      throw FileError(file: path, reason: "fortran_order is True: save a C-ordered array (numpy.ascontiguousarray)")
    }
    guard header.shape.count == 2 else { throw FileError(file: path, reason: "shape \(header.shapeText) is not two-dimensional (N, D)") }
    let (n, dim) = (header.shape[0], header.shape[1])
    guard dim >= 1 else { throw FileError(file: path, reason: "shape \(header.shapeText) has no columns") }
    _ = try header.dataBytes(elementSize: size)
    var values = [Double](repeating: 0, count: n * dim)
    try read(file, header, size: size, count: n * dim) { bytes, first, count throws(FileError) in
      for k in 0..<count {
        let x = size == 4
          ? Double(Float(bitPattern: bytes.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self).littleEndian))
          : Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self).littleEndian)
        guard x.isFinite else {
          let e = first + k
          throw FileError(file: path, reason: "row \(e / dim), column \(e % dim) (byte offset \(header.dataOffset + e * size)) is \(x), not a finite number")
        }
        values[first + k] = x
      }
    }
    return (values, n, dim)
  }

  /// Integer or bool labels, shape (N,) or (N, 1), as Int64.
  package static func labels(_ path: String, count n: Int, embeddings: String) throws(FileError) -> [Int64] {
    let file = try InputFile(path: path)
    let header = try NpyHeader(file: file)
    let d = header.descr
    let kinds: [String: (size: Int, signed: Bool)] = [
      "b1": (1, false), "?": (1, false), "u1": (1, false), "i1": (1, true), "u2": (2, false), "i2": (2, true),
      "u4": (4, false), "i4": (4, true), "u8": (8, false), "i8": (8, true),
    ]
    let body = d.first.map { "<|=".contains($0) } == true ? String(d.dropFirst()) : d
    guard let kind = kinds[body], d.first != ">" || kind.size == 1 else {
      let why = d.hasPrefix(">") ? " (big-endian)" : d.contains("f") ? " (floating point)" : ""
      throw FileError(file: path, reason: "dtype '\(d.escapedForTerminal(limit: 40))'\(why) is not supported: labels must be integers or bool, little-endian")
    }
    guard !header.fortranOrder || header.shape.count == 1 else { throw FileError(file: path, reason: "fortran_order is True: save a C-ordered array") }
    guard header.shape.count == 1 || (header.shape.count == 2 && header.shape[1] == 1) else {
      throw FileError(file: path, reason: "shape \(header.shapeText) is not one-dimensional (N,)")
    }
    guard header.shape[0] == n else {
      throw FileError(file: path, reason: "has \(header.shape[0]) labels but \(embeddings.escapedForTerminal(limit: 300)) has \(n) rows")
    }
    _ = try header.dataBytes(elementSize: kind.size)
    var labels = [Int64](repeating: 0, count: n)
    try read(file, header, size: kind.size, count: n) { bytes, first, count throws(FileError) in
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
            throw FileError(file: path, reason: "element \(first + k) (byte offset \(header.dataOffset + (first + k) * 8)): label \(raw) is beyond int64")
          }
          value = Int64(raw)
        default: value = bytes.loadUnaligned(fromByteOffset: 8 * k, as: Int64.self).littleEndian
        }
        if body == "b1" || body == "?", value > 1 {
          throw FileError(file: path, reason: "element \(first + k) (byte offset \(header.dataOffset + first + k)): bool byte \(value) is not 0 or 1")
        }
        labels[first + k] = value
      }
    }
    return labels
  }

  /// Calls `body` with successive chunks of raw data: (bytes, index of the first value, values in the chunk).
  private static func read(_ file: InputFile, _ header: NpyHeader, size: Int, count: Int,
                           _ body: (UnsafeRawBufferPointer, Int, Int) throws(FileError) -> Void) throws(FileError) {
    let per = (1 << 20) / size
    let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: per * size, alignment: 8)
    defer { raw.deallocate() }
    var first = 0
    while first < count {
      let want = min(per, count - first)
      let got = try file.read(at: header.dataOffset + first * size, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<(want * size)]))
      guard got == want * size else {
        throw FileError(file: header.path, place: .offset(header.dataOffset + first * size + got), reason: "truncated (the file shrank while it was read)")
      }
      try body(UnsafeRawBufferPointer(raw), first, want)
      first += want
    }
  }
}
