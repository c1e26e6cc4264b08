// `view(state) -> grid`: the whole screen drawn from the state, with no terminal in sight.

import Losses
import Plot

enum Screen {
  /// The screen for `state` at its size: title, loss and gradient panels with the cursor,
  /// parameter bar, readout, status line, and any overlay on top.
  static func render(_ state: AppState) -> Grid {
    var grid = Grid(width: max(0, state.width), height: max(0, state.height))
    if state.tooSmall {
      tooSmall(state, &grid)
      return grid
    }
    let w = state.width, h = state.height
    titleBar(state, &grid)
    if let plane = state.plane {
      let marks = plane.marks.map { Annotation(x: $0.x, y: $0.y, $0.label) } + [Annotation(x: plane.x, y: plane.y, "")]
      plane.request.render(into: &grid, in: Rect(x: 0, y: 1, width: w, height: h - 4), marker: state.marker, marks: marks)
      parameterBar(state, &grid, row: h - 3)
      grid.put(" " + plane.readout, x: 0, y: h - 2, style: Style(bold: true))
      statusLine(state, &grid, row: h - 1)
      overlay(state, &grid)
      return grid
    }
    let series = state.visibleSeries
    let samples = state.sampleGrid
    let curves = series.map {
      CurveSeries(name: $0.name, curve: Curve(view: $0.slot.view, grid: samples), dimmed: $0.dimmed)
    }
    let stack = LossChart.stack(
      curves, axis: state.axis, title: "", logY: state.logY, marker: state.marker, grad: true,
      cursor: state.cursor)
    stack.render(into: &grid, in: Rect(x: 0, y: 1, width: w, height: h - 4))
    parameterBar(state, &grid, row: h - 3)
    readout(state, series, &grid, row: h - 2)
    statusLine(state, &grid, row: h - 1)
    overlay(state, &grid)
    return grid
  }

  static func tooSmall(_ state: AppState, _ grid: inout Grid) {
    let lines = [
      "terminal too small",
      "\(state.width)x\(state.height), needs \(AppState.minimumWidth)x\(AppState.minimumHeight)",
      "enlarge it, or q to quit",
    ]
    for (i, line) in lines.enumerated() {
      let y = state.height / 2 - 1 + i
      grid.put(line, x: max(0, (state.width - line.count) / 2), y: y, style: Style(bold: i == 0))
    }
  }

  static func titleBar(_ state: AppState, _ grid: inout Grid) {
    let bar = Style(reverse: true)
    grid.fill(Rect(x: 0, y: 0, width: state.width, height: 1), with: Cell(" ", style: bar))
    var text = " LossScope  " + state.shownName
    if state.plane == nil {
      if let reference = state.reference { text += "  vs " + reference.name }
      text += "  on \(state.axis.name)"
    }
    grid.put(text, x: 0, y: 0, style: Style(bold: true, reverse: true))
    let right = "? help  q quit "
    grid.put(right, x: state.width - right.count, y: 0, style: bar)
  }
}
