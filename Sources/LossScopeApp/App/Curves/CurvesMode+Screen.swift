// The curves mode on screen and on disk: panels, cursor readout, export and preset.

import Losses
import Plot
import LossText
import LossData
import LossLogs

extension CurvesMode {
  func render(into grid: inout Grid, in rect: Rect, marker: Marker) {
    stack(marker).render(into: &grid, in: rect)
  }

  /// The loss and gradient panels as drawn.
  func stack(_ marker: Marker) -> ChartStack {
    var lo: Double?, hi: Double?
    if case .fixed(let a, let b) = yRange { (lo, hi) = (a, b) }
    return LossChart.stack(
      curves, axis: axis, title: "", logY: logY, marker: marker, grad: true, cursor: cursor, yMin: lo, yMax: hi,
      yFull: yRange == .full)
  }

  /// A click puts the cursor at the x under the pointer; the wheel zooms x around it.
  mutating func pointer(x: Int, y: Int, button: MouseButton, in rect: Rect, marker: Marker) -> ModeReply {
    guard let layout = stack(marker).layouts(in: rect).first(where: { $0.plot.width > 0 }),
          x >= layout.plot.x, x < layout.plot.maxX else { return .notHere("") }
    place(cursor: layout.x(atColumn: x))
    switch button {
    case .press: return .done(nil)
    case .wheelUp: return perform(.zoomIn, selected: nil)
    case .wheelDown: return perform(.zoomOut, selected: nil)
    }
  }

  /// `pt 0.900 │ focal/ce L 0.0100 g 0.0290 │ focal L 0.00105 g 0.00290 │ ce L 0.105 g 0.100`:
  /// ratios to the reference first (what the user watches), then each series' values.
  func readout(marker: Marker) -> String {
    // Zoomed in, the cursor needs more digits than 3 to show that it moved.
    var digits = 1
    var scale = abs(cursor) / max((to - from) / 100, 1e-300)
    while scale >= 1 && digits < 12 { scale /= 10; digits += 1 }
    var parts = ["\(axis.name) \(NumberText.significant(cursor, digits: max(3, digits)))"]
    let values = series.map { ($0, $0.slot.evaluate(cursor)) }
    if let sweep, let spec = activeView.parameters.specs.first(where: { $0.name == sweep.name }) {
      // A sweep reads as one line per quantity: each swept value's ratio to the reference (or value).
      let swept = Array(values.prefix(sweep.values.count))
      let base = reference?.evaluate(cursor)
      func row(_ key: KeyPath<LossPoint, Double>) -> String {
        zip(sweep.values, swept).map { v, e in
          "\(spec.format(v)) " + (base.map { ratioText(e.1[keyPath: key], $0[keyPath: key]) } ?? NumberText.significant(e.1[keyPath: key]))
        }.joined(separator: ", ")
      }
      let what = reference.map { "\(activeView.info.name)/\($0.info.name)" } ?? activeView.info.name
      parts.append("\(what) L by \(spec.name): \(row(\.loss))")
      parts.append("g: \(row(\.grad))")
      for (s, p) in values.dropFirst(sweep.values.count) { parts.append("\(s.name) L \(NumberText.significant(p.loss)) g \(NumberText.significant(p.grad))") }
    } else {
      if let reference {
        let base = reference.evaluate(cursor)
        for (s, p) in values where s.slot != reference && !s.dimmed {
          parts.append("\(s.slot.info.name)/\(reference.info.name) L \(ratioText(p.loss, base.loss)) g \(ratioText(p.grad, base.grad))")
        }
      }
      for (s, p) in values { parts.append("\(s.name) L \(NumberText.significant(p.loss)) g \(NumberText.significant(p.grad))") }
    }
    return parts.joined(separator: marker == .ascii ? " | " : " │ ")
  }

  // MARK: - Export and preset

  /// The requests `lossscope export` would take for what is shown: the active view with its
  /// sweep, the other views, then each ghost as one more view.
  var requests: [ViewRequest] {
    func request(_ slot: ViewSlot) -> ViewRequest {
      var r = ViewRequest(info: slot.info)
      r.parameters = slot.parameters
      return r
    }
    var first = request(activeView)
    if let sweep { first.sweeps = [(sweep.name, sweep.values)] }
    var result = [first] + views.indices.filter { $0 != active }.map { request(views[$0]) }
    result += ghosts.map(request)
    return result
  }

  /// export's default number of points over the range shown, whatever the terminal's size.
  var exportGrid: SampleGrid { SampleGrid(from: from, to: to, count: Sampling.defaultPoints) }

  var undoKey: String { CSVExport.commandLine(requests, grid: exportGrid) + (logY ? " log-y" : "") }

  func export() -> ModeExport {
    let requests = self.requests
    let grid = exportGrid
    let command = CSVExport.commandLine(requests, grid: grid)
    let sink = ByteSink(fd: nil)
    var extras = ["# command: \(command)"]
    for (i, ghost) in ghosts.enumerated() {
      extras.append("# ghost \(i + 1): \(ghost.name), pinned for comparison (view \(views.count + i + 1) of the command)")
    }
    if let file = views.lazy.compactMap(\.population).first {
      // A file's population cannot be named on export's command line: write what is drawn.
      extras.append("# population: \(file.source) (export's ghmc uses its synthetic population instead)")
      let drawn = series.map { ($0.name, $0.slot.info, $0.slot.parameters, $0.slot.view) }
      CSVExport.write(series: drawn, axis: axis, grid: grid, to: sink, extras: extras)
    } else {
      CSVExport.write(requests, grid: grid, to: sink, extras: extras)
    }
    return ModeExport(contents: sink.text, command: command)
  }

  func preset(name: String) -> PresetFile {
    var file = PresetFile.saved(name: name, description: title)
    (file.from, file.to, file.cursor, file.logY) = (from, to, cursor, logY)
    // The active view first, so that it is the one edited when the preset is opened again.
    let ordered = [activeView] + views.enumerated().filter { $0.offset != active }.map(\.element)
    file.views = ordered.enumerated().map { i, slot in
      PresetFile.View(slot.info.name, slot.parameters, sweep: i == 0 ? sweep : nil)
    }
    return file
  }
}

/// `a/b` as a readout shows it: the ratio, `0/0` when both vanish, `a/0` when only b does.
func ratioText(_ a: Double, _ b: Double) -> String {
  if b == 0 { return a == 0 ? "0/0" : "\(NumberText.significant(a))/0" }
  return NumberText.significant(a / b)
}
