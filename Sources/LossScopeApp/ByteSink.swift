// Buffered bytes to a file descriptor: export writes millions of rows without a String per row.

import Losses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Collects bytes and writes them to `fd` in large chunks; without a descriptor it keeps them.
final class ByteSink {
  let fd: Int32?
  private var buffer: [UInt8] = []
  private static let chunk = 1 << 20
  private(set) var failure: Int32 = 0

  init(fd: Int32?) {
    self.fd = fd
    buffer.reserveCapacity(Self.chunk + 256)
  }

  @inline(__always)
  func append(_ text: String) {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= Self.chunk && fd != nil { flush() }
  }

  @inline(__always)
  func append(byte: UInt8) { buffer.append(byte) }

  func append(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.chunk && fd != nil { flush() }
  }

  /// Shortest round-trip form of a Double, as `formatNumber`.
  @inline(__always)
  func append(number x: Double) { append(formatNumber(x)) }

  /// Writes out what is buffered; remembers the first errno so the caller can report it.
  func flush() {
    guard let fd else { return }
    var offset = 0
    while offset < buffer.count && failure == 0 {
      let written = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        failure = errno
      } else {
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Everything appended so far, for a sink without a descriptor.
  var text: String { String(decoding: buffer, as: UTF8.self) }
}
