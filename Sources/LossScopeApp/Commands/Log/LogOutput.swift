// What `lossscope log` writes, once or after every change while following: CSV rows, the chart, the diagnosis.

import Plot
import LossText
import LossData
import LossLogs

struct LogOutput {
  let command: LogCommand
  let set: TrainingLogSet
  /// Rows already written to stdout per run and metric, so following appends only new ones.
  private var written: [Int: [String: Int]] = [:]
  private var generations: [Int] = []

  init(command: LogCommand, set: TrainingLogSet) {
    self.command = command
    self.set = set
  }

  var csvOnStdout: Bool { command.output == nil && !command.plot && !command.diagnose }

  mutating func emit(first: Bool, changed: [Int] = []) throws(CLIError) {
    let smoother = command.chosenSmoother
    if let path = command.output {
      try AtomicFile.write(to: path) { sink throws(CLIError) in
        LogCSV.write(set.runs, metrics: command.selection, smoother: smoother, axis: set.axis, to: sink)
      }
    }
    if csvOnStdout { try appendCSV(first: first) }
    if command.plot { try emit(chart(smoother), clear: !first) }
    if command.diagnose {
      try emit((["run,train,val,verdict,flags,evidence"] + diagnoses(smoother).map(\.csvRow)).joined(separator: "\n") + "\n")
    }
  }

  /// The diagnosis of every pair of every run (sibling runs that pair counted as one).
  func diagnoses(_ smoother: LogSmoother) -> [LogDiagnosis] {
    let goals = command.goals
    return LogPairing.units(set.runs).flatMap { run -> [LogDiagnosis] in
      let names = run.series.map(\.metric).filter { LogPairing.selected($0, command.selection) }
      let format = run.format
      return LogPairing.pairs(names, train: command.train, val: command.val, goals: goals, evaluated: format.isEvaluated).compactMap { pair in
        guard let train = run[pair.train] else { return nil }
        return LogDiagnosis(run: run.name, pair: pair, train: train, val: pair.val.flatMap { run[$0] },
                            smoother: smoother, window: command.window, axis: set.axis,
                            goal: LogGoal.of(pair.train, overrides: goals),
                            valGoal: pair.val.map { LogGoal.of($0, overrides: goals) } ?? nil, note: run.format.valuesNote)
      }
    }
  }

  /// CSV to stdout: everything the first time, then the rows that are new (a run that was
  /// replaced is written again after a `# replaced` line).
  private mutating func appendCSV(first: Bool) throws(CLIError) {
    let sink = ByteSink(fd: 1)
    let smoother = command.chosenSmoother
    if first {
      for line in LogCSV.metadata(set.runs, smoother: smoother, axis: set.axis) + [LogCSV.header] {
        sink.append(line + "\n")
      }
    }
    for (i, run) in set.runs.enumerated() {
      var done = written[i] ?? [:]
      if !first && generations.indices.contains(i) && generations[i] != set.generations[i] {
        sink.append("# replaced: \(run.name.escapedForTerminal(limit: 400))\n")
        done = [:]
      }
      for series in run.series where LogPairing.selected(series.metric, command.selection) {
        let from = done[series.metric] ?? 0
        guard from < series.count else { continue }
        let smoothed = smoother.apply(series.values)
        let prefix = CSVText.cell(run.name) + "," + CSVText.cell(series.metric) + ","
        for k in from..<series.count { LogCSV.appendRow(prefix, series.xs[k], series.values[k], smoothed[k], to: sink) }
        done[series.metric] = series.count
      }
      written[i] = done
    }
    generations = set.generations
    sink.flush()
    if sink.failure != 0 { throw CLIError("cannot write to stdout: \(errorText(sink.failure))") }
  }

  private func chart(_ smoother: LogSmoother) -> String {
    let (w, h) = command.chartSize
    let panels = LogChart.panels(LogPairing.units(set.runs), metrics: command.selection, train: command.train, val: command.val, goals: command.goals)
    guard !panels.isEmpty else { return "no train/val pair to draw (name metrics with --metric)\n" }
    // Each panel needs about 8 rows to be readable; the rest are left out.
    let fit = Array(panels.prefix(max(1, h / 8)))
    let marker = command.chartMarker
    let stack = LogChart.stack(fit, smoother: smoother, axis: set.axis, columns: w * marker.dotsPerColumn, marker: marker)
    var grid = Grid(width: w, height: h)
    stack.render(into: &grid, in: grid.bounds)
    var text = (command.colored ? grid.ansiLines() : grid.lines()).joined(separator: "\n") + "\n"
    if fit.count < panels.count { text += "(\(panels.count - fit.count) more panels: choose with --metric or --train/--val, or give --height)\n" }
    return text
  }

  private func emit(_ text: String, clear: Bool = false) throws(CLIError) {
    try LossScopeApp.emit((clear && TerminalInfo.isTTY(1) ? "\u{1b}[H\u{1b}[2J" : "") + text)
  }
}
