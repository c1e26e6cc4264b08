// Reading NumPy .npy arrays: the header checked against the file's size, then the data in chunks.
//
// The header is NpyHeader's; this knows the dtypes predictions and labels come in.

import LossText

#if canImport(Glibc)
  import Glibc
#endif

package struct NpyArray: Sendable {
  package enum DType: String, Sendable {
    case f4 = "<f4", f8 = "<f8", u1 = "|u1", b1 = "|b1", i4 = "<i4", i8 = "<i8"
    package var size: Int {
      switch self {
      case .u1, .b1: return 1
      case .f4, .i4: return 4
      case .f8, .i8: return 8
      }
    }
  }

  package let file: InputFile
  package let dtype: DType
  package let count: Int
  /// Byte offset of the first value.
  package let offset: Int
  package var path: String { file.path }

  /// Reads and checks the header with the one .npy header reader; the data is read later, in chunks.
  package init(path: String) throws(FileError) {
    file = try InputFile(path: path)
    let header = try NpyHeader(file: file)
    let descr = header.descr
    let normalized = descr == "<u1" || descr == "u1" ? "|u1" : descr == "<b1" || descr == "?" ? "|b1" : descr
    guard let dtype = DType(rawValue: normalized) else {
      let why = descr.hasPrefix(">") ? " (big-endian)" : ""
      throw FileError(file: path, reason: "dtype '\(descr.escapedForTerminal(limit: 60))'\(why) is not supported: use float32/float64 predictions and bool/uint8/int32/int64/float labels, little-endian")
    }
    guard header.shape.count == 1 || (header.shape.count == 2 && header.shape[1] == 1) else {
      throw FileError(file: path, reason: "shape \(header.shapeText) is not one-dimensional (N,) or (N, 1)")
    }
    count = header.shape[0]
    self.dtype = dtype
    offset = header.dataOffset
    _ = try header.dataBytes(elementSize: dtype.size)
  }
}

/// A value type of .npy data, read little-endian from raw bytes and widened to Double.
package protocol NpyScalar {
  static var size: Int { get }
  static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double
}

extension Float: NpyScalar {
  package static var size: Int { 4 }
  @inline(__always) package static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double {
    Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))))
  }
}

extension Double: NpyScalar {
  package static var size: Int { 8 }
  @inline(__always) package static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double {
    Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
  }
}

extension UInt8: NpyScalar {
  package static var size: Int { 1 }
  @inline(__always) package static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double { Double(raw.load(fromByteOffset: i, as: UInt8.self)) }
}

extension Int32: NpyScalar {
  package static var size: Int { 4 }
  @inline(__always) package static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double {
    Double(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
  }
}

extension Int64: NpyScalar {
  package static var size: Int { 8 }
  @inline(__always) package static func value(_ raw: UnsafeRawPointer, _ i: Int) -> Double {
    Double(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)))
  }
}

extension NpyArray.DType {
  package var scalar: any NpyScalar.Type {
    switch self {
    case .f4: return Float.self
    case .f8: return Double.self
    case .u1, .b1: return UInt8.self
    case .i4: return Int32.self
    case .i8: return Int64.self
    }
  }
}
