// Writing a file so that it is either complete or absent: temporary file in the same folder, then rename.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

import Losses
import LossText

package enum AtomicFile {
  /// Runs `body` with a sink into a temporary file beside `path`, then renames it over `path`.
  /// On any failure the temporary file is removed and `path` is untouched.
  package static func write<E: FileErrorConvertible>(to requested: String, overwrite: Bool = true,
                                                     _ body: (ByteSink) throws(E) -> Void) throws(E) {
    if !overwrite && access(requested, F_OK) == 0 { throw E(FileError(file: requested, reason: "already exists")) }
    let path: String
    do { path = try target(of: requested) } catch { throw E(error) }
    if isStream(path) {
      try writeThrough(path, body)
      return
    }
    // An existing file keeps its permissions; a new one gets 0666 less the umask.
    var existing = stat()
    let mode: mode_t? = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : nil
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else { throw E(FileError(file: path, place: .writing, reason: "it names a folder")) }
    var template = Array("\(folder.isEmpty ? "/" : folder)/.\(temporaryStem(name)).tmp-XXXXXX".utf8CString)
    // Signals stay blocked from creating the file until its cleanup is registered.
    let fd = TemporaryFileGuard.withSignalsBlocked { () -> Int32 in
      let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      if fd >= 0 { TemporaryFileGuard.register(template) }
      return fd
    }
    guard fd >= 0 else { throw E(FileError(file: path, place: .writing, reason: "\(errorText(errno))")) }
    let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var finished = false
    defer {
      if !finished { unlink(temporary) }
      TemporaryFileGuard.unregister()
    }
    let sink = ByteSink(fd: fd)
    do {
      try body(sink)
    } catch {
      close(fd)
      throw error
    }
    sink.flush()
    let failure = sink.failure != 0 ? sink.failure : (fsync(fd) == 0 ? 0 : errno)
    close(fd)
    guard failure == 0 else { throw E(FileError(file: path, place: .writing, reason: "\(errorText(failure))")) }
    if let mode { _ = chmod(temporary, mode) } else { _ = fchmodDefault(temporary) }
    guard rename(temporary, path) == 0 else { throw E(FileError(file: path, place: .writing, reason: "\(errorText(errno))")) }
    finished = true
  }

  /// The file name inside the temporary name, cut so that `.NAME.tmp-XXXXXX` fits the 255 bytes
  /// a file name may have (NAME_MAX), at a character boundary.
  package static func temporaryStem(_ name: String) -> String {
    let room = 255 - ".".utf8.count - ".tmp-XXXXXX".utf8.count
    guard name.utf8.count > room else { return name }
    var stem = ""
    for scalar in name.unicodeScalars {
      if stem.utf8.count + String(scalar).utf8.count > room - 4 { break }
      stem.unicodeScalars.append(scalar)
    }
    return stem + "-cut"
  }

  /// The file to replace: a symlink is followed to the file it names (the link stays a link);
  /// devices and pipes are written through; anything else that is not a regular file (a folder,
  /// a socket) is refused, since renaming over it would destroy it rather than write to it.
  package static func target(of path: String) throws(FileError) -> String {
    var info = stat()
    guard lstat(path, &info) == 0 else { return path }  // new file
    var resolved = path
    if (info.st_mode & S_IFMT) == S_IFLNK {
      guard let real = realpath(path, nil) else { return path }  // dangling link: create beside it
      resolved = String(cString: real)
      free(real)
      guard stat(resolved, &info) == 0 else { return resolved }
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG, S_IFCHR, S_IFIFO: return resolved
    case S_IFDIR: throw FileError(file: path, place: .writing, reason: "it is a folder")
    default: throw FileError(file: path, place: .writing, reason: "it is not a regular file (leave out -o to write to stdout)")
    }
  }

  /// A device (/dev/null) or a pipe: written through, since there is nothing to rename over.
  package static func isStream(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    let kind = info.st_mode & S_IFMT
    return kind == S_IFCHR || kind == S_IFIFO
  }

  private static func writeThrough<E: FileErrorConvertible>(_ path: String, _ body: (ByteSink) throws(E) -> Void) throws(E) {
    let fd = open(path, O_WRONLY)
    guard fd >= 0 else { throw E(FileError(file: path, place: .writing, reason: "\(errorText(errno))")) }
    defer { close(fd) }
    let sink = ByteSink(fd: fd)
    try body(sink)
    sink.flush()
    if sink.failure != 0 { throw E(FileError(file: path, place: .writing, reason: "\(errorText(sink.failure))")) }
  }

  /// mkstemp creates 0600; a CSV should get the usual 0666 less the umask.
  private static func fchmodDefault(_ path: String) -> Int32 {
    let mask = umask(0)
    umask(mask)
    return chmod(path, 0o666 & ~mask)
  }
}

package func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
