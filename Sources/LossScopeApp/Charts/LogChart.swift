// Training logs as charts: one panel per train/val pair, raw dim and smoothed bright, drawn from per-column envelopes.

import Plot
import LossData
import LossLogs
import LossText

enum LogChart {
  /// One panel: the series it draws and its title.
  struct Panel {
    var title: String
    var series: [LogSeries]
  }

  /// Pairs first (train and val together), then each other selected metric on its own.
  static func panels(_ runs: [LogRun], metrics: [String], train: String?, val: String?, goals: [(glob: String, goal: LogGoal)] = []) -> [Panel] {
    var panels: [Panel] = []
    for run in runs {
      let names = run.series.map(\.metric).filter { LogPairing.selected($0, metrics) }
      let pairs = LogPairing.pairs(names, train: train, val: val, goals: goals, evaluated: run.format.isEvaluated)
      var shown = Set<String>()
      for pair in pairs {
        let members = [pair.train] + (pair.val.map { [$0] } ?? [])
        shown.formUnion(members)
        panels.append(Panel(title: run.name + ": " + members.joined(separator: " / "),
                            series: members.compactMap { run[$0] }))
      }
      // Without --metric only the pairs are drawn: a run logs many metrics besides its losses.
      guard !metrics.isEmpty else { continue }
      for name in names where !shown.contains(name) {
        if let s = run[name] { panels.append(Panel(title: run.name + ": " + name, series: [s])) }
      }
    }
    return panels
  }

  /// The charts of `panels` stacked; each series becomes an envelope of `columns` columns,
  /// raw dim and smoothed bright in the same colour; log-y when values span over two decades.
  static func stack(_ panels: [Panel], smoother: LogSmoother, axis: LogAxis, columns: Int, marker: Marker) -> ChartStack {
    let charts = panels.map { panel -> Chart in
      var series: [Series] = []
      let tracks = panel.series.map { $0.track ?? LogTrack(columns: columns, series: $0, smoother: smoother) }
      let lows = tracks.flatMap { $0.raw.lo.filter(\.isFinite) }, highs = tracks.flatMap { $0.raw.hi.filter(\.isFinite) }
      let low = lows.min() ?? 1, high = highs.max() ?? 1
      let logY = low > 0 && high / low > 100
      for (i, (s, track)) in zip(panel.series, tracks).enumerated() {
        let color = Color.seriesPalette[i % Color.seriesPalette.count]
        let raw = track.raw.outline, smooth = track.smooth.outline
        series.append(Series("", xs: raw.xs, ys: raw.ys, color: color, dimmed: true, glyph: "."))
        series.append(Series(s.metric, xs: smooth.xs, ys: smooth.ys, color: color))
      }
      var chart = Chart(series, title: panel.title, xAxis: Axis(axis.rawValue), yAxis: Axis(logY ? "value (log)" : "value", scale: logY ? .log10 : .linear), marker: marker)
      chart.legend = .topRight
      return chart
    }
    return ChartStack(charts)
  }
}
