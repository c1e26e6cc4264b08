// Boxes drawn over the panels: the key help and the view picker.

import Losses
import Plot
import LossData
import LossLogs
import LossText

extension Screen {
  static func overlay(_ state: AppState, _ grid: inout Grid) {
    switch state.overlay {
    case .help(let filter, let top):
      let lines = Help.lines(for: state.model, filter: filter)
      let page = Help.page(height: state.height)
      let shown = Array(lines.dropFirst(top).prefix(page))
      let range = lines.count > page ? " \(top + 1)-\(top + shown.count) of \(lines.count), j/k PgUp/PgDn" : ""
      let title = "keys" + range + (filter.isEmpty ? "; type to filter" : ": " + filter + "_")
      box(title: title, lines: shown, selected: nil, state, &grid)
    case .picker(let adding, let filter, let selection):
      let choices = pickerChoices(adding: adding, filter: filter, state: state)
      var lines = choices.map(\.line)
      if lines.isEmpty { lines = ["no view matches"] }
      let title = (adding ? "add a view" : "choose a view") + ": " + filter + "_"
      box(title: title, lines: lines, selected: choices.isEmpty ? nil : selection, state, &grid)
    default:
      break
    }
  }

  /// A bordered box in the middle of the screen; long lists scroll to keep `selected` visible.
  static func box(title: String, lines: [String], selected: Int?, _ state: AppState, _ grid: inout Grid) {
    let width = min(state.width - 2, max(title.count + 4, (lines.map(\.count).max() ?? 0) + 4))
    let height = min(state.height - 2, lines.count + 2)
    let x = (state.width - width) / 2, y = (state.height - height) / 2
    let rect = Rect(x: x, y: y, width: width, height: height)
    grid.fill(rect, with: .blank)
    let ascii = state.marker == .ascii
    let (h, v, corner): (Unicode.Scalar, Unicode.Scalar, [Unicode.Scalar]) =
      ascii ? ("-", "|", ["+", "+", "+", "+"]) : ("─", "│", ["┌", "┐", "└", "┘"])
    for i in x..<(x + width) {
      grid.put(h, x: i, y: y)
      grid.put(h, x: i, y: y + height - 1)
    }
    for j in y..<(y + height) {
      grid.put(v, x: x, y: j)
      grid.put(v, x: x + width - 1, y: j)
    }
    grid.put(corner[0], x: x, y: y)
    grid.put(corner[1], x: x + width - 1, y: y)
    grid.put(corner[2], x: x, y: y + height - 1)
    grid.put(corner[3], x: x + width - 1, y: y + height - 1)
    grid.put(" \(title) ", x: x + 2, y: y, style: Style(bold: true))
    let visible = max(0, height - 2)
    let top = selected.map { max(0, min($0 - visible / 2, lines.count - visible)) } ?? 0
    let inner = Rect(x: x + 1, y: y + 1, width: max(0, width - 2), height: visible)
    for row in 0..<visible where top + row < lines.count {
      let isSelected = selected == top + row
      grid.put(" " + lines[top + row], x: x + 1, y: y + 1 + row, style: Style(bold: isSelected, reverse: isSelected), clip: inner)
    }
  }
}
