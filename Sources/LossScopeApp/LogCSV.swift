// The long CSV of `lossscope log`: `#` metadata, then `run,metric,x,value,smoothed`, one row per point.

enum LogCSV {
  static let header = "run,metric,x,value,smoothed"

  /// A cell quoted when it holds a comma, a quote or a line break (RFC 4180).
  static func cell(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingQuotes() + "\""
  }

  /// The `#` lines: program, files with their formats, smoother, axis.
  static func metadata(_ runs: [LogRun], smoother: LogSmoother, axis: LogAxis) -> [String] {
    ["# lossscope log \(CSVExport.version)"]
      + runs.map { "# file: \(LogText.escaped($0.name, limit: 400)) (\($0.format.rawValue))" }
      + ["# smoother: \(smoother.summary)", "# x: \(axis.rawValue)"]
  }

  /// Every selected series of `runs`, exact, with its smoothed values.
  static func write(_ runs: [LogRun], metrics: [String], smoother: LogSmoother, axis: LogAxis, to sink: ByteSink) {
    for line in metadata(runs, smoother: smoother, axis: axis) + [header] {
      sink.append(line)
      sink.append(byte: 10)
    }
    for run in runs {
      for series in run.series where LogPairing.selected(series.metric, metrics) {
        let smoothed = smoother.apply(series.values)
        let prefix = cell(run.name) + "," + cell(series.metric) + ","
        for i in 0..<series.count {
          appendRow(prefix, series.xs[i], series.values[i], smoothed[i], to: sink)
        }
      }
    }
  }

  static func appendRow(_ prefix: String, _ x: Double, _ value: Double, _ smoothed: Double, to sink: ByteSink) {
    sink.append(prefix)
    sink.append(formatLogNumber(x))
    sink.append(byte: 44)
    sink.append(formatLogNumber(value))
    sink.append(byte: 44)
    sink.append(formatLogNumber(smoothed))
    sink.append(byte: 10)
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for c in self { out += c == "\"" ? "\"\"" : String(c) }
    return out
  }
}
