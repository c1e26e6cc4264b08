// The long CSV of `lossscope log`: `#` metadata, then `run,metric,x,value,smoothed`, one row per point.

import LossText
import LossData
import LossLogs

enum LogCSV {
  static let header = "run,metric,x,value,smoothed"

  /// The `#` lines: program, files with their formats, smoother, axis.
  static func metadata(_ runs: [LogRun], smoother: LogSmoother, axis: LogAxis) -> [String] {
    ["# lossscope log \(CSVExport.version)"]
      + runs.map { "# file: \(CSVText.comment($0.name)) (\($0.format.rawValue))" }
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
        let prefix = CSVText.cell(run.name) + "," + CSVText.cell(series.metric) + ","
        for i in 0..<series.count {
          appendRow(prefix, series.xs[i], series.values[i], smoothed[i], to: sink)
        }
      }
    }
  }

  static func appendRow(_ prefix: String, _ x: Double, _ value: Double, _ smoothed: Double, to sink: ByteSink) {
    sink.append(prefix)
    sink.append(NumberText.shortest(x))
    sink.append(byte: 44)
    sink.append(NumberText.shortest(value))
    sink.append(byte: 44)
    sink.append(NumberText.shortest(smoothed))
    sink.append(byte: 10)
  }
}
