// The training-log mode on screen and on disk: panels, the cursor's values with the diagnosis, export.

import Losses
import Plot
import LossData
import LossLogs
import LossText

extension TrainingLogMode {
  /// As many panels as have about 8 rows each, the cursor drawn on every one.
  func render(into grid: inout Grid, in rect: Rect, marker: Marker) {
    guard !charts.isEmpty else {
      let text = follow ? "waiting for points in \(paths.map(Self.shown).joined(separator: ", "))" : "no train/val pair in these logs"
      grid.put(String(text.prefix(max(0, rect.width - 2))), x: rect.x + 1, y: rect.y + rect.height / 2)
      return
    }
    let x = cursorX
    let fit = charts.prefix(max(1, rect.height / 8)).map { chart -> Chart in
      var chart = chart
      chart.marker = marker
      chart.verticalLines = [ReferenceLine(x)]
      return chart
    }
    ChartStack(Array(fit)).render(into: &grid, in: rect)
  }

  /// `step 120 │ loss 0.53 ~0.55 │ val_loss 0.61 ~0.62 │ overfitting: train ...`: at the
  /// cursor, each series' last point at or before it, raw then smoothed, then the first
  /// panel's diagnosis with its evidence.
  func readout(marker: Marker) -> String {
    let x = cursorX
    var parts = ["\(axis.rawValue) \(NumberText.shortest(x))"]
    // Several panels (runs) may log the same names: each is numbered as its panel's title is.
    for (n, panel) in panels.prefix(4).enumerated() {
      for (i, s) in panel.series.enumerated() {
        guard let k = Self.index(s, atOrBefore: x) else { continue }
        parts.append((panels.count > 1 ? "[\(n + 1)] " : "") + "\(Self.shown(s.metric)) \(NumberText.significant(s.values[k])) ~\(NumberText.significant(panel.smoothed[i][k]))")
      }
    }
    if let d = panels.first?.diagnosis {
      parts.append(([d.verdict.rawValue] + d.flags).joined(separator: "+") + ": " + d.evidence)
    }
    return parts.joined(separator: marker == .ascii ? " | " : " │ ")
  }

  /// The settings and the range: undo remembers these, not the points that arrive.
  var undoKey: String {
    command + (range.map { " from=\(NumberText.shortest($0.from)) to=\(NumberText.shortest($0.to))" } ?? "") + (logY ? " log-y" : "")
  }

  /// `lossscope log FILES --smoother ema --smooth 0.6`: writes the same CSV without the app.
  var command: String {
    var words = ["lossscope", "log"] + paths
    let name = settings.choice("smoother")
    words += ["--smoother", name]
    if name == "ema" { words += ["--smooth", NumberText.shortest(settings["smooth"])] }
    if name == "ma", let window { words += ["--window", String(window)] }
    let line = words.map(CSVExport.shellQuoted).joined(separator: " ")
    // A line break in a path would end the `# command:` line: such a name is shown escaped.
    return line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? line.escapedForTerminal(limit: 4000) : line
  }

  /// Every point read so far, exact, with its smoothed value: what the command writes.
  func export() -> ModeExport {
    let sink = ByteSink(fd: nil)
    LogCSV.write(runs, metrics: [], smoother: smoother, axis: axis, to: sink)
    return ModeExport(contents: CSVExport.withCommand(sink.text, command), command: command)
  }

  /// A training log has no preset form: the file says how to open the same view instead.
  func preset(name: String) -> PresetFile {
    var file = PresetFile.saved(name: name, description: title)
    file.comments += ["a training-log view is not a preset; open it again with:",
                      (["lossscope", "--log"] + paths).map(CSVExport.shellQuoted).joined(separator: " ")]
    return file
  }
}
