// The training-log mode: train and val of each pair in one panel, smoothed live, with the diagnosis.

import Losses
import Plot
import LossData
import LossLogs
import LossText

/// One train/val pair of one run, with its smoothed values and its diagnosis.
struct LogPanel {
  var run: String
  var pair: LogPair
  /// The pair's train series, then its val series when there is one.
  var series: [LogSeries]
  var smoothed: [[Double]]
  var diagnosis: LogDiagnosis
}

struct TrainingLogMode {
  static let smootherNames = ["ema", "ma", "none"]
  static let specs = [
    ParameterSpec("smooth", default: LogSmoother.defaultWeight, range: LogSmoother.weightRange, step: 0.05,
                  meaning: "EMA weight, TensorBoard's smoothing (0 keeps the raw values)"),
    ParameterSpec("window", kind: .integer, default: 0, range: 0...100_000,
                  meaning: "points of the moving average and of the diagnosis (0: ma 9, the last quarter)"),
    ParameterSpec("smoother", kind: .choice(smootherNames), default: 0, meaning: "ema, centred moving average, or none"),
  ]

  /// The files, one run each, and the x they are read on.
  let paths: [String]
  let axis: LogAxis
  /// Following: the runtime ticks and each tick asks it to read what was appended.
  let follow: Bool
  // Changed only by this type's methods (here and in TrainingLogMode+Keys), which redraw.
  var settings = Parameters(specs)
  /// The x range shown; nil shows every point, the latest included (what following keeps in sight).
  var range: (from: Double, to: Double)?
  /// The cursor's x; nil sits on the latest step.
  var cursor: Double?
  /// nil: log-y when the values span more than two decades, as `lossscope log --plot` draws.
  var logYChoice: Bool?
  /// The last read error while following; reading stops there.
  private(set) var problem: String?

  // Derived when the inputs above change, never per frame.
  private(set) var runs: [LogRun] = []
  /// The runtime's read these runs come from (0: read when the mode was opened).
  private(set) var read = 0
  private(set) var panels: [LogPanel] = []
  private(set) var extent = (from: 0.0, to: 1.0)
  private(set) var charts: [Chart] = []
  private var autoLogY = false
  var plotWidth = 80

  /// The mode over `runs`, read from `paths` once already.
  init(paths: [String], axis: LogAxis, runs: [LogRun], follow: Bool) {
    self.paths = paths
    self.axis = axis
    self.follow = follow
    self.runs = LogPairing.units(runs)
    resmooth()
  }

  /// Opens `paths` and reads them: to the end once, or as far as they go when following (the
  /// files may still be empty then). Refuses what `lossscope log` refuses.
  static func open(_ paths: [String], follow: Bool) throws(CLIError) -> TrainingLogMode {
    if paths.contains("-") { throw CLIError("--log reads files, not stdin (-): the app's keys come from the terminal") }
    let runs = try reading { () throws(FileError) -> [LogRun] in
      let set = try TrainingLogSet(paths: paths, axis: .step)
      try set.poll(final: !follow)
      return set.runs
    }
    if !follow {
      for run in runs where run.series.isEmpty {
        throw CLIError("\(run.name.escapedForTerminal(limit: 200)): no numeric metrics found")
      }
    }
    return TrainingLogMode(paths: paths, axis: .step, runs: runs, follow: follow)
  }

  var smoother: LogSmoother {
    switch settings.choice("smoother") {
    case "ma": return .movingAverage(window: window ?? 9)
    case "none": return .none
    default: return .ema(weight: settings["smooth"])
    }
  }

  /// `--window`: nil when the parameter is 0 (the defaults).
  var window: Int? { settings.int("window") > 0 ? settings.int("window") : nil }
  var logY: Bool { logYChoice ?? autoLogY }
  var shown: (from: Double, to: Double) { range ?? extent }
  var cursorX: Double { min(max(cursor ?? extent.to, shown.from), shown.to) }

  // MARK: - Derived data, in three layers: the files, the smoothing, the picture

