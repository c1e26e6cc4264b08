// MLflow's file store: a run's folder with meta.yaml and metrics/<key>, each metric file lines of `timestamp value step` as FileStore writes and reads them.
//
// FileStore writes one line per logged value, `f"{timestamp} {value} {step}"` (the timestamp in
// milliseconds, the value as Python's str of a float: `nan`, `inf`, `-inf` included), and reads
// it back as `int(timestamp)`, `float(value)`, `int(step)` (step 0 when a line has two fields).

import LossText
import LossData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

package enum LogMLflow {
  /// The metric files below `folder` (a run's `metrics/`), with their keys, sorted by key.
  package static func metricFiles(_ folder: String) -> [(path: String, key: String)] {
    var out: [(String, String)] = []
    collect(folder, prefix: "", depth: 0, into: &out)
    return out.sorted { $0.1 < $1.1 }
  }

  private static func collect(_ folder: String, prefix: String, depth: Int, into out: inout [(String, String)]) {
    guard depth < 16, let dir = opendir(folder) else { return }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    closedir(dir)
    for name in names.sorted() {
      let path = folder + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        collect(path, prefix: prefix + name + "/", depth: depth + 1, into: &out)
      } else if (info.st_mode & S_IFMT) == S_IFREG {
        out.append((path, prefix + name))
      }
    }
  }

  /// Whether a run's meta.yaml says it was deleted (`lifecycle_stage: deleted`).
  package static func isDeleted(_ metaYAML: String) -> Bool {
    let fd = open(metaYAML, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 1 << 16)
    let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return false }
    return String(decoding: bytes[0..<n], as: UTF8.self).split(separator: "\n").contains { $0.hasPrefix("lifecycle_stage: deleted") }
  }

  /// Whether `line` is a metric file's line: integer timestamp, a number, an optional integer step.
  package static func looksLikeMetricLine(_ line: ArraySlice<UInt8>) -> Bool {
    let fields = line.split(separator: 32, omittingEmptySubsequences: false)
    guard fields.count == 2 || fields.count == 3 else { return false }
    let integer = { (f: ArraySlice<UInt8>) in !f.isEmpty && f.drop { $0 == UInt8(ascii: "-") }.allSatisfy { $0 >= 48 && $0 <= 57 } }
    return integer(fields[0]) && (fields.count == 2 || integer(fields[2])) && LogLineParser.number(fields[1]) != nil
  }

  /// One line of a metric file as a record of `metric`: x step and time (seconds), the value.
  package static func record(_ full: ArraySlice<UInt8>, metric: String, place: String) throws(LogJSON.Failure) -> LogRecord? {
    let line = full.last == 13 ? full.dropLast() : full
    let fields = line.split(separator: 32, omittingEmptySubsequences: false)
    guard fields.count == 2 || fields.count == 3 else {
      throw LogJSON.Failure(offset: 0, reason: "\(fields.count) fields where MLflow writes `timestamp value step`")
    }
    func read(_ field: ArraySlice<UInt8>, _ what: String) throws(LogJSON.Failure) -> Double {
      let text = String(decoding: field, as: UTF8.self)
      switch DecimalText.parse(text, nonFinite: .pythonTokens) {
      case .success(let v): return v
      case .failure(let why): throw LogJSON.Failure(offset: 0, reason: "\(what) \"\(text.escapedForTerminal(limit: 40))\" \(why.reason)")
      }
    }
    let timestamp = try read(fields[0], "timestamp"), value = try read(fields[1], "value")
    let step = fields.count == 3 ? try read(fields[2], "step") : 0
    return LogRecord(step: step, time: timestamp / 1000, values: [(metric, value)], place: place)
  }
}
