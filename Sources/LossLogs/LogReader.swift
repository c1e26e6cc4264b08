// The one protocol behind every log format: a reader turns a file's bytes (or, for a database, its path) into records; LogSource owns the file and feeds it.
//
// A format is added as one reader conforming to `LogReader`, one case in `LogFormat` with its
// reader in `LogFormat.reader`, and its detection in `LogSource.detect`.

/// Why a reader refused its input: where (`line 12`, `byte 4096`, `log_history[3]`) and why.
package struct LogReadFailure: Error, Sendable {
  package var place: String
  package var reason: String
  /// The input may be complete later (a JSON document half rewritten): try again while following.
  package var unfinished: Bool
  package init(_ place: String, _ reason: String, unfinished: Bool = false) {
    self.place = place
    self.reason = reason
    self.unfinished = unfinished
  }
}

/// How a reader takes its file.
package enum LogReaderInput: Sendable {
  /// Appended bytes, read as they come (lines, TFRecords, LevelDB-log records).
  case stream
  /// The whole file again whenever it changes (a JSON document rewritten at each checkpoint).
  case whole
  /// Its path, queried again whenever the file changes (an SQLite database).
  case database
}

package protocol LogReader {
  var input: LogReaderInput { get }
  /// `stream`: appends the complete records at the start of `bytes`, which start at byte `offset`
  /// of the file, and returns how many bytes they took; `final`: the file ends after `bytes`.
  /// `whole`: `bytes` is the file; appends every record it holds and returns `bytes.count`.
  mutating func read(_ bytes: ArraySlice<UInt8>, offset: Int, final: Bool, into records: inout [LogRecord]) throws(LogReadFailure) -> Int
  /// `database`: appends every record the file at `path` holds now.
  mutating func read(path: String, into records: inout [LogRecord]) throws(LogReadFailure)
}

extension LogReader {
  package var input: LogReaderInput { .stream }
  package mutating func read(path: String, into records: inout [LogRecord]) throws(LogReadFailure) {}
  package mutating func read(_ bytes: ArraySlice<UInt8>, offset: Int, final: Bool, into records: inout [LogRecord]) throws(LogReadFailure) -> Int { 0 }
}

/// Line formats: complete lines (a last one without newline when `final`), each through
/// LogLineParser; a line's place is its number.
package struct LogLineReader: LogReader {
  private var parser: LogLineParser
  private var line = 0

  package init(_ parser: LogLineParser) { self.parser = parser }

  package mutating func read(_ bytes: ArraySlice<UInt8>, offset: Int, final: Bool, into records: inout [LogRecord]) throws(LogReadFailure) -> Int {
    var start = bytes.startIndex
    while start < bytes.endIndex {
      guard let newline = bytes[start...].firstIndex(of: 10) ?? (final ? bytes.endIndex : nil) else { break }
      line += 1
      let place = "line \(line)"
      if newline - start > LogSource.maxLine { throw LogReadFailure(place, "longer than \(LogSource.maxLine) bytes") }
      do {
        if let r = try parser.parse(bytes[start..<newline], place: place) { records.append(r) }
      } catch {
        throw LogReadFailure(place, error.offset > 0 ? "column \(error.offset + 1): \(error.reason)" : error.reason)
      }
      start = min(newline + 1, bytes.endIndex)
    }
    return start - bytes.startIndex
  }
}

/// TensorBoard event files: TFRecords with both CRCs checked, each an Event (LogEventFile).
package struct LogEventReader: LogReader {
  package init() {}

  package mutating func read(_ bytes: ArraySlice<UInt8>, offset: Int, final: Bool, into records: inout [LogRecord]) throws(LogReadFailure) -> Int {
    var start = bytes.startIndex
    while true {
      let place = "byte \(offset + start - bytes.startIndex)"
      let step: LogEventFile.Step
      do { step = try LogEventFile.next(bytes[start...], offset: offset + start - bytes.startIndex) } catch {
        throw LogReadFailure(place, error.reason)
      }
      guard case .record(let data, let consumed) = step else { break }
      do {
        if let r = try LogEventFile.record(data, place: place) { records.append(r) }
      } catch { throw LogReadFailure(place, error.reason) }
      start += consumed
    }
    return start - bytes.startIndex
  }
}

/// Hugging Face's trainer_state.json: each entry of `log_history` a record.
package struct LogTrainerStateReader: LogReader {
  package init() {}
  package var input: LogReaderInput { .whole }

  package mutating func read(_ bytes: ArraySlice<UInt8>, offset: Int, final: Bool, into records: inout [LogRecord]) throws(LogReadFailure) -> Int {
    let json: LogJSON
    do { json = try LogJSON.parse(bytes) } catch { throw LogReadFailure("byte \(error.offset)", error.reason, unfinished: true) }
    guard case .array(let history)? = json["log_history"] else {
      throw LogReadFailure("byte 0", "no log_history array (is this a trainer_state.json?)")
    }
    records += history.enumerated().compactMap { LogLineParser.record($1, place: "log_history[\($0)]") }
    return bytes.count
  }
}

extension LogFormat {
  /// A reader of this format. `regex` and `captureNames` are for `text`, `metric` for an MLflow
  /// metric file (the key it holds), `run` for an MLflow database (the run to read).
  package func reader(regex: Regex<AnyRegexOutput>?, captureNames: [String], metric: String?, run: String?) -> any LogReader {
    switch self {
    case .tfevents: return LogEventReader()
    case .trainerState: return LogTrainerStateReader()
    case .mlflowDB: return LogMLflowDB(run: run)
    case .wandb: return LogWandbReader()
    case .csv, .jsonl, .text, .kerasCSV, .detectron2, .mlflowFile:
      return LogLineReader(LogLineParser(format: self, regex: regex, captureNames: captureNames, metric: metric ?? "value"))
    }
  }
}
