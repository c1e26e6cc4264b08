// The line formats of training logs: CSV with a header, JSON lines, and any text through a regex.

import LossText
import LossData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Names that say which x a column or field holds; everything else numeric is a metric.
package enum LogFieldNames {
  package static let step: Set<String> = ["step", "global_step", "_step", "steps", "iteration", "iter"]
  package static let epoch: Set<String> = ["epoch", "epochs"]
  package static let time: Set<String> = ["time", "wall_time", "timestamp", "_timestamp"]

  package static func isX(_ name: String) -> Bool {
    let n = name.lowercased()
    return step.contains(n) || epoch.contains(n) || time.contains(n)
  }
}

/// Turns one line at a time into records; keeps the CSV header between lines.
package struct LogLineParser {
  package let format: LogFormat
  /// For `text`: the pattern and the names of its unnamed captures, in order.
  package let regex: Regex<AnyRegexOutput>?
  package let captureNames: [String]
  /// For `mlflowFile`: the metric the file holds.
  package let metric: String
  private var header: [String]?

  package init(format: LogFormat, regex: Regex<AnyRegexOutput>? = nil, captureNames: [String] = [], metric: String = "value") {
    self.format = format
    self.regex = regex
    self.captureNames = captureNames
    self.metric = metric
  }

  /// The record of one line (nil for a header, a blank line or a text line the regex misses);
  /// throws the reason a line is malformed.
  package mutating func parse(_ line: ArraySlice<UInt8>, place: String) throws(LogJSON.Failure) -> LogRecord? {
    if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return nil }
    switch format {
    case .csv, .kerasCSV: return try csv(line, place: place)
    case .jsonl, .detectron2:
      let value = try LogJSON.parse(line)
      guard case .object = value else { throw LogJSON.Failure(offset: 0, reason: "not a JSON object") }
      return Self.record(value, place: place, timeIsX: format != .detectron2)
    case .text: return try text(line, place: place)
    case .mlflowFile: return try LogMLflow.record(line, metric: metric, place: place)
    case .trainerState, .tfevents, .mlflowDB, .wandb: return nil
    }
  }

  /// A JSON object as a record: x fields by name, every other number a metric. `timeIsX`: false
  /// for detectron2, whose `time` is the seconds an iteration took, not a clock.
  package static func record(_ object: LogJSON, place: String, timeIsX: Bool = true) -> LogRecord? {
    guard case .object(let members) = object else { return nil }
    var record = LogRecord(values: [], place: place)
    for (key, value) in members {
      guard case .number(let v) = value else { continue }
      let k = key.lowercased()
      if LogFieldNames.step.contains(k) { record.step = v }
      else if LogFieldNames.epoch.contains(k) { record.epoch = v }
      else if timeIsX && LogFieldNames.time.contains(k) { record.time = v }
      else { record.values.append((key, v)) }
    }
    return record.values.isEmpty ? nil : record
  }

  // MARK: - CSV

  private mutating func csv(_ full: ArraySlice<UInt8>, place: String) throws(LogJSON.Failure) -> LogRecord? {
    let line = full.last == 13 ? full.dropLast() : full
    let fields = Self.split(line)
    guard let names = header else {
      header = fields.map { LogText.trimmed(String(decoding: line[$0], as: UTF8.self)) }
      return nil
    }
    guard fields.count == names.count else {
      throw LogJSON.Failure(offset: 0, reason: "\(fields.count) fields where the header has \(names.count)")
    }
    var record = LogRecord(values: [], place: place)
    var failure: LogJSON.Failure?
    Array(line).withUnsafeBufferPointer { row in
      let base = line.startIndex
      for (name, range) in zip(names, fields) {
        let local = (range.lowerBound - base)..<(range.upperBound - base)
        let cell = CSVScanner.trimmed(row, local)
        if cell.isEmpty { continue }  // Lightning leaves a cell blank when the metric was not logged
        // Keras's CSVLogger writes NA for a metric not logged that epoch, and a list as "[...]".
        if format == .kerasCSV && (row[cell].elementsEqual("NA".utf8) || row[cell].first == UInt8(ascii: "[")) {
          continue
        }
        let v: Double
        switch CSVScanner.number(row, local, nonFinite: .pythonTokens) {
        case .success(let value): v = value
        case .failure(let why):
          failure = LogJSON.Failure(offset: 0, reason: "column \(name.escapedForTerminal(limit: 40)): \"\(escapedForTerminal(bytes: row[cell], limit: 40))\" \(why.reason)")
          return
        }
        let k = name.lowercased()
        if LogFieldNames.step.contains(k) { record.step = v }
        else if LogFieldNames.epoch.contains(k) { record.epoch = v }
        else if LogFieldNames.time.contains(k) { record.time = v }
        else { record.values.append((name, v)) }
      }
    }
    if let failure { throw failure }
    return record.values.isEmpty ? nil : record
  }

  /// Field ranges of one line, split at commas outside double quotes.
  package static func split(_ line: ArraySlice<UInt8>) -> [Range<Int>] {
    var fields: [Range<Int>] = []
    var start = line.startIndex
    var quoted = false
    for i in line.indices {
      let b = line[i]
      if b == 34 { quoted.toggle() } else if b == 44 && !quoted {
        fields.append(start..<i)
        start = i + 1
      }
    }
    fields.append(start..<line.endIndex)
    return fields
  }

  /// The bytes as a Double by the one decimal grammar, with Python's `nan` and `inf` as points.
  package static func number(_ bytes: ArraySlice<UInt8>) -> Double? {
    let text = String(decoding: bytes, as: UTF8.self)
    if case .success(let v) = DecimalText.parse(text, nonFinite: .pythonTokens) { return v }
    return nil
  }

  // MARK: - Text

  private func text(_ line: ArraySlice<UInt8>, place: String) throws(LogJSON.Failure) -> LogRecord? {
    guard let regex else { return nil }
    let string = String(decoding: line, as: UTF8.self)
    guard let match = string.firstMatch(of: regex) else { return nil }
    var record = LogRecord(values: [], place: place)
    var unnamed = 0
    for capture in match.output.dropFirst() {
      guard let sub = capture.substring else { continue }
      guard let v = Self.number(ArraySlice(Array(sub.utf8))) else {
        throw LogJSON.Failure(offset: 0, reason: "capture \"\(sub.escapedForTerminal(limit: 40))\" is not a number")
      }
      switch capture.name?.lowercased() {
      case "step"?: record.step = v
      case "epoch"?: record.epoch = v
      case "time"?: record.time = v
      case let name?: record.values.append((name, v))
      case nil:
        let name = unnamed < captureNames.count ? captureNames[unnamed] : (unnamed == 0 ? "value" : "value\(unnamed + 1)")
        record.values.append((name, v))
        unnamed += 1
      }
    }
    return record.values.isEmpty ? nil : record
  }
}
