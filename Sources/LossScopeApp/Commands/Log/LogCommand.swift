// `lossscope log`: training logs as a long CSV, a chart or a diagnosis, read once or followed like tail -F.

import ArgumentParser
import Plot
import LossText
import LossData
import LossLogs

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LogAxis: ExpressibleByArgument {}
extension LogFormat: ExpressibleByArgument {}

enum LogSmootherKind: String, ExpressibleByArgument, CaseIterable { case ema, ma, none }

struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Read training logs: curves as CSV or a chart, TensorBoard's smoothing, and a diagnosis.",
    discussion: """
      Reads CSV with a header (Lightning's metrics.csv, Keras's CSVLogger), JSON lines, Hugging \
      Face's trainer_state.json, detectron2's metrics.json, TensorBoard event files, MLflow's \
      mlruns/ and mlflow.db, W&B's run-*.wandb, and any text through --regex; `-` is stdin, a \
      folder is searched for logs (its event files are one run, each subfolder's another, as in \
      TensorBoard, which also purges what a restart orphaned: --keep-restarts keeps it). Without --plot or --diagnose it writes \
      the long CSV run,metric,x,value,smoothed. A metric named with val, valid, validation, eval or \
      test is held out and paired with its training metric (val_loss with loss, train_loss or \
      train_loss_epoch). --diagnose judges losses (lower is better) and accuracies (higher is \
      better) by name; --goal sets the way for any other metric. The rules: docs/logs.md.
      """)

  @Argument(help: ArgumentHelp("Log files or folders; - reads stdin.", valueName: "file"))
  var files: [String] = []

  @Flag(name: .long, help: "Keep reading what is appended (a truncated or replaced file is reopened).")
  var follow = false

  @Option(name: .customLong("x"), help: "Horizontal axis: step, epoch or time (a file without steps counts rows).")
  var axis: LogAxis = .step

  @Option(name: .long, help: "Metrics to keep, by name or glob (repeatable); with --regex, the names of the captures.")
  var metric: [String] = []

  @Option(name: .long, parsing: .unconditional, help: "EMA weight in [0, 0.999]; 0.6 is TensorBoard's default.")
  var smooth: Double = LogSmoother.defaultWeight

  @Option(name: .long, help: "ema (TensorBoard's debiased EMA), ma (centred moving average of --window points) or none.")
  var smoother: LogSmootherKind = .ema

  @Option(name: .long, parsing: .unconditional, help: "Points: of the moving average (default 9), and of the diagnosis (default: the last quarter, at least 5).")
  var window: Int?

  @Flag(name: .long, help: "Keep the points TensorBoard drops as orphaned by a restart (SessionLog.START, or a step going back).")
  var keepRestarts = false

  @Flag(name: .long, help: "Print run,train,val,verdict,flags,evidence for each train/val pair.")
  var diagnose = false

  @Option(name: .long, help: ArgumentHelp("Which way is good for a metric (name or glob): NAME=min or NAME=max (repeatable); overrides the name's own.", valueName: "name=min|max"))
  var goal: [String] = []

  @Option(name: .shortAndLong, help: "Write the CSV to this file (atomically) instead of stdout.")
  var output: String?

  @Flag(name: .long, help: "Print the chart: train and val of a pair in one panel, raw dim, smoothed bright.")
  var plot = false

  @Option(name: .long, help: "Read every file as csv, keras-csv, jsonl, detectron2, trainer-state, tfevents, mlflow-file, mlflow-db, wandb or text (default: told by content).")
  var format: LogFormat?

  @Option(name: .long, help: "For text logs: a regular expression with one capture per metric (named captures step, epoch, time give x).")
  var regex: String?

  @Option(name: .long, help: "The training metric of the pair to diagnose and draw.")
  var train: String?

  @Option(name: .long, help: "Its held-out partner.")
  var val: String?

  @OptionGroup var chart: ChartSizeOptions

  @Option(name: .long, help: "Colour: auto, always or never.")
  var color: ColorChoice = .auto

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one log file (or - for stdin)") }
    if !LogSmoother.weightRange.contains(smooth) { throw ValidationError("--smooth must be in [0, 0.999] (got \(smooth))") }
    if let window, window < 1 { throw ValidationError("--window must be at least 1 (got \(window))") }
    if val != nil && train == nil { throw ValidationError("--val needs --train") }
    for g in goal where LogGoal.parse(g) == nil {
      throw ValidationError("--goal takes NAME=min or NAME=max (got \(g.escapedForTerminal(limit: 80)))")
    }
    if follow && output == nil && !plot && !diagnose && smoother == .ma {
      throw ValidationError("--follow with CSV on stdout needs --smoother ema or none (a centred average needs later points)")
    }
  }

  var chosenSmoother: LogSmoother {
    switch smoother {
    case .ema: return .ema(weight: smooth)
    case .ma: return .movingAverage(window: window ?? 9)
    case .none: return .none
    }
  }

  /// `--goal`, parsed (validate refused the rest).
  var goals: [(glob: String, goal: LogGoal)] { goal.compactMap(LogGoal.parse) }

  var chartSize: (width: Int, height: Int) { chart.size }

  var colored: Bool { color == .always || (color == .auto && TerminalInfo.isTTY(1) && !TerminalInfo.noColor) }

  var chartMarker: Marker { colored ? .braille : .ascii }

  /// Metric globs to select by (none with --regex: there --metric names the captures).
  var selection: [String] { regex == nil ? metric : [] }

  /// Lines on stderr for what was read but deserves a word: an incomplete last record, and the
  /// points a restart orphaned (each said once).
  static func warn(_ set: TrainingLogSet, said warnedRestarts: inout [Int: Int]) {
    var lines = set.takeWarnings()
    for (i, run) in set.runs.enumerated() {
      let said = warnedRestarts[i] ?? 0
      for r in run.restarts.dropFirst(said) {
        lines.append("\(run.name.escapedForTerminal(limit: 200)): restart at step \(NumberText.shortest(r.step)): dropped \(r.dropped) earlier point\(r.dropped == 1 ? "" : "s") at step \(NumberText.shortest(r.step)) or later, as TensorBoard does (--keep-restarts keeps them)")
      }
      warnedRestarts[i] = run.restarts.count
    }
    for line in lines {
      var bytes = Array(("lossscope: warning: " + line + "\n").utf8)
      _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }
  }

  func run() throws {
    var pattern: Regex<AnyRegexOutput>?
    if let regex {
      do { pattern = try Regex(regex) } catch { throw CLIError("--regex: \("\(error)".escapedForTerminal(limit: 200))") }
    }
    // The chart alone needs no points: each series is kept as envelopes, whatever its length.
    let pictureOnly = plot && output == nil && !diagnose && LogTrack.streams(chosenSmoother)
    let set = try TrainingLogSet(paths: files, format: format, regex: pattern, captureNames: regex == nil ? [] : metric, axis: axis,
                                 picture: pictureOnly ? (chartSize.width * chartMarker.dotsPerColumn, chosenSmoother) : nil,
                                 keepRestarts: keepRestarts)
    try set.poll(final: !follow)
    var warned: [Int: Int] = [:]
    Self.warn(set, said: &warned)
    if !follow {
      for run in set.runs where run.series.isEmpty {
        throw CLIError("\(run.name.escapedForTerminal(limit: 200)): no numeric metrics found")
      }
      for name in [train, val].compactMap({ $0 }) where !set.runs.contains(where: { $0[name] != nil }) {
        let known = Set(set.runs.flatMap { $0.series.map(\.metric) }).sorted().prefix(20)
        throw CLIError("no metric \(name.escapedForTerminal(limit: 80)) (the logs have \(known.map { ($0).escapedForTerminal(limit: 80) }.joined(separator: ", ")))")
      }
    }
    var output = LogOutput(command: self, set: set)
    try output.emit(first: true)
    guard follow else { return }
    while true {
      usleep(100_000)
      let changed = try set.poll(final: false)
      Self.warn(set, said: &warned)
      if !changed.isEmpty { try output.emit(first: false, changed: changed) }
    }
  }
}
