// `view(state) -> grid`: the whole screen drawn from the state, with no terminal in sight.

import Losses
import Plot
import LossData
import LossLogs
import LossText

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
    let lessonRows = state.lessonRows
    if lessonRows > 0 { lessonPanel(state, &grid, rect: Rect(x: 0, y: h - 3 - lessonRows, width: w, height: lessonRows)) }
    let model = state.model
    model.render(into: &grid, in: state.panels, marker: state.marker)
    parameterBar(state, &grid, row: h - 3)
    grid.put(" " + model.readout(marker: state.marker), x: 0, y: h - 2, style: Style(bold: true))
    statusLine(state, &grid, row: h - 1)
    overlay(state, &grid)
    return grid
  }

  /// The lesson's step: title, text, then the question until it is answered, then the fact.
  static func lessonPanel(_ state: AppState, _ grid: inout Grid, rect: Rect) {
    guard let progress = state.lesson else { return }
    let step = progress.current
    grid.fill(rect, with: .blank)
    let header = " \(progress.lesson.title), step \(progress.step + 1)/\(progress.lesson.steps.count): \(step.title)"
    grid.put(header, x: rect.x, y: rect.y, style: Style(bold: true, reverse: true))
    guard step.done(state) else {
      let lines = wrap(step.text.joined(separator: " "), width: max(10, rect.width - 2))
      for (i, line) in lines.prefix(max(0, rect.height - 2)).enumerated() { grid.put(" " + line, x: rect.x, y: rect.y + 1 + i) }
      grid.put(" ? " + step.question, x: rect.x, y: rect.maxY - 1, style: Style(fg: .yellow, bold: true))
      return
    }
    // Answered: the computed fact replaces the text, wrapped over the rows below the header.
    let lines = wrap("✓ " + step.reveal(state) + "  (n: next step)", width: rect.width - 2)
    for (i, line) in lines.prefix(max(0, rect.height - 1)).enumerated() {
      grid.put(" " + line, x: rect.x, y: rect.y + 1 + i, style: Style(fg: .green, bold: true))
    }
  }

  /// Words into lines of at most `width` characters.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = [], line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
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
    var text = " LossScope  " + state.model.title
    let right = "? help  q quit "
    // The title gives way to the key hint, visibly cut, never overwritten mid-number.
    let room = state.width - right.count - 1
    if text.count > room { text = String(text.prefix(max(0, room - 1))) + "…" }
    grid.put(text, x: 0, y: 0, style: Style(bold: true, reverse: true))
    if room > 0 { grid.put(right, x: state.width - right.count, y: 0, style: bar) }
  }
}
