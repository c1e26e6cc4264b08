// W&B's run files (`wandb/offline-run-*/run-*.wandb`): a LevelDB-style log of protobuf Records, and the numbers of each history row.
//
// The file starts with a 7-byte header: `:W&B`, the magic 0xBEE1 (little-endian) and version 0.
// Then, in blocks of 32768 bytes (the header counts in the first), records of a 7-byte header
// (CRC-32 of the type byte and the data, little-endian; the data's length, uint16; the type:
// 1 full, 2 first, 3 middle, 4 last) and their data; a record that does not fit in what is left
// of a block is split into first, middle and last pieces, and fewer than 7 bytes left over are
// zeros. Each whole record is a `wandb_internal.Record`; of these only `history` rows are read:
// each item's key (or its nested keys joined by `.`, as W&B names `{"a": {"b": 1}}` a.b) and its
// `value_json`. `_step` is the step, `_timestamp` the time; other keys starting with `_` are
// W&B's own; values that are not numbers (text, media, histograms) are skipped; JSON's `NaN` and
// `Infinity` are non-finite points.

import LossText
import SwiftProtobuf

package struct LogWandbReader: LogReader {
  package static let header: [UInt8] = [0x3A, 0x57, 0x26, 0x42, 0xE1, 0xBE, 0x00]  // ":W&B", 0xBEE1, 0
  package static let block = 32768

  private var records = 0

  package init() {}

  /// Whether `bytes` start as a W&B run file.
  package static func looksLikeRunFile(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.starts(with: header.prefix(6)) }

  package mutating func read(_ bytes: ArraySlice<UInt8>, offset: Int, final: Bool, into out: inout [LogRecord]) throws(LogReadFailure) -> Int {
    var at = bytes.startIndex
    func position(_ i: Int) -> Int { offset + i - bytes.startIndex }
    if offset == 0 {
      guard bytes.count >= 7 else { return 0 }
      guard bytes.prefix(7).elementsEqual(Self.header) else {
        throw LogReadFailure("byte 0", "not a W&B run file (no :W&B header of version 0)")
      }
      at += 7
    }
    // Whole records only: a split record is consumed when its last piece is here.
    var data: [UInt8] = []
    var start = at  // where the record being put together began
    var inRecord = false
    while true {
      let left = Self.block - position(at) % Self.block
      if left < 7 {
        guard bytes.endIndex - at >= left else { break }
        at += left  // the zeros at the end of a block
        continue
      }
      guard bytes.endIndex - at >= 7 else { break }
      let crc = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
      let length = Int(bytes[at + 4]) | Int(bytes[at + 5]) << 8
      let type = bytes[at + 6]
      let place = "byte \(position(at))"
      if crc == 0 && length == 0 && type == 0 {
        // Zeros where a header should be: the rest of a block a writer padded, or a file cut there.
        at += left
        continue
      }
      guard length <= left - 7 else { throw LogReadFailure(place, "record of \(length) bytes past the end of its block (corrupt)") }
      guard bytes.endIndex - at >= 7 + length else { break }
      let piece = bytes[(at + 7)..<(at + 7 + length)]
      guard LogCRC32.checksum([type], piece) == crc else { throw LogReadFailure(place, "CRC mismatch (corrupt record)") }
      switch type {
      case 1, 2:
        guard !inRecord else { throw LogReadFailure(place, "a new record inside a split one (corrupt)") }
        data = Array(piece)
        start = at
        inRecord = type == 2
      case 3, 4:
        guard inRecord else { throw LogReadFailure(place, "the middle or end of a record that did not begin (corrupt)") }
        data += piece
        inRecord = type == 3
      default:
        throw LogReadFailure(place, "record type \(type) (corrupt)")
      }
      at += 7 + length
      if !inRecord {
        records += 1
        if let r = try Self.row(data, place: "byte \(position(start))") { out.append(r) }
        start = at
      }
    }
    return (inRecord ? start : at) - bytes.startIndex
  }

  /// The numbers of one Record, when it is a history row.
  static func row(_ data: [UInt8], place: String) throws(LogReadFailure) -> LogRecord? {
    let record: WandbInternal_Record
    do { record = try WandbInternal_Record(serializedBytes: data) } catch {
      throw LogReadFailure(place, "not a W&B Record (\(error))")
    }
    guard case .history(let history)? = record.recordType else { return nil }
    var row = LogRecord(step: Double(history.step.num), values: [], place: place)
    for item in history.item {
      let key = item.key.isEmpty ? item.nestedKey.joined(separator: ".") : item.key
      guard case .success(let value) = DecimalText.parse(item.valueJson, nonFinite: .pythonTokens) else { continue }
      switch key {
      case "_step": row.step = value
      case "_timestamp": row.time = value
      case let k where k.hasPrefix("_"): continue
      default: row.values.append((key, value))
      }
    }
    return row.values.isEmpty ? nil : row
  }
}

/// CRC-32 (IEEE 802.3, zlib's crc32), which W&B's run files use.
package enum LogCRC32 {
  private static let table: [UInt32] = (0..<256).map { n in
    (0..<8).reduce(UInt32(n)) { c, _ in c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
  }

  /// The CRC of `first` followed by `rest`.
  package static func checksum(_ first: [UInt8], _ rest: ArraySlice<UInt8>) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in first { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    for b in rest { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}
