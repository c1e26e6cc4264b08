// Training logs in memory: runs of named metric series of (x, value) points, exact, in file order.

import LossData

/// What the horizontal axis counts.
package enum LogAxis: String, CaseIterable, Sendable {
  case step, epoch, time
}

/// The file formats `lossscope log` reads.
package enum LogFormat: String, CaseIterable, Sendable {
  case csv, jsonl
  case trainerState = "trainer-state"
  case tfevents, text

  /// What the evidence says first about this format's values, when they are not raw.
  package var valuesNote: String? { nil }
}

/// One logged row, event or line: its x values (nil when the file did not give one) and metrics.
package struct LogRecord: Sendable {
  package var step: Double?
  package var epoch: Double?
  package var time: Double?
  /// Metric name and value, in the order the file gave them.
  package var values: [(String, Double)]
  /// Where the record starts, for messages: "line 12" or "byte 4096".
  package var place: String
}

/// One metric of one run: every point, exact (export writes these).
package struct LogSeries: Sendable {
  package var metric: String
  package var xs: [Double] = []
  package var values: [Double] = []
  /// Set when the run keeps pictures instead of points (`LogRun.picture`).
  package var track: LogTrack?
  /// Points kept (0 when only the track is).
  package var count: Int { min(xs.count, values.count) }
}

/// One file's metrics.
package struct LogRun: Sendable {
  /// The run's name: the file's path as given (or `-` for stdin).
  package var name: String
  package var format: LogFormat
  /// Series in order of first appearance.
  package private(set) var series: [LogSeries] = []
  private var index: [String: Int] = [:]
  /// Records seen, the x of a record without a step when the axis is `step`.
  private var ordinal = 0

  /// When set, series keep only envelopes of this many columns with this smoother (which must
  /// stream: ema or none), so memory does not grow with the log.
  package let picture: (columns: Int, smoother: LogSmoother)?

  package init(name: String, format: LogFormat, picture: (columns: Int, smoother: LogSmoother)? = nil) {
    self.name = name
    self.format = format
    self.picture = picture
  }

  package subscript(metric: String) -> LogSeries? { index[metric].map { series[$0] } }

  /// Adds a record's values at its x on `axis`; a record without a step counts records instead.
  /// Returns a message when the record has no value for the chosen axis.
  package mutating func append(_ record: LogRecord, axis: LogAxis) -> String? {
    let x: Double
    switch axis {
    case .step: x = record.step ?? Double(ordinal)
    case .epoch:
      guard let e = record.epoch else { return "\(record.place): no epoch (choose another --x)" }
      x = e
    case .time:
      guard let t = record.time else { return "\(record.place): no time (choose another --x)" }
      x = t
    }
    ordinal += 1
    for (metric, value) in record.values {
      let i: Int
      if let found = index[metric] {
        i = found
      } else {
        i = series.count
        index[metric] = i
        series.append(LogSeries(metric: metric, track: picture.map { LogTrack(columns: $0.columns, smoother: $0.smoother) }))
      }
      if series[i].track != nil {
        series[i].track?.add(x: x, y: value)
      } else {
        series[i].xs.append(x)
        series[i].values.append(value)
      }
    }
    return nil
  }

  /// Adds a whole series under `name` (a series of that name already there is replaced).
  package mutating func adopt(_ s: LogSeries, as name: String) {
    var s = s
    s.metric = name
    if let i = index[name] { series[i] = s } else { index[name] = series.count; series.append(s) }
  }

  /// Forgets every point (the file was truncated or replaced, or rewritten whole).
  package mutating func reset() {
    series = []
    index = [:]
    ordinal = 0
  }
}
