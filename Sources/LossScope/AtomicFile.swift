// Writing a file so that it is either complete or absent: temporary file in the same folder, then rename.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum AtomicFile {
  /// Runs `body` with a sink into a temporary file beside `path`, then renames it over `path`.
  /// On any failure the temporary file is removed and `path` is untouched.
  static func write(to path: String, overwrite: Bool = true, _ body: (ByteSink) throws(CLIError) -> Void) throws(CLIError) {
    if !overwrite && access(path, F_OK) == 0 { throw CLIError("\(path) already exists") }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else { throw CLIError("cannot write \(path): it names a folder") }
    var template = Array("\(folder.isEmpty ? "/" : folder)/.\(name).tmp-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw CLIError("cannot write \(path): \(errorText(errno))") }
    let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var finished = false
    defer {
      if !finished { unlink(temporary) }
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
    guard failure == 0 else { throw CLIError("cannot write \(path): \(errorText(failure))") }
    _ = fchmodDefault(temporary)
    guard rename(temporary, path) == 0 else { throw CLIError("cannot write \(path): \(errorText(errno))") }
    finished = true
  }

  /// mkstemp creates 0600; a CSV should get the usual 0666 less the umask.
  private static func fchmodDefault(_ path: String) -> Int32 {
    let mask = umask(0)
    umask(mask)
    return chmod(path, 0o666 & ~mask)
  }
}

func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
