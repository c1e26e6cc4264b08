// One log file read incrementally: format told by content, complete lines or records parsed, tail -F on request.

import LossText
import LossData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a poll found in a file.
package enum LogUpdate: Sendable {
  /// New records after those already returned.
  case appended([LogRecord])
  /// The file was truncated, replaced or rewritten whole: these records are all of it.
  case replaced([LogRecord])
}

/// A log file (or stdin, `-`) and how far it has been read. `poll` returns what is new since the
/// last call, so the app can call it every 100 ms while following a live run.
package final class LogSource {
  package let path: String
  package private(set) var format: LogFormat?
  private let regex: Regex<AnyRegexOutput>?
  private let captureNames: [String]
  private var fd: Int32 = -1
  private var identity: (dev: UInt64, ino: UInt64)?
  private var offset = 0  // bytes read from the file
  private var carry: [UInt8] = []  // bytes read but not yet parsed: a partial line or record
  private var carryStart = 0  // file offset of carry[0]
  private var line = 0  // lines consumed, for the message about a line too long
  private var reader: (any LogReader)?
  private let given: LogFormat?
  private var wholeSize = -1  // trainer_state.json: the size and mtime last parsed
  private var wholeTime = -1
  /// What was read but is worth a line on stderr: an incomplete record at the end of a file.
  package private(set) var warnings: [String] = []

  /// Longest line accepted; a longer one is refused rather than buffered without end.
  package static let maxLine = 1 << 20
  /// Largest trainer_state.json read whole.
  package static let maxWhole = 256 << 20

  /// For an MLflow metric file: its key; for an MLflow database: the run to read.
  private let metric: String?
  private let run: String?

  package init(path: String, format: LogFormat? = nil, regex: Regex<AnyRegexOutput>? = nil, captureNames: [String] = [],
               metric: String? = nil, run: String? = nil) {
    self.metric = metric
    self.run = run
    self.path = path
    self.format = regex != nil ? .text : format
    self.given = self.format
    self.regex = regex
    self.captureNames = captureNames
  }

  deinit { if fd >= 0 && path != "-" { close(fd) } }

  private var shown: String { path.escapedForTerminal(limit: 200) }

  private func error(_ place: String, _ reason: String) -> FileError { FileError(file: path, reason: "\(place): \(reason)") }

  /// Opens the file: a regular file, or stdin for `-`; anything else is refused.
  private func openFile() throws(FileError) {
    if path == "-" { fd = 0; return }
    var info = stat()
    guard stat(path, &info) == 0 else { throw FileError(file: path, place: .opening, reason: "\(errorText(errno))") }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw FileError(file: path, place: .opening, reason: "not a regular file") }
    let opened = open(path, O_RDONLY | O_CLOEXEC)
    guard opened >= 0 else { throw FileError(file: path, place: .opening, reason: "\(errorText(errno))") }
    fd = opened
    var own = stat()
    fstat(fd, &own)
    identity = (UInt64(own.st_dev), UInt64(own.st_ino))
  }

  /// Hands over the warnings gathered so far.
  package func takeWarnings() -> [String] {
    defer { warnings = [] }
    return warnings
  }

  /// Reads the file again from its start at the next poll (another file of its run was replaced).
  package func rewind() {
    if fd >= 0 && path != "-" { close(fd) }
    fd = -1
    offset = 0; carry = []; carryStart = 0; line = 0; wholeSize = -1
    reader = nil
  }

  /// True when the path now names another file (replaced) or a shorter one (truncated).
  private func wasReplaced() -> Bool {
    guard path != "-", let identity else { return false }
    var info = stat()
    guard stat(path, &info) == 0 else { return false }  // gone for now: keep reading the old one
    return UInt64(info.st_dev) != identity.dev || UInt64(info.st_ino) != identity.ino || Int(info.st_size) < offset
  }

  /// Everything new. `final`: the file is read for the last time, so a last line without a
  /// newline counts, and an incomplete record is an error.
  package func poll(final: Bool) throws(FileError) -> LogUpdate {
    var records: [LogRecord] = []
    var replaced = false
    try poll(final: final, reset: { replaced = true; records = [] }, record: { records.append($0) })
    return replaced ? .replaced(records) : .appended(records)
  }

  /// Everything new, one record at a time, so a huge file never sits in memory as records;
  /// `reset` comes first when the records that follow replace all earlier ones.
  package func poll(final: Bool, reset: () -> Void, record: (LogRecord) throws(FileError) -> Void) throws(FileError) {
    if fd < 0 {
      try openFile()
      if path == "-" && !final { Self.nonBlockingIfPipe(0) }
    } else if wasReplaced() {
      rewind()
      format = given
      try openFile()
      reset()
    }
    if format == nil {
      _ = try readAvailable(limit: 1 << 16)  // enough to tell the format by
      format = detect(final: final)
    }
    guard let format else { return }
    if reader == nil {
      let key = metric ?? path.split(separator: "/").last.map(String.init)
      reader = format.reader(regex: regex, captureNames: captureNames, metric: key, run: run)
    }
    switch reader?.input ?? .stream {
    case .whole:
      guard let records = try pollWhole(final: final) else { return }
      reset()
      for r in records { try record(r) }
    case .database:
      guard let records = try pollDatabase(final: final) else { return }
      reset()
      for r in records { try record(r) }
    case .stream:
      // Read and parse in slices of a few MiB, so a huge file never sits in memory as bytes; a
      // record larger than a slice (a graph in an event file) widens the slice until it fits.
      var limit = 4 * Self.maxLine
      while true {
        let atEnd = try readAvailable(limit: limit)
        let before = carryStart
        for r in try parse(final: final && atEnd) { try record(r) }
        if atEnd { break }
        limit = carryStart == before ? min(2 * limit, LogEventFile.maxRecord + (1 << 20)) : 4 * Self.maxLine
        if carryStart == before && carry.count > LogEventFile.maxRecord + 16 {
          throw error("byte \(carryStart)", "a record longer than \(LogEventFile.maxRecord) bytes")
        }
      }
    }
  }

  /// Reads until the end of the file or until `limit` bytes wait in `carry`; true at the end.
  private func readAvailable(limit: Int) throws(FileError) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while carry.count < limit {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN || errno == EWOULDBLOCK { return true }  // a followed pipe with nothing new
        throw FileError(file: path, place: .opening, reason: "\(errorText(errno))")
      }
      if n == 0 { return true }
      carry.append(contentsOf: chunk[0..<n])
      offset += n
      if format?.isLines == true && carry.count > Self.maxLine,
        carry.count - (carry.lastIndex(of: 10).map { $0 + 1 } ?? 0) > Self.maxLine
      {
        throw error("line \(line + carry.filter { $0 == 10 }.count + 1)", "longer than \(Self.maxLine) bytes")
      }
    }
    return false
  }

  /// The format from the first bytes (nil: not enough yet).
  private func detect(final: Bool) -> LogFormat? {
    let head = carry.prefix(4096)
    if head.isEmpty { return nil }
    if LogWandbReader.looksLikeRunFile(head) { return .wandb }
    if path.contains("tfevents") || LogEventFile.looksLikeEvents(head) { return .tfevents }
    guard let first = head.firstIndex(where: { ![32, 9, 10, 13].contains($0) }) else { return nil }
    let lineEnd = head[first...].firstIndex(of: 10) ?? head.endIndex
    let firstLine = head[first..<lineEnd]
    if head[first] == UInt8(ascii: "{") {
      let text = String(decoding: firstLine, as: UTF8.self)
      let object = try? LogJSON.parse(firstLine)
      if path.hasSuffix("trainer_state.json") || (object == nil && (text.count < 3 || text.contains("log_history"))) {
        return .trainerState
      }
      // detectron2's JSONWriter: one object per write, `iteration` and its timing keys.
      if let object, object["iteration"] != nil,
        path.hasSuffix("metrics.json") || object["eta_seconds"] != nil || object["data_time"] != nil || object["total_loss"] != nil
      {
        return .detectron2
      }
      return .jsonl
    }
    if LogMLflow.looksLikeMetricLine(firstLine.last == 13 ? firstLine.dropLast() : firstLine) { return .mlflowFile }
    // Keras's CSVLogger: `epoch` first, then the logs' keys sorted; no step column.
    let cells = LogLineParser.split(firstLine.last == 13 ? firstLine.dropLast() : firstLine)
      .map { LogText.trimmed(String(decoding: firstLine[$0], as: UTF8.self)).lowercased() }
    if cells.count > 1 && cells[0] == "epoch" && !cells.contains(where: LogFieldNames.step.contains) { return .kerasCSV }
    return .csv
  }

  private func parse(final: Bool) throws(FileError) -> [LogRecord] {
    guard reader != nil else { return [] }
    var records: [LogRecord] = []
    let used: Int
    do { used = try reader!.read(carry[...], offset: carryStart, final: final, into: &records) } catch {
      throw self.error(error.place, error.reason)
    }
    if format?.isLines == true { line += carry[..<used].reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
    var start = used
    if final && start < carry.count {
      // TensorBoard reads every complete record and stops at an incomplete one; so does this.
      warnings.append("\(shown): byte \(carryStart + start): incomplete record at the end (\(carry.count - start) bytes; a writer still writing, or one that crashed): read the complete records before it")
      start = carry.count
    }
    carry.removeFirst(min(start, carry.count))
    carryStart += start
    return records
  }

  /// trainer_state.json is rewritten whole at each checkpoint: parse it all when its size changes.
  /// The whole history when the file changed since the last parse, else nil.
  private func pollWhole(final: Bool) throws(FileError) -> [LogRecord]? {
    var info = stat()
    if path != "-" { guard stat(path, &info) == 0 else { return nil } }
    if path != "-" && Int(info.st_size) == wholeSize && Self.modified(info) == wholeTime { return nil }
    if path != "-" {
      guard Int(info.st_size) <= Self.maxWhole else { throw error("byte 0", "larger than \(Self.maxWhole) bytes") }
      lseek(fd, 0, SEEK_SET)
      carry = []
      offset = 0
    }
    while try !readAvailable(limit: Self.maxWhole + 1) {
      if carry.count > Self.maxWhole { throw error("byte 0", "larger than \(Self.maxWhole) bytes") }
    }
    var records: [LogRecord] = []
    do { _ = try reader!.read(carry[...], offset: 0, final: true, into: &records) } catch {
      if !final && error.unfinished { return nil }  // being rewritten: try again at the next poll
      throw self.error(error.place, error.reason)
    }
    wholeSize = path == "-" ? carry.count : Int(info.st_size)
    wholeTime = Self.modified(info)
    return records
  }

  /// A database: queried again when the file (or its write-ahead log) changed.
  private func pollDatabase(final: Bool) throws(FileError) -> [LogRecord]? {
    var info = stat(), wal = stat()
    guard path != "-", stat(path, &info) == 0 else { throw error("byte 0", "a database is read from a file, not stdin") }
    let walTime = stat(path + "-wal", &wal) == 0 ? Self.modified(wal) : 0
    let size = Int(info.st_size), time = Self.modified(info) &+ walTime
    if size == wholeSize && time == wholeTime { return nil }
    var records: [LogRecord] = []
    do { try reader!.read(path: path, into: &records) } catch {
      if !final && error.unfinished { return nil }  // a writer holds the lock: try again at the next poll
      throw self.error(error.place, error.reason)
    }
    wholeSize = size
    wholeTime = time
    return records
  }

  /// Modification time in nanoseconds.
  private static func modified(_ info: stat) -> Int {
    #if canImport(Darwin)
      return Int(info.st_mtimespec.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtimespec.tv_nsec)
    #else
      return Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
    #endif
  }

  /// Following stdin: a pipe must not block the poll (a terminal or file is left as it is, since
  /// the flag would outlive the process on a descriptor shared with the shell).
  private static func nonBlockingIfPipe(_ fd: Int32) {
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFIFO else { return }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
  }
}
