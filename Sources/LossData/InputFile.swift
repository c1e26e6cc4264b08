// The one input-file policy: a regular file read with pread at known offsets, or stdin (`-`) read once.
//
// A FIFO would block the open or the read and /dev/zero never ends, so anything but a regular file
// is refused before a byte is read; opening with O_NONBLOCK keeps even that check from blocking.

#if canImport(Glibc)
  import Glibc
#endif

package final class InputFile: @unchecked Sendable {
  package let path: String
  package let size: Int
  private let fd: Int32
  /// Standard input (`-`): read once, front to back; `read(at:)` must continue where it stopped.
  private let sequential: Bool
  private var position = 0

  package init(path: String) throws(FileError) {
    self.path = path
    if path == "-" {
      // A terminal would wait for typing: a pipe or a file is what `-` is for.
      guard isatty(STDIN_FILENO) == 0 else { throw FileError(file: "-", reason: "standard input is a terminal; pipe the data into it") }
      fd = STDIN_FILENO
      sequential = true
      size = 0
      return
    }
    sequential = false
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw FileError(file: path, place: .opening, reason: "\(errorText(errno))") }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let code = errno
      close(fd)
      throw FileError(file: path, place: .opening, reason: "\(errorText(code))")
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      close(fd)
      let kind: String
      switch info.st_mode & S_IFMT {
      case S_IFDIR: kind = "a directory"
      case S_IFIFO: kind = "a FIFO"
      case S_IFCHR, S_IFBLK: kind = "a device"
      case S_IFSOCK: kind = "a socket"
      default: kind = "not a regular file"
      }
      throw FileError(file: path, reason: "is \(kind), not a regular file; give a file")
    }
    self.fd = fd
    size = Int(info.st_size)
  }

  deinit { if !sequential { close(fd) } }

  /// Fills `buffer` from byte `offset`; returns how many bytes the file had there (fewer only at its end).
  package func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    if sequential && offset != position {
      throw FileError(file: "-", reason: "standard input can only be read once, front to back (give a file for this)")
    }
    var done = 0
    defer { position = offset + done }
    while done < buffer.count {
      let n = sequential ? Glibc.read(fd, base + done, buffer.count - done) : pread(fd, base + done, buffer.count - done, off_t(offset + done))
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError(file: path, reason: "read failed at byte offset \(offset + done): \(errorText(errno))")
      }
      if n == 0 { break }
      done += n
    }
    return done
  }

  /// Up to `count` bytes from `offset` (fewer at the end of the file).
  package func bytes(at offset: Int, count: Int) throws(FileError) -> [UInt8] {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
    defer { buffer.deallocate() }
    let n = try read(at: offset, into: buffer)
    return Array(buffer[0..<n])
  }
}
