// The bottom bars: parameters with the selection, the cursor readout, and the status line.

import Losses
import Plot
import LossData
import LossLogs
import LossText

extension Screen {
  static func parameterBar(_ state: AppState, _ grid: inout Grid, row: Int) {
    let editable = state.model.parameters
    guard !editable.isEmpty else {
      grid.put(" \(state.model.title) has no parameters", x: 0, y: row, style: Style(dim: true))
      return
    }
    let selected = min(state.selected, editable.count - 1)
    let items = parameterItems(state)
    if let first = items.first, first.index > 0 { grid.put("…", x: 0, y: row) }
    for item in items {
      let style = item.index == selected ? Style(bold: true, reverse: true) : Style()
      grid.put(item.text, x: item.columns.lowerBound, y: row, style: style)
    }
  }

  /// Where each parameter stands on the bar: the items from the first one that keeps the
  /// selected item on screen. The bar draws them, a click finds one.
  static func parameterItems(_ state: AppState) -> [(index: Int, text: String, columns: Range<Int>)] {
    let editable = state.model.parameters
    guard !editable.isEmpty else { return [] }
    let selected = min(max(0, state.selected), editable.count - 1)
    let swept = state.mode.curves?.sweptText
    let texts = editable.map { spec, value in
      swept?.name == spec.name ? " \(spec.name)=\(swept?.text ?? "") (sweep) " : " \(spec.name)=\(spec.format(value)) \(spec.rangeText) "
    }
    var first = 0
    while texts[first...selected].map(\.count).reduce(0, +) + 2 > state.width && first < selected { first += 1 }
    var x = first > 0 ? 1 : 0
    var result: [(index: Int, text: String, columns: Range<Int>)] = []
    for i in first..<texts.count {
      result.append((i, texts[i], x..<(x + texts[i].count)))
      x += texts[i].count + 1
    }
    return result
  }

  static func statusLine(_ state: AppState, _ grid: inout Grid, row: Int) {
    let size = "\(state.width)x\(state.height) "
    defer { grid.put(size, x: state.width - size.count, y: row, style: Style(dim: true)) }
    let bold = Style(bold: true)
    switch state.overlay {
    case .prompt(let prompt, let value, _):
      let (label, hint): (String, String)
      switch prompt {
      case .value(let name): (label, hint) = ("\(name) = ", "a value, a list a,b,c or a range a..b:n; Enter accepts, Esc cancels")
      case .yRange: (label, hint) = ("y range lo,hi: ", "Enter accepts, Esc cancels")
      case .exportPath: (label, hint) = ("export to: ", "Enter writes, Esc cancels")
      case .presetName: (label, hint) = ("save preset as: ", "Enter saves to \(state.userPresetFolder), Esc cancels")
      }
      // The line scrolls so that the caret stays on screen; the caret cell is shown reversed.
      let chars = Array(value), at = state.caret(in: value)
      let room = max(1, state.width - size.count - label.count - 3)
      let first = max(0, at - room + 1)
      let shown = String(chars[first..<min(chars.count, first + room)])
      var x = grid.put(" " + label, x: 0, y: row, style: bold)
      let caretX = x + at - first
      x = grid.put(shown, x: x, y: row, style: bold)
      grid.put("   (\(hint))", x: max(x, caretX + 1), y: row, clip: Rect(x: 0, y: row, width: max(0, state.width - size.count - 1), height: 1))
      let under: Unicode.Scalar = at < chars.count ? chars[at].unicodeScalars.first ?? " " : " "
      grid.put(under, x: caretX, y: row, style: Style(bold: true, reverse: true))
    case .confirmOverwrite(let path, _):
      grid.put(" \(path) exists: overwrite? y/n", x: 0, y: row, style: Style(bold: true, reverse: true))
    default:
      grid.put(" " + state.status, x: 0, y: row)
    }
  }
}


