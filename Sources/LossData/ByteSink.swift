// Buffered bytes to a file descriptor: export writes millions of rows without a String per row.

import Losses
import LossText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Collects bytes and writes them to `fd` in large chunks; without a descriptor it keeps them.
package final class ByteSink {
  package let fd: Int32?
  private var buffer: [UInt8] = []
  private static let chunk = 1 << 20
  package private(set) var failure: Int32 = 0

  package init(fd: Int32?) {
    self.fd = fd
    buffer.reserveCapacity(Self.chunk + 256)
  }

  @inline(__always)
  package func append(_ text: String) {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= Self.chunk && fd != nil { flush() }
  }

  @inline(__always)
  package func append(byte: UInt8) { buffer.append(byte) }

  package func append(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.chunk && fd != nil { flush() }
  }

  /// Shortest round-trip form of a Double, as `NumberText.shortest`.
  @inline(__always)
  package func append(number x: Double) { append(NumberText.shortest(x)) }

  /// Writes out what is buffered; remembers the first errno so the caller can report it.
  package func flush() {
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
  package var text: String { String(decoding: buffer, as: UTF8.self) }
}