  /// The smoother or window changed: smoothed values and diagnoses, not the parsing.
  mutating func resmooth() {
    let smoother = self.smoother, window = self.window, axis = self.axis
    panels = runs.flatMap { run in
      LogPairing.pairs(run.series.map(\.metric)).compactMap { pair -> LogPanel? in
        guard let train = run[pair.train] else { return nil }
        let val = pair.val.flatMap { run[$0] }
        let series = [train] + (val.map { [$0] } ?? [])
        return LogPanel(run: run.name, pair: pair, series: series, smoothed: series.map { smoother.apply($0.values) },
                        diagnosis: LogDiagnosis(run: run.name, pair: pair, train: train, val: val, smoother: smoother,
                                                window: window, axis: axis))
      }
    }
    let xs = panels.flatMap { $0.series.flatMap { $0.xs.filter(\.isFinite) } }
    if let lo = xs.min(), let hi = xs.max() { extent = lo < hi ? (lo, hi) : (lo - 0.5, hi + 0.5) } else { extent = (0, 1) }
    let values = panels.flatMap { $0.series.flatMap { $0.values.filter(\.isFinite) } }
    if let lo = values.min(), let hi = values.max() { autoLogY = lo > 0 && hi / lo > 100 }
    redraw()
  }

  /// The range, width or log-y changed: each panel's charts, raw dim and smoothed bright, as
  /// envelopes of two points per column over the range shown.
  mutating func redraw() {
    let (from, to) = shown
    let columns = max(2, 2 * plotWidth)
    let logY = self.logY
    let numbered = panels.count > 1
    charts = panels.enumerated().map { n, panel in
      var series: [Series] = []
      for (i, s) in panel.series.enumerated() {
        let color = Color.seriesPalette[i % Color.seriesPalette.count]
        let inside = s.xs.indices.filter { s.xs[$0] >= from && s.xs[$0] <= to }
        let raw = LogEnvelope(columns: columns, xs: inside.map { s.xs[$0] }, ys: inside.map { s.values[$0] }).outline
        let smooth = LogEnvelope(columns: columns, xs: inside.map { s.xs[$0] }, ys: inside.map { panel.smoothed[i][$0] }).outline
        series.append(Series("", xs: raw.xs, ys: raw.ys, color: color, dimmed: true, glyph: "."))
        series.append(Series(Self.shown(s.metric), xs: smooth.xs, ys: smooth.ys, color: color))
      }
      let verdict = ([panel.diagnosis.verdict.rawValue] + panel.diagnosis.flags).joined(separator: "+")
      let members = ([panel.pair.train] + (panel.pair.val.map { [$0] } ?? [])).map(Self.shown).joined(separator: " / ")
      return Chart(series, title: (numbered ? "[\(n + 1)] " : "") + "\(Self.shown(panel.run)): \(members)  \(verdict)", xAxis: Axis(axis.rawValue, range: .explicit(from, to)),
                        yAxis: Axis(logY ? "value (log)" : "value", scale: logY ? .log10 : .linear))
    }
  }

  // MARK: - Following

  /// The runtime read the files: new runs, or why reading stopped. A status line when the
  /// reading failed, when the first pair's verdict changed (only a verdict that stands: never
  /// one from too few points), or, until one stands, when what it still needs changed.
  mutating func received(_ outcome: WorkOutcome) -> String? {
    guard follow, problem == nil else { return nil }
    switch outcome {
    case .failed(let text):
      problem = text
      return text + " (no longer following)"
    case .logs(let from, let new, let read):
      guard from == paths, read != self.read else { return nil }
      let before = panels.first.map(\.diagnosis)
      runs = LogPairing.units(new)
      self.read = read
      resmooth()
      guard let now = panels.first?.diagnosis else { return nil }
      if now.verdict.stands { return now.verdict != before?.verdict ? "diagnosis now: \(now.verdict.rawValue)" : nil }
      if let needs = now.shortfall, needs != before?.shortfall { return "no verdict yet: \(needs)" }
      return nil
    case .embeddings: return nil
    }
  }

  /// A file or metric name as the screen shows it: control characters escaped, at most 200 long.
  static func shown(_ name: String) -> String { name.escapedForTerminal(limit: 200) }

  /// The x of the point of `s` at or before `x` (the first point when none is), as an index.
  static func index(_ s: LogSeries, atOrBefore x: Double) -> Int? {
    guard s.count > 0 else { return nil }
    var lo = 0, hi = s.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if s.xs[mid] <= x { lo = mid + 1 } else { hi = mid }
    }
    return max(0, lo - 1)
  }
}
