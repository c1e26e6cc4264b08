// CRC-32C (Castagnoli), and TFRecord's masked form of it, for checking TensorBoard event files.
//
// Written here because none of the packages available offline exports CRC-32C: swift-crypto and
// swift-nio-extras have no Castagnoli CRC, and zlib's crc32 uses the other polynomial. A table
// of 256 entries is fast enough: event files are small next to what the disk reads per second.

import LossData

package enum LogCRC32C {
  /// The reflected Castagnoli polynomial 0x1EDC6F41.
  private static let polynomial: UInt32 = 0x82F6_3B78

  private static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ polynomial : c >> 1 }
    return c
  }

  /// CRC-32C of `bytes` (check value: "123456789" gives 0xE3069283).
  package static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    table.withUnsafeBufferPointer { t in
      for b in bytes { crc = t[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
    }
    return crc ^ 0xFFFF_FFFF
  }

  /// TFRecord's mask: rotate right by 15 and add a constant, so a CRC of data holding CRCs
  /// does not degenerate.
  package static func masked(_ crc: UInt32) -> UInt32 {
    ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
  }
}
