// The bottom bars: parameters with the selection, the cursor readout, and the status line.

import Losses
import Plot

extension Screen {
  static func parameterBar(_ state: AppState, _ grid: inout Grid, row: Int) {
    let editable = state.model.parameters
    guard !editable.isEmpty else {
      grid.put(" \(state.model.title) has no parameters", x: 0, y: row, style: Style(dim: true))
      return
    }
    let selected = min(state.selected, editable.count - 1)
    let items = editable.map { spec, value in " \(spec.name)=\(spec.format(value)) \(spec.rangeText) " }
    // Start early enough that the selected item is on screen.
    var first = 0
    while items[first...selected].map(\.count).reduce(0, +) + 2 > state.width && first < selected { first += 1 }
    var x = first > 0 ? grid.put("…", x: 0, y: row) : 0
    for i in first..<items.count {
      let style = i == selected ? Style(bold: true, reverse: true) : Style()
      x = grid.put(items[i], x: x, y: row, style: style) + 1
    }
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
      grid.put("   (\(hint))", x: max(x, caretX + 1), y: row)
      let under: Unicode.Scalar = at < chars.count ? chars[at].unicodeScalars.first ?? " " : " "
      grid.put(under, x: caretX, y: row, style: Style(bold: true, reverse: true))
    case .confirmOverwrite(let path, _):
      grid.put(" \(path) exists: overwrite? y/n", x: 0, y: row, style: Style(bold: true, reverse: true))
    default:
      grid.put(" " + state.status, x: 0, y: row)
    }
  }
}

/// Three significant digits, `0.0100`, `0.900`, `1.23e-05`: what a readout needs.
func significant(_ x: Double, digits: Int = 3) -> String {
  guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
  if x == 0 { return "0" }
  var exponent = 0
  var m = abs(x)
  while m >= 10 { m /= 10; exponent += 1 }
  while m < 1 { m *= 10; exponent -= 1 }
  var scaled = (m * pow10(digits - 1)).rounded()
  if scaled >= pow10(digits) { scaled /= 10; exponent += 1 }
  let digitsText = String(Int(scaled))
  let sign = x < 0 ? "-" : ""
  if exponent < -4 || exponent >= 6 {
    let mantissa = digitsText.prefix(1) + (digits > 1 ? "." + digitsText.dropFirst() : "")
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
  }
  if exponent < 0 {
    return sign + "0." + String(repeating: "0", count: -exponent - 1) + digitsText
  }
  let whole = exponent + 1
  if whole >= digits { return sign + digitsText + String(repeating: "0", count: whole - digits) }
  return sign + digitsText.prefix(whole) + "." + digitsText.dropFirst(whole)
}

private func pow10(_ n: Int) -> Double {
  var r = 1.0
  for _ in 0..<n { r *= 10 }
  return r
}
