// Training logs in memory: runs of named metric series of (x, value) points, exact, in file order.

import LossData

/// What the horizontal axis counts.
package enum LogAxis: String, CaseIterable, Sendable {
  case step, epoch, time
}

/// The file formats `lossscope log` reads (docs/logs.md tells each one).
package enum LogFormat: String, CaseIterable, Sendable {
  case csv, jsonl
  case trainerState = "trainer-state"
  case tfevents, text
  /// Keras's CSVLogger: `epoch` first, `NA` where a metric was not logged.
  case kerasCSV = "keras-csv"
  /// detectron2's metrics.json: JSON lines keyed by `iteration`, losses already medians.
  case detectron2
  /// One metric file of MLflow's file store: `timestamp value step` lines.
  case mlflowFile = "mlflow-file"
  /// MLflow's SQLite tracking database (`mlflow.db`, its default store since 3.7).
  case mlflowDB = "mlflow-db"
  /// A W&B run file (`run-<id>.wandb`), offline or synced: history rows.
  case wandb

  /// Whether the format is lines of text (a line longer than LogSource.maxLine is refused).
  package var isLines: Bool {
    switch self {
    case .csv, .jsonl, .text, .kerasCSV, .detectron2, .mlflowFile: return true
    case .trainerState, .tfevents, .mlflowDB, .wandb: return false
    }
  }

  /// Metrics this format computes on held-out data whatever their names: detectron2's
  /// evaluators (COCOEvaluator's `bbox/AP`, `segm/AP50`, semantic and panoptic segmentation's).
  package func isEvaluated(_ metric: String) -> Bool {
    guard self == .detectron2 else { return false }
    return ["bbox/", "segm/", "keypoints/", "sem_seg/", "panoptic_seg/"].contains { metric.hasPrefix($0) }
  }

  /// What the evidence says first about this format's values, when they are not raw.
  package var valuesNote: String? {
    switch self {
    case .detectron2: return "detectron2 logs each loss as the median of its last 20 iterations: the smoother smooths those medians again"
    default: return nil
    }
  }
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
  /// What an event file says besides scalars.
  package var marker: LogMarker? = nil
}

/// An event that carries no values but changes how the ones before it are read.
package enum LogMarker: Sendable, Equatable {
  /// `file_version` of an event file, `brain.Event:2` as 2.
  case fileVersion(Double)
  /// `SessionLog.START`: a job (re)started at the record's step.
  case sessionStart
  /// Any other event (a graph, another SessionLog status): only its step counts.
  case other
}

/// One metric of one run: every point, exact (export writes these).
package struct LogSeries: Sendable {
  package var metric: String
  package var xs: [Double] = []
  package var values: [Double] = []
  /// The step of each point, kept beside `xs` when x is not the step and restarts are purged.
  package var steps: [Double] = []
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
  /// Purge orphaned points on a restart as TensorBoard's EventAccumulator does (event files).
  package var purgesRestarts = false
  /// What EventAccumulator remembers for that: the file version and the latest summary's step.
  private var fileVersion: Double?
  private var latestStep = -1.0
  /// Each purge: the step it happened at and the points it dropped.
  package private(set) var restarts: [(step: Double, dropped: Int)] = []

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
    if purgesRestarts { purgeOrphans(record) }
    if record.marker != nil || record.values.isEmpty { return nil }
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
        let track = purgesRestarts ? nil : picture.map { LogTrack(columns: $0.columns, smoother: $0.smoother) }
        series.append(LogSeries(metric: metric, track: track))
      }
      if series[i].track != nil {
        series[i].track?.add(x: x, y: value)
      } else {
        series[i].xs.append(x)
        series[i].values.append(value)
        if purgesRestarts && axis != .step { series[i].steps.append(record.step ?? x) }
      }
    }
    return nil
  }

  /// EventAccumulator's `_MaybePurgeOrphanedData`, line by line: in files of version 2 and later,
  /// a `SessionLog.START` at step T drops every point with step >= T. In older files (or without
  /// a version), a summary whose step is below the latest step drops, for each of its tags, the
  /// points with step >= its step; any other event's step becomes the latest step.
  private mutating func purgeOrphans(_ record: LogRecord) {
    if case .fileVersion(let v)? = record.marker { fileVersion = v }
    guard let step = record.step else { return }
    if let v = fileVersion, v >= 2 {
      if record.marker == .sessionStart { purge(from: step, tags: nil) }
    } else if record.marker == nil && step < latestStep {
      purge(from: step, tags: Set(record.values.map(\.0)))
    } else {
      latestStep = step
    }
  }

  /// Drops the points with step >= `step` of the series named in `tags` (nil: of every series).
  private mutating func purge(from step: Double, tags: Set<String>?) {
    var dropped = 0
    for i in series.indices where tags?.contains(series[i].metric) ?? true {
      let steps = series[i].steps.count == series[i].xs.count ? series[i].steps : series[i].xs
      let keep = steps.indices.filter { steps[$0] < step }
      guard keep.count < steps.count else { continue }
      dropped += steps.count - keep.count
      series[i].xs = keep.map { series[i].xs[$0] }
      series[i].values = keep.map { series[i].values[$0] }
      if !series[i].steps.isEmpty { series[i].steps = keep.map { series[i].steps[$0] } }
    }
    guard dropped > 0 else { return }
    // One restart, purged tag by tag in an old file, is said once.
    if let last = restarts.last, last.step == step { restarts[restarts.count - 1].dropped += dropped } else { restarts.append((step, dropped)) }
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
    fileVersion = nil
    latestStep = -1
    restarts = []
  }
}
