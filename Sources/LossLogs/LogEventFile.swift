// TensorBoard event files: TFRecord framing with both CRCs checked, and scalar summaries out of each Event.
//
// A record is: uint64 length (little-endian), masked CRC-32C of those 8 bytes, the data (one
// serialized `Event`), masked CRC-32C of the data. Records arrive incrementally while a run is
// written, so `next` says "need more" for a record that is not complete yet.

import LossData
import LossText

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import SwiftProtobuf

package enum LogEventFile {
  /// Longest record accepted: a scalar event is ~50 bytes; graphs can be megabytes.
  package static let maxRecord = 256 << 20

  package enum Step {
    /// A complete record's data, and the bytes it took.
    case record(ArraySlice<UInt8>, consumed: Int)
    case needMore
  }

  /// The next record at the start of `bytes`, checking both CRCs; `offset` is its place in the file.
  package static func next(_ bytes: ArraySlice<UInt8>, offset: Int) throws(LogJSON.Failure) -> Step {
    guard bytes.count >= 12 else { return .needMore }
    let s = bytes.startIndex
    var length: UInt64 = 0
    for i in 0..<8 { length |= UInt64(bytes[s + i]) << (8 * UInt64(i)) }
    let lengthCRC = readUInt32(bytes, s + 8)
    guard LogCRC32C.masked(LogCRC32C.checksum(bytes[s..<s + 8])) == lengthCRC else {
      throw LogJSON.Failure(offset: offset, reason: "length CRC mismatch (not an event file, or corrupt)")
    }
    guard length <= UInt64(maxRecord) else {
      throw LogJSON.Failure(offset: offset, reason: "record of \(length) bytes (more than \(maxRecord))")
    }
    let n = Int(length)
    guard bytes.count >= 12 + n + 4 else { return .needMore }
    let data = bytes[(s + 12)..<(s + 12 + n)]
    guard LogCRC32C.masked(LogCRC32C.checksum(data)) == readUInt32(bytes, s + 12 + n) else {
      throw LogJSON.Failure(offset: offset, reason: "data CRC mismatch (corrupt record)")
    }
    return .record(data, consumed: 16 + n)
  }

  /// Whether `bytes` start with a valid record header: how event files are told by content.
  package static func looksLikeEvents(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.count >= 12 else { return false }
    let s = bytes.startIndex
    return LogCRC32C.masked(LogCRC32C.checksum(bytes[s..<s + 8])) == readUInt32(bytes, s + 8)
  }

  private static func readUInt32(_ bytes: ArraySlice<UInt8>, _ at: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
  }

  /// The scalars of one serialized Event (`simple_value`s and one-element numeric tensors); the
  /// file version (`brain.Event:2`), restart markers (`SessionLog.START`) and every other event
  /// as markers, and a summary without scalars as a record without values: EventAccumulator's
  /// purge of orphaned data looks at the steps of them all.
  package static func record(_ data: ArraySlice<UInt8>, place: String) throws(LogJSON.Failure) -> LogRecord? {
    let event: Tensorboard_Event
    do {
      event = try Tensorboard_Event(serializedBytes: Array(data))
    } catch {
      throw LogJSON.Failure(offset: 0, reason: "not a TensorBoard Event (\(error))")
    }
    switch event.what {
    case .fileVersion(let text)?:
      // event_util.ParseFileVersion: float(file_version.split("brain.Event:")[-1]), -1 when unreadable.
      let number = text.split(separator: "brain.Event:", omittingEmptySubsequences: false).last.map(String.init) ?? text
      let version: Double
      if case .success(let v) = DecimalText.parse(number, nonFinite: .pythonTokens) { version = v } else { version = -1 }
      return LogRecord(step: Double(event.step), time: event.wallTime, values: [], place: place, marker: .fileVersion(version))
    case .sessionLog(let log)?:
      return LogRecord(step: Double(event.step), time: event.wallTime, values: [], place: place, marker: log.status == .start ? .sessionStart : .other)
    case .summary(let summary)?:
      return scalars(summary, event: event, place: place)
    case nil:
      // A graph, run metadata and the like: no values, but its step counts in old files.
      return LogRecord(step: Double(event.step), time: event.wallTime, values: [], place: place, marker: .other)
    }
  }

  private static func scalars(_ summary: Tensorboard_Summary, event: Tensorboard_Event, place: String) -> LogRecord {
    var record = LogRecord(step: Double(event.step), time: event.wallTime, values: [], place: place)
    for value in summary.value {
      switch value.value {
      case .simpleValue(let v)?: record.values.append((value.tag, Double(v)))
      case .tensor(let t)?: if let v = scalar(t) { record.values.append((value.tag, v)) }
      case nil: break
      }
    }
    return record
  }

  /// The value of a tensor with exactly one element of a numeric type; nil for anything else
  /// (histograms, text, images are tensors too).
  static func scalar(_ t: Tensorboard_TensorProto) -> Double? {
    guard t.tensorShape.dim.allSatisfy({ $0.size == 1 }) else { return nil }
    if !t.tensorContent.isEmpty { return fromContent(Array(t.tensorContent), t.dtype) }
    switch t.dtype {
    case .dtFloat: return t.floatVal.count == 1 ? Double(t.floatVal[0]) : nil
    case .dtDouble: return t.doubleVal.count == 1 ? t.doubleVal[0] : nil
    case .dtInt32, .dtInt16, .dtInt8, .dtUint8, .dtUint16: return t.intVal.count == 1 ? Double(t.intVal[0]) : nil
    case .dtInt64: return t.int64Val.count == 1 ? Double(t.int64Val[0]) : nil
    case .dtUint32: return t.uint32Val.count == 1 ? Double(t.uint32Val[0]) : nil
    case .dtUint64: return t.uint64Val.count == 1 ? Double(t.uint64Val[0]) : nil
    case .dtBool: return t.boolVal.count == 1 ? (t.boolVal[0] ? 1 : 0) : nil
    case .dtHalf: return t.halfVal.count == 1 ? half(UInt16(truncatingIfNeeded: t.halfVal[0])) : nil
    case .dtBfloat16: return t.halfVal.count == 1 ? Double(Float(bitPattern: UInt32(UInt16(truncatingIfNeeded: t.halfVal[0])) << 16)) : nil
    default: return nil
    }
  }

  /// One little-endian element of `dtype` packed in `tensor_content`.
  private static func fromContent(_ b: [UInt8], _ dtype: Tensorboard_DataType) -> Double? {
    func bits(_ n: Int) -> UInt64? {
      guard b.count == n else { return nil }
      return (0..<n).reduce(UInt64(0)) { $0 | UInt64(b[$1]) << (8 * UInt64($1)) }
    }
    switch dtype {
    case .dtFloat: return bits(4).map { Double(Float(bitPattern: UInt32($0))) }
    case .dtDouble: return bits(8).map { Double(bitPattern: $0) }
    case .dtInt32: return bits(4).map { Double(Int32(bitPattern: UInt32($0))) }
    case .dtInt64: return bits(8).map { Double(Int64(bitPattern: $0)) }
    case .dtHalf: return bits(2).map { half(UInt16($0)) }
    case .dtBfloat16: return bits(2).map { Double(Float(bitPattern: UInt32($0) << 16)) }
    default: return nil
    }
  }

  /// IEEE binary16 to Double, without Float16 (not available on every platform Swift targets).
  private static func half(_ h: UInt16) -> Double {
    let sign: Double = h & 0x8000 != 0 ? -1 : 1
    let exponent = Int((h >> 10) & 0x1F), fraction = Double(h & 0x3FF)
    if exponent == 0 { return sign * fraction * 0x1p-24 }
    if exponent == 31 { return fraction == 0 ? sign * .infinity : .nan }
    return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
  }
}
